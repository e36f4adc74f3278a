import type { TMailJob, TMailTemplateCatalog } from './mail-job';

/** A stand-in for `@kyogikai/email`'s catalog: `jobs` tests must not depend on `email`. */
export const testTemplates: TMailTemplateCatalog = {
  names: ['greeting'],
  parseProps(template, props) {
    const name = (props as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') throw new Error(`${template}: props.name is required`);
    return { name };
  },
};

export function testMailJob(overrides: Partial<TMailJob> = {}): TMailJob {
  return {
    tenantId: '0b7c1a4e-8f0d-4c53-9a3e-3d2a1e8f9c11',
    messageId: 'msg-0001',
    to: 'staff@example.com',
    template: 'greeting',
    props: { name: '山田' },
    ...overrides,
  };
}
