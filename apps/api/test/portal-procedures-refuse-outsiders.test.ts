import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRouter } from '../src/trpc/portal/router';
import { codeOf, proceduresOf } from './helpers/procedure-walk';
import { createTestApi, type TestApi } from './helpers/test-api';

/**
 * Issue 7: "every new procedure refuses other tenants and other organisations" — and every old one.
 * Walks the portal router itself, so a procedure added later is covered; the ones that must work
 * before sign-in (sign-up, activation, password reset, the public verification and directory) are
 * listed. Other organisations of the same tenant are refused by row-level security on the acting
 * organisation (each procedure's own tests send another organisation's ids).
 */
const PUBLIC_PORTAL_PROCEDURES = new Set([
  'tenant.get',
  'tenant.consentDocuments',
  'tenant.formFields',
  'session.signIn',
  'session.signOut',
  'session.status',
  'session.me',
  'account.requestProvisional',
  'account.checkLink',
  'account.activate',
  'account.resendActivation',
  'account.requestPasswordReset',
  'account.resetPassword',
  // The national postal-code table: public reference data, no council's or member's data.
  'postal.lookup',
  'certificate.verify',
  'directory.list',
  // SPEC G7: the invitee opens the mailed link before having (or signing in to) an account.
  'delegation.checkInvitation',
  'delegation.acceptWithNewAccount',
]);

const procedures = proceduresOf(portalRouter);

describe('G1/G7 every portal procedure refuses another tenant’s applicant, staff sessions and no session', () => {
  let api: TestApi;
  let otherTenantApplicantToken: string;
  let staffToken: string;

  beforeAll(async () => {
    api = await createTestApi();
    await api.applicant(api.tenantB, 'outsider-b');
    otherTenantApplicantToken = await api.signIn(api.tenantB, 'portal', 'outsider-b');
    await api.staff(api.tenantA, 'secretariat');
    staffToken = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
  });
  afterAll(async () => {
    await api.close();
  });

  it('G1 the router has the procedures this test expects to walk (a rename would otherwise empty it)', () => {
    const paths = procedures.map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(['mypage.get', 'worker.create', 'application.submit', 'certificate.requestReissue']));
    expect(paths.filter((path) => !PUBLIC_PORTAL_PROCEDURES.has(path)).length).toBeGreaterThan(25);
  });

  it('G1 session.me answers another tenant’s applicant and a staff session with nobody', async () => {
    for (const token of [otherTenantApplicantToken, staffToken, null]) expect(await api.portal(api.tenantA, token).session.me()).toBeNull();
  });

  it.each(procedures.filter(([path]) => !PUBLIC_PORTAL_PROCEDURES.has(path)))(
    'G1 %s refuses another tenant’s applicant, a staff session and no session',
    async (path) => {
      const refused = ['UNAUTHORIZED', 'FORBIDDEN'];
      expect(refused).toContain(await codeOf(api.portal(api.tenantA, otherTenantApplicantToken), path));
      expect(refused).toContain(await codeOf(api.portal(api.tenantA, staffToken), path));
      expect(refused).toContain(await codeOf(api.portal(api.tenantA, null), path));
    },
  );
});
