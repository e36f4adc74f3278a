import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRouter } from '../src/trpc/admin/router';
import { codeOf, proceduresOf } from './helpers/procedure-walk';
import { createTestApi, type TestApi } from './helpers/test-api';

/**
 * Issue 6: "every admin procedure refuses applicant users and staff of another tenant". Walks the
 * admin router itself, so a procedure added later is covered without anyone remembering to add it
 * here; only the ones that must work before sign-in are listed as public.
 */
const PUBLIC_ADMIN_PROCEDURES = new Set(['tenant.get', 'session.signIn', 'session.signOut', 'session.status', 'session.me']);

const procedures = proceduresOf(adminRouter);

describe('G1 issue 6 every admin procedure refuses applicant users and staff of another tenant', () => {
  let api: TestApi;
  let applicantPortalToken: string;
  let otherTenantStaffToken: string;

  beforeAll(async () => {
    api = await createTestApi();
    await api.applicant(api.tenantA, 'outsider-applicant');
    applicantPortalToken = await api.signIn(api.tenantA, 'portal', 'outsider-applicant');
    await api.staff(api.tenantB, 'secretariat');
    otherTenantStaffToken = await api.signIn(api.tenantB, 'admin', `secretariat-${api.tenantB.slug}@example.jp`);
  });
  afterAll(async () => {
    await api.close();
  });

  it('G1 the router has the procedures this test expects to walk (a rename would otherwise empty it)', () => {
    const paths = procedures.map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(['review.get', 'review.approve', 'applications.list', 'reissue.approve', 'mail.retry']));
    expect(paths.filter((path) => !PUBLIC_ADMIN_PROCEDURES.has(path)).length).toBeGreaterThan(15);
  });

  it('G1 an applicant cannot sign in to the admin console', async () => {
    await expect(api.signIn(api.tenantA, 'admin', 'outsider-applicant@example.jp')).rejects.toBeInstanceOf(TRPCError);
  });

  it('G1 session.me answers an applicant’s session and another tenant’s staff with nobody', async () => {
    for (const token of [applicantPortalToken, otherTenantStaffToken, null])
      expect(await api.admin(api.tenantA, token).session.me()).toBeNull();
  });

  it.each(procedures.filter(([path]) => !PUBLIC_ADMIN_PROCEDURES.has(path)))(
    'G1 %s refuses an applicant’s session, another tenant’s staff and no session',
    async (path) => {
      const refused = ['UNAUTHORIZED', 'FORBIDDEN'];
      expect(refused).toContain(await codeOf(api.admin(api.tenantA, applicantPortalToken), path));
      expect(refused).toContain(await codeOf(api.admin(api.tenantA, otherTenantStaffToken), path));
      expect(refused).toContain(await codeOf(api.admin(api.tenantA, null), path));
    },
  );
});
