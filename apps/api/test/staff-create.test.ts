import { schema, withTenant } from '@kyogikai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

describe('G1 a tenant admin adds staff; the notice mail commits with the account (outbox)', () => {
  let api: TestApi;
  let adminToken: string;
  let secretariatToken: string;

  beforeAll(async () => {
    api = await createTestApi();
    await api.staff(api.tenantA, 'tenant_admin');
    await api.staff(api.tenantA, 'secretariat');
    adminToken = await api.signIn(api.tenantA, 'admin', `tenant_admin-${api.tenantA.slug}@example.jp`);
    secretariatToken = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
  });
  afterAll(() => api.close());

  const input = { email: 'new.staff@example.jp', displayName: '新任 職員', role: 'ministry' as const, password: 'initial-pass-1' };

  it('creates the account, its audit entry and one outbox mail with a link on the configured origin', async () => {
    const created = await api.admin(api.tenantA, adminToken).staff.create(input);
    expect(created).toMatchObject({ email: input.email, role: 'ministry', status: 'active' });
    const { outbox, audit } = await withTenant(api.testDb.app, api.tenantA.id, async (tx) => ({
      outbox: await tx.select().from(schema.outboxMessages),
      audit: await tx.select().from(schema.auditEvents),
    }));
    const mails = outbox.filter((row) => (row.payload as { to: string }).to === input.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.payload).toMatchObject({
      template: 'staff-account-created',
      props: { recipientName: input.displayName, loginEmail: input.email, signInUrl: `${api.tenantA.publicOrigin}/admin/` },
    });
    expect(JSON.stringify(mails[0]?.payload)).not.toContain(input.password);
    expect(audit.find((row) => row.action === 'user.created' && row.targetId === created.id)).toBeTruthy();
    // The new member can sign in with the password the admin handed over.
    await expect(api.admin(api.tenantA).session.signIn({ email: input.email, password: input.password })).resolves.toBeTruthy();
  });

  it('a second account with the same email is a conflict, and nothing else is written', async () => {
    await expect(api.admin(api.tenantA, adminToken).staff.create({ ...input, displayName: '別人' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'staff.emailTaken',
    });
  });

  it('only tenant admins may add staff', async () => {
    await expect(api.admin(api.tenantA, secretariatToken).staff.create({ ...input, email: 'x@example.jp' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('A2 the initial password follows the password rule', async () => {
    await expect(
      api.admin(api.tenantA, adminToken).staff.create({ ...input, email: 'y@example.jp', password: 'short' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(TEST_PASSWORD).toBeTruthy();
  });
});
