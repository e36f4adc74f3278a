import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './helpers/test-api';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe('procedure builders: session, role and tenant checks', () => {
  let api: TestApi;
  let staffOfBId: string;
  let secretariatToken: string;
  let ministryToken: string;

  beforeAll(async () => {
    api = await createTestApi();
    await api.staff(api.tenantA, 'secretariat');
    await api.staff(api.tenantA, 'ministry');
    await api.applicant(api.tenantA);
    staffOfBId = (await api.staff(api.tenantB, 'secretariat')).id;
    secretariatToken = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
    ministryToken = await api.signIn(api.tenantA, 'admin', `ministry-${api.tenantA.slug}@example.jp`);
  });
  afterAll(() => api.close());

  it('no session → UNAUTHORIZED', async () => {
    expect(await codeOf(api.admin(api.tenantA).staff.find())).toBe('UNAUTHORIZED');
  });

  it('a made-up token → UNAUTHORIZED', async () => {
    expect(await codeOf(api.admin(api.tenantA, 'not-a-real-token').staff.find())).toBe('UNAUTHORIZED');
  });

  it('wrong role → FORBIDDEN (ministry may not manage staff)', async () => {
    expect(await codeOf(api.admin(api.tenantA, ministryToken).staff.find())).toBe('FORBIDDEN');
  });

  it('right role → the tenant’s own staff only', async () => {
    const staff = await api.admin(api.tenantA, secretariatToken).staff.find();
    expect(staff.map((s) => s.email).sort()).toEqual([
      `ministry-${api.tenantA.slug}@example.jp`,
      `secretariat-${api.tenantA.slug}@example.jp`,
    ]);
  });

  it('other tenant’s resource → NOT_FOUND', async () => {
    expect(await codeOf(api.admin(api.tenantA, secretariatToken).staff.get({ id: staffOfBId }))).toBe('NOT_FOUND');
  });

  it('a session of tenant A is not a session in tenant B', async () => {
    expect(await codeOf(api.admin(api.tenantB, secretariatToken).staff.find())).toBe('UNAUTHORIZED');
  });

  it('A5 an applicant cannot sign in to the admin, nor staff to the portal', async () => {
    await expect(api.signIn(api.tenantA, 'admin', `user-${api.tenantA.slug}@example.jp`)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.signIn(api.tenantA, 'portal', `secretariat-${api.tenantA.slug}@example.jp`)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('a user of one tenant cannot sign in to another', async () => {
    await expect(api.signIn(api.tenantB, 'portal', `user-${api.tenantA.slug}`)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a portal session token does not open the admin', async () => {
    const portalToken = await api.signIn(api.tenantA, 'portal', `user-${api.tenantA.slug}`);
    expect(await codeOf(api.admin(api.tenantA, portalToken).staff.find())).toBe('UNAUTHORIZED');
    expect(await api.portal(api.tenantA, portalToken).session.me()).toMatchObject({ user: { role: 'applicant' } });
  });
});
