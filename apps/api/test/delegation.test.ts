import { schema, type TenantRecord } from '@kyogikai/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT_PASSWORD, mailsTo, tokenOf } from './helpers/account-flow';
import { portalCaller } from './helpers/callers';
import { downloadCertificate, makeMember, portalSessionCookie, storeCertificate } from './helpers/certificates';
import { startTestStorage } from './helpers/documents';
import { createTestApi, type TestApi } from './helpers/test-api';

type Member = { loginId: string; userId: string; organisationId: string; token: string };

/** SPEC G7 (ADR 022): invitations, acceptance with a new or an existing account, roles, revocation. */
describe('G7 delegated access', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let employer: Member;
  let counter = 0;

  async function applicant(tenant: TenantRecord, loginId: string): Promise<Member> {
    const created = await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const organisationId = (await api.portal(tenant, token).organisation.get()).id;
    return { loginId, userId: created.id, organisationId, token };
  }

  /** The member invites `email` as `role`; returns the token of the mailed link. */
  async function invite(from: Member, email: string, role: 'applicant_editor' | 'support_organisation' | 'viewer' | 'org_admin') {
    await api.portal(api.tenantA, from.token).delegation.invite({ email, role });
    const mails = await mailsTo(api, api.tenantA, email);
    const mail = mails.at(-1);
    expect(mail?.template).toBe('organisation-invitation');
    return tokenOf(mail?.props.acceptUrl);
  }

  /** The privacy policy as the page shows it (SPEC A3: the version ticked is recorded). */
  async function privacyConsent() {
    const documents = await api.portal(api.tenantA).tenant.consentDocuments();
    return { 'privacy-policy': documents.find((doc) => doc.key === 'privacy-policy')?.version ?? '' };
  }

  /** A new account through the link; returns its session token and ユーザーID. */
  async function acceptNew(token: string, displayName = '支援 太郎') {
    const { ctx, cookieJar } = api.contextFor(api.tenantA, 'portal', null, { clientAddress: `198.51.100.${++counter}` });
    const result = await portalCaller(ctx).delegation.acceptWithNewAccount({
      token,
      displayName,
      password: APPLICANT_PASSWORD,
      consents: await privacyConsent(),
    });
    if (!cookieJar.token) throw new Error('no session cookie');
    return { sessionToken: cookieJar.token, loginId: result.loginId, userId: result.user.id };
  }

  const auditActions = async (organisationId: string) =>
    (
      await api.testDb.owner.db
        .select({ action: schema.auditEvents.action })
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.targetType, 'organisation'), eq(schema.auditEvents.targetId, organisationId)))
        .orderBy(schema.auditEvents.occurredAt)
    ).map((row) => row.action);

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    employer = await applicant(api.tenantA, 'employer-g7');
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('G7 a support organisation accepts with a new account: signed in at once, acting for the employer, listed with its role', async () => {
    const email = 'support-new@example.jp';
    const token = await invite(employer, email, 'support_organisation');
    const check = await api.portal(api.tenantA).delegation.checkInvitation({ token });
    expect(check).toEqual({
      status: 'pending',
      corporateName: '法人 employer-g7',
      role: 'support_organisation',
      email,
      accountExists: false,
    });

    // A3: a version other than the one published now is refused, nothing is created.
    const { ctx: staleCtx } = api.contextFor(api.tenantA, 'portal', null, { clientAddress: '198.51.100.250' });
    const stale = await portalCaller(staleCtx)
      .delegation.acceptWithNewAccount({
        token,
        displayName: '支援 太郎',
        password: APPLICANT_PASSWORD,
        consents: { 'privacy-policy': 'old' },
      })
      .catch((error: unknown) => error);
    expect(stale).toMatchObject({ code: 'BAD_REQUEST' });

    const accepted = await acceptNew(token);
    expect(accepted.loginId).toMatch(/^U[0-9]{8}$/);
    const agreed = await api.testDb.owner.db
      .select({ key: schema.consentAgreements.documentKey, version: schema.consentAgreements.documentVersion })
      .from(schema.consentAgreements)
      .where(eq(schema.consentAgreements.userId, accepted.userId));
    expect(agreed).toEqual([{ key: 'privacy-policy', version: (await privacyConsent())['privacy-policy'] }]);
    const delegate = api.portal(api.tenantA, accepted.sessionToken);
    expect((await delegate.organisation.get()).id).toBe(employer.organisationId);
    expect((await delegate.organisation.get()).myRole).toBe('support_organisation');
    // The new account signs in with the ユーザーID shown on the page.
    const signedIn = await api.portal(api.tenantA).session.signIn({ loginId: accepted.loginId, password: APPLICANT_PASSWORD });
    expect(signedIn.user.displayName).toBe('支援 太郎');

    const list = await api.portal(api.tenantA, employer.token).delegation.listUsers();
    expect(list.users.map((u) => [u.email, u.role, u.status, u.isMe])).toEqual([
      ['employer-g7@example.jp', 'org_admin', 'active', true],
      [email, 'support_organisation', 'active', false],
    ]);
    expect(list.invitations).toEqual([]);
    // The link works once.
    expect((await api.portal(api.tenantA).delegation.checkInvitation({ token })).status).toBe('accepted');
    await expect(acceptNew(token)).rejects.toMatchObject({ message: 'account.linkUsed' });
    expect(await auditActions(employer.organisationId)).toEqual(expect.arrayContaining(['delegation.invited', 'delegation.accepted']));
  });

  it('G7 someone with an account links it by signing in first, then switches between the employers', async () => {
    const other = await applicant(api.tenantA, 'staffing-g7');
    const token = await invite(employer, 'staffing-g7@example.jp', 'applicant_editor');
    expect((await api.portal(api.tenantA).delegation.checkInvitation({ token })).accountExists).toBe(true);
    // A new account for an address that has one is refused: its owner signs in instead.
    await expect(acceptNew(token)).rejects.toMatchObject({ message: 'delegation.accountExists' });

    const me = api.portal(api.tenantA, other.token);
    expect(await me.delegation.acceptSignedIn({ token })).toEqual({ organisationId: employer.organisationId });
    expect((await me.organisation.get()).id).toBe(employer.organisationId);
    const mine = await me.organisation.listMine();
    expect(mine.map((o) => [o.organisationId, o.isActing]).sort()).toEqual(
      [
        [employer.organisationId, true],
        [other.organisationId, false],
      ].sort(),
    );
    await me.organisation.switch({ organisationId: other.organisationId });
    expect((await me.organisation.get()).id).toBe(other.organisationId);
    // A second sign-in with two organisations chooses none until the user does.
    const fresh = await api.signIn(api.tenantA, 'portal', other.loginId);
    await expect(api.portal(api.tenantA, fresh).organisation.get()).rejects.toMatchObject({ message: 'organisation.notSelected' });
  });

  it('G7 a delegate without submit permission cannot submit; without download_certificate cannot download the certificate', async () => {
    await makeMember(api, api.tenantA, employer.organisationId, 'G7-000001');
    await storeCertificate(api, store.storage, api.tenantA, employer.organisationId, { membershipNumber: 'G7-000001' });
    const viewer = await acceptNew(await invite(employer, 'viewer-g7@example.jp', 'viewer'), '閲覧 花子');
    const support = await acceptNew(await invite(employer, 'support2-g7@example.jp', 'support_organisation'), '支援 次郎');
    const applicationId = '00000000-0000-4000-8000-000000000000';

    await expect(api.portal(api.tenantA, viewer.sessionToken).application.submit({ applicationId, version: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.permissionMissing',
    });
    for (const delegate of [viewer, support]) {
      const response = await downloadCertificate(api, api.tenantA, portalSessionCookie(delegate.sessionToken));
      expect(response.status).toBe(403);
    }
    // Neither may manage the employer's users.
    await expect(api.portal(api.tenantA, support.sessionToken).delegation.listUsers()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      api.portal(api.tenantA, support.sessionToken).delegation.invite({ email: 'x@example.jp', role: 'org_admin' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The employer's own administrator can (the refusal above is the role, not the certificate).
    const own = await downloadCertificate(api, api.tenantA, portalSessionCookie(employer.token));
    expect(own.status).toBe(200);
  });

  it('G7 a revoked delegate loses access at once: its sessions for the employer end and the next call fails', async () => {
    const delegate = await acceptNew(await invite(employer, 'revoke-g7@example.jp', 'applicant_editor'), '取消 三郎');
    const as = api.portal(api.tenantA, delegate.sessionToken);
    expect((await as.organisation.get()).id).toBe(employer.organisationId);
    const { users } = await api.portal(api.tenantA, employer.token).delegation.listUsers();
    const membership = users.find((u) => u.email === 'revoke-g7@example.jp');
    if (!membership) throw new Error('not listed');

    expect(await api.portal(api.tenantA, employer.token).delegation.revoke({ membershipId: membership.membershipId })).toEqual({
      sessionsEnded: 1,
    });
    await expect(as.organisation.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await api.sessionRows(api.tenantA)).filter((s) => s.userId === delegate.userId)).toEqual([]);
    // Signing in again does not bring the employer back.
    const again = await api.portal(api.tenantA).session.signIn({ loginId: delegate.loginId, password: APPLICANT_PASSWORD });
    expect(again.user.id).toBe(delegate.userId);
    const after = (await api.portal(api.tenantA, employer.token).delegation.listUsers()).users.find(
      (u) => u.email === 'revoke-g7@example.jp',
    );
    expect(after).toMatchObject({ status: 'revoked', revokedAt: expect.any(Date) });
    await expect(
      api.portal(api.tenantA, employer.token).delegation.revoke({ membershipId: membership.membershipId }),
    ).rejects.toMatchObject({
      message: 'delegation.alreadyRevoked',
    });
    expect(await auditActions(employer.organisationId)).toContain('delegation.revoked');
    const revokedMail = (await mailsTo(api, api.tenantA, 'revoke-g7@example.jp')).at(-1);
    expect(revokedMail).toMatchObject({ template: 'organisation-access-revoked', props: { recipientName: '取消 三郎' } });
  });

  it('G7 a revoked membership is refused even by a session that survived (re-checked on every request)', async () => {
    const delegate = await acceptNew(await invite(employer, 'race-g7@example.jp', 'viewer'), '競合 四郎');
    const { users } = await api.portal(api.tenantA, employer.token).delegation.listUsers();
    const membershipId = users.find((u) => u.email === 'race-g7@example.jp')?.membershipId ?? '';
    // Revoke the row directly, leaving the session in place: memberProcedure must still refuse.
    await api.testDb.owner.db
      .update(schema.organisationMemberships)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(eq(schema.organisationMemberships.id, membershipId));
    await expect(api.portal(api.tenantA, delegate.sessionToken).organisation.get()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.accessRevoked',
    });
  });

  it('G7 nobody revokes their own access, so an organisation always keeps an org_admin; a second one may revoke the first', async () => {
    const { users } = await api.portal(api.tenantA, employer.token).delegation.listUsers();
    const mine = users.find((u) => u.isMe);
    await expect(
      api.portal(api.tenantA, employer.token).delegation.revoke({ membershipId: mine?.membershipId ?? '' }),
    ).rejects.toMatchObject({
      message: 'delegation.cannotRevokeSelf',
    });
    const second = await acceptNew(await invite(employer, 'admin2-g7@example.jp', 'org_admin'), '管理 五郎');
    // The second administrator may revoke the first while two remain active, not the other way round afterwards.
    await expect(
      api.portal(api.tenantA, second.sessionToken).delegation.revoke({ membershipId: mine?.membershipId ?? '' }),
    ).resolves.toEqual({
      sessionsEnded: expect.any(Number),
    });
    const secondMembership = (await api.portal(api.tenantA, second.sessionToken).delegation.listUsers()).users.find((u) => u.isMe);
    await expect(
      api.portal(api.tenantA, second.sessionToken).delegation.revoke({ membershipId: secondMembership?.membershipId ?? '' }),
    ).rejects.toMatchObject({ message: 'delegation.cannotRevokeSelf' });
    // Give the employer its administrator back for the tests that follow.
    const token = await invite({ ...employer, token: second.sessionToken }, 'employer-g7@example.jp', 'org_admin');
    employer.token = await api.signIn(api.tenantA, 'portal', employer.loginId);
    await api.portal(api.tenantA, employer.token).delegation.acceptSignedIn({ token });
  });

  it('G7 another organisation or tenant can neither invite into nor revoke in this organisation', async () => {
    const outsider = await applicant(api.tenantA, 'outsider-g7');
    const otherTenant = await applicant(api.tenantB, 'outsider-b-g7');
    const { users } = await api.portal(api.tenantA, employer.token).delegation.listUsers();
    const target = users.find((u) => u.status === 'active' && !u.isMe);
    if (!target) throw new Error('no target');
    // The acting organisation comes from the session: an outsider's revoke looks in its own organisation.
    await expect(api.portal(api.tenantA, outsider.token).delegation.revoke({ membershipId: target.membershipId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(api.portal(api.tenantA, otherTenant.token).delegation.revoke({ membershipId: target.membershipId })).rejects.toMatchObject(
      {
        code: 'UNAUTHORIZED',
      },
    );
    await expect(api.portal(api.tenantB, otherTenant.token).delegation.revoke({ membershipId: target.membershipId })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    // An outsider's invitation brings the invitee into the outsider's organisation, never the employer's.
    await api.portal(api.tenantA, outsider.token).delegation.invite({ email: 'into-g7@example.jp', role: 'org_admin' });
    const [mail] = await mailsTo(api, api.tenantA, 'into-g7@example.jp');
    const joined = await acceptNew(tokenOf(mail?.props.acceptUrl), '外部 六郎');
    expect((await api.portal(api.tenantA, joined.sessionToken).organisation.get()).id).toBe(outsider.organisationId);
    // Another tenant's link is unknown here.
    await api.portal(api.tenantB, otherTenant.token).delegation.invite({ email: 'b-g7@example.jp', role: 'viewer' });
    const [bMail] = await mailsTo(api, api.tenantB, 'b-g7@example.jp');
    expect((await api.portal(api.tenantA).delegation.checkInvitation({ token: tokenOf(bMail?.props.acceptUrl) })).status).toBe('invalid');
    const after = (await api.portal(api.tenantA, employer.token).delegation.listUsers()).users.find(
      (u) => u.membershipId === target.membershipId,
    );
    expect(after?.status).toBe('active');
  });

  it('G7 where the tenant switches support organisations off: inviting one is refused, pending links and existing access stop working', async () => {
    const pending = await invite(employer, 'pending-support-g7@example.jp', 'support_organisation');
    const active = await acceptNew(await invite(employer, 'active-support-g7@example.jp', 'support_organisation'), '支援 七郎');
    const off: TenantRecord = { ...api.tenantA, config: { ...api.tenantA.config, allowSupportOrganisations: false } };

    await expect(
      api.portal(off, employer.token).delegation.invite({ email: 'refused-g7@example.jp', role: 'support_organisation' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'delegation.supportOrganisationsDisabled' });
    expect(await mailsTo(api, api.tenantA, 'refused-g7@example.jp')).toEqual([]);
    // Other roles can still be invited.
    await api.portal(off, employer.token).delegation.invite({ email: 'editor-off-g7@example.jp', role: 'applicant_editor' });

    const { ctx } = api.contextFor(off, 'portal', null, { clientAddress: '198.51.100.200' });
    await expect(
      portalCaller(ctx).delegation.acceptWithNewAccount({
        token: pending,
        displayName: '保留 八郎',
        password: APPLICANT_PASSWORD,
        consents: await privacyConsent(),
      }),
    ).rejects.toMatchObject({ message: 'delegation.supportOrganisationsDisabled' });
    // Existing access is suspended, not deleted: nothing works, the list says so, and switching back restores it.
    await expect(api.portal(off, active.sessionToken).organisation.get()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.permissionMissing',
    });
    const listed = (await api.portal(off, employer.token).delegation.listUsers()).users.find(
      (u) => u.email === 'active-support-g7@example.jp',
    );
    expect(listed).toMatchObject({ status: 'active', suspended: true });
    expect((await api.portal(off, employer.token).delegation.listUsers()).supportOrganisationsAllowed).toBe(false);
    expect((await api.portal(api.tenantA, active.sessionToken).organisation.get()).id).toBe(employer.organisationId);
  });

  it('G7 a newer invitation to the same address cancels the older link; the member can cancel a pending one', async () => {
    const first = await invite(employer, 'twice-g7@example.jp', 'viewer');
    const second = await invite(employer, 'twice-g7@example.jp', 'applicant_editor');
    expect((await api.portal(api.tenantA).delegation.checkInvitation({ token: first })).status).toBe('cancelled');
    const { invitations } = await api.portal(api.tenantA, employer.token).delegation.listUsers();
    const open = invitations.filter((i) => i.email === 'twice-g7@example.jp');
    expect(open.map((i) => [i.role, i.status])).toEqual([['applicant_editor', 'pending']]);
    await api.portal(api.tenantA, employer.token).delegation.cancelInvitation({ invitationId: open[0]?.invitationId ?? '' });
    expect((await api.portal(api.tenantA).delegation.checkInvitation({ token: second })).status).toBe('cancelled');
    await expect(acceptNew(second)).rejects.toMatchObject({ message: 'delegation.invitationCancelled' });
    expect(await auditActions(employer.organisationId)).toContain('delegation.invitation_cancelled');
  });

  it('G7 an invitation expires after the tenant’s link validity', async () => {
    const token = await invite(employer, 'late-g7@example.jp', 'viewer');
    api.clock.advance((api.tenantA.config.accountLinkValidityHours + 1) * 3_600_000);
    expect((await api.portal(api.tenantA).delegation.checkInvitation({ token })).status).toBe('expired');
    await expect(acceptNew(token)).rejects.toMatchObject({ message: 'account.linkExpired' });
  });
});
