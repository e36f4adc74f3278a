import { schema, withTenant } from '@kyogikai/db';
import { passwordIssues, ZProvisionalAccountRequest } from '@kyogikai/domain';
import { and, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAccountToken } from '../src/auth/account-token';
import { ZRequestProvisionalAccountInput } from '../src/trpc/portal/account/account.schema';
import { activate, APPLICANT_PASSWORD, currentConsents, mailsTo, signUp, signUpForm, tokenOf } from './helpers/account-flow';
import { createTestApi, type TestApi } from './helpers/test-api';

type FieldErrorBody = {
  error: { json: { code: number; data: { code: string; messageKey: string; fieldErrors?: { path: string; messageKey: string }[] } } };
};

describe('A1-A5 provisional account, activation mail and first login', () => {
  let api: TestApi;
  let prefixA: string;
  let originA: string;

  beforeAll(async () => {
    api = await createTestApi();
    prefixA = `/t/${api.tenantA.slug}`;
    originA = new URL(api.tenantA.publicOrigin).origin;
  });
  afterAll(() => api.close());

  /** Through HTTP, so the answer is exactly what the portal receives (error formatter included). */
  async function postSignUp(input: unknown): Promise<FieldErrorBody['error']['json']['data']> {
    const response = await api.app.request(`${prefixA}/api/portal/trpc/account.requestProvisional`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: originA },
      body: JSON.stringify(superjson.serialize(input)),
    });
    const body = (await response.json()) as FieldErrorBody;
    return body.error.json.data;
  }

  const rows = (tenantId: string) =>
    withTenant(api.testDb.app, tenantId, async (tx) => ({
      users: await tx.select().from(schema.users),
      organisations: await tx.select().from(schema.organisations),
      tokens: await tx.select().from(schema.accountTokens),
    }));

  it('A3 the three consent documents are readable, with their versions, in a fixed order', async () => {
    const documents = await api.portal(api.tenantA).tenant.consentDocuments();
    expect(documents.map((d) => [d.key, d.titleJa])).toEqual([
      ['privacy-policy', 'プライバシーポリシー'],
      ['charter', '設置要綱'],
      ['membership-rules', '入会規程'],
    ]);
    for (const document of documents) expect(document).toMatchObject({ version: '2021.5', body: expect.stringContaining('協議会') });
  });

  it('A2 the password rule is one schema, used by the portal and the API', async () => {
    // The API's input schema IS the domain schema the portal validates with before submitting.
    expect(ZRequestProvisionalAccountInput).toBe(ZProvisionalAccountRequest);
    expect(passwordIssues('short1')).toEqual(['password.tooShort']);
    const data = await postSignUp(signUpForm(api.tenantA, { password: 'abcdefgh', passwordConfirmation: 'abcdefgh' }));
    expect(data).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'validation.failed' });
    expect(data.fieldErrors).toEqual([{ path: 'password', messageKey: 'password.needsDigit' }]);
  });

  it('A1 mismatched confirmations and a bad phone number are reported per field, all at once', async () => {
    const data = await postSignUp(
      signUpForm(api.tenantA, { emailConfirmation: 'other@example.jp', passwordConfirmation: 'sakura2027', phone: '12-34' }),
    );
    expect(data.fieldErrors).toEqual([
      { path: 'phone', messageKey: 'validation.phone' },
      { path: 'emailConfirmation', messageKey: 'account.emailMismatch' },
      { path: 'passwordConfirmation', messageKey: 'account.passwordMismatch' },
    ]);
  });

  it('A3 a consent not ticked, or for an outdated version, is refused and nothing is created', async () => {
    const before = await rows(api.tenantA.id);
    const unticked = await postSignUp(signUpForm(api.tenantA, { consents: { ...currentConsents(api.tenantA), charter: '' } }));
    expect(unticked.fieldErrors).toEqual([{ path: 'consents.charter', messageKey: 'account.consentRequired' }]);
    const outdated = await postSignUp(
      signUpForm(api.tenantA, { consents: { ...currentConsents(api.tenantA), 'privacy-policy': '2019.1' } }),
    );
    expect(outdated).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'validation.failed' });
    expect(outdated.fieldErrors).toEqual([{ path: 'consents.privacy-policy', messageKey: 'account.consentOutdated' }]);
    const after = await rows(api.tenantA.id);
    expect(after.users.length).toBe(before.users.length);
    expect(after.organisations.length).toBe(before.organisations.length);
  });

  it('A4 creates a provisional account, organisation, draft application, consents, hashed token, audit and the mail', async () => {
    const now = api.clock.now();
    const { form, mail, loginId, activationUrl, token } = await signUp(api, api.tenantA, '198.51.100.1', {
      corporateName: '社会福祉法人　ｻｸﾗ会',
      phone: '０３－１２３４－５６７８',
    });
    expect(loginId).toMatch(/^U[0-9]{8}$/);
    expect(mail).toMatchObject({ template: 'account-activation', tenantId: api.tenantA.id });
    expect(mail.props).toMatchObject({
      corporateName: '社会福祉法人 サクラ会',
      recipientName: form.contactName,
      validityHours: 72,
      expiresAt: new Date(now.getTime() + 72 * 3_600_000).toISOString(),
    });
    // The link is on the tenant's configured origin, nowhere else.
    expect(activationUrl.startsWith(`${api.tenantA.publicOrigin}/activate?token=`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url

    const data = await withTenant(api.testDb.app, api.tenantA.id, async (tx) => {
      const [user] = await tx.select().from(schema.users).where(eq(schema.users.loginId, loginId));
      if (!user) throw new Error('no user');
      const [membership] = await tx.select().from(schema.organisationMemberships).where(eq(schema.organisationMemberships.userId, user.id));
      if (!membership) throw new Error('no membership');
      return {
        user,
        membership,
        organisation: (await tx.select().from(schema.organisations).where(eq(schema.organisations.id, membership.organisationId)))[0],
        applications: await tx.select().from(schema.applications).where(eq(schema.applications.organisationId, membership.organisationId)),
        consents: await tx.select().from(schema.consentAgreements).where(eq(schema.consentAgreements.userId, user.id)),
        tokens: await tx.select().from(schema.accountTokens).where(eq(schema.accountTokens.userId, user.id)),
        audit: await tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, user.id)),
      };
    });
    expect(data.user).toMatchObject({
      kind: 'applicant',
      role: 'applicant',
      status: 'provisional',
      email: form.email,
      displayName: '佐藤 花子',
    });
    expect(data.user.passwordHash).not.toContain(APPLICANT_PASSWORD);
    expect(data.membership.role).toBe('org_admin');
    expect(data.organisation).toMatchObject({
      corporateName: '社会福祉法人 サクラ会',
      contactName: '佐藤 花子',
      contactEmail: form.email,
      contactPhone: '03-1234-5678',
      membershipState: 'none',
    });
    expect(data.applications.map((a) => a.state)).toEqual(['draft']);
    expect(data.consents.map((c) => [c.documentKey, c.documentVersion, c.agreedAt.getTime()]).sort()).toEqual(
      [
        ['charter', '2021.5', now.getTime()],
        ['membership-rules', '2021.5', now.getTime()],
        ['privacy-policy', '2021.5', now.getTime()],
      ].sort(),
    );
    // Only the hash of the token is stored.
    expect(data.tokens).toHaveLength(1);
    expect(data.tokens[0]).toMatchObject({ purpose: 'activation', tokenHash: hashAccountToken(token), usedAt: null });
    expect(JSON.stringify(data.tokens)).not.toContain(token);
    expect(data.audit.map((a) => a.action)).toContain('account.provisional_requested');
  });

  it('A4 an address that already has an account: same answer, nothing created, its owner is mailed', async () => {
    const first = await signUp(api, api.tenantA, '198.51.100.2');
    const before = await rows(api.tenantA.id);
    const again = signUpForm(api.tenantA, {
      email: first.form.email.toUpperCase(),
      emailConfirmation: first.form.email.toUpperCase(),
      corporateName: '別の法人',
      password: 'another-pass-9',
      passwordConfirmation: 'another-pass-9',
    });
    await expect(api.portal(api.tenantA, null, { clientAddress: '198.51.100.2' }).account.requestProvisional(again)).resolves.toEqual({
      ok: true,
    });
    const after = await rows(api.tenantA.id);
    expect(after.users.length).toBe(before.users.length);
    expect(after.organisations.length).toBe(before.organisations.length);
    expect(after.tokens.length).toBe(before.tokens.length);
    const mails = await mailsTo(api, api.tenantA, first.form.email);
    expect(mails.map((m) => m.template)).toEqual(['account-activation', 'account-already-registered']);
    expect(mails[1]?.props).toEqual({
      loginId: first.loginId,
      signInUrl: `${api.tenantA.publicOrigin}/sign-in`,
      passwordResetUrl: `${api.tenantA.publicOrigin}/password-reset`,
    });
  });

  it('A4 two sign-ups with one address at the same moment make one account; the other is told by mail', async () => {
    const form = signUpForm(api.tenantA);
    const portal = api.portal(api.tenantA, null, { clientAddress: '198.51.100.8' });
    const answers = await Promise.all([portal.account.requestProvisional(form), portal.account.requestProvisional(form)]);
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    const users = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.users).where(eq(schema.users.email, form.email)),
    );
    expect(users).toHaveLength(1);
    expect((await mailsTo(api, api.tenantA, form.email)).map((m) => m.template).sort()).toEqual([
      'account-activation',
      'account-already-registered',
    ]);
  });

  it('A4 an address of another tenant is a new account here (tenants never see each other)', async () => {
    const inA = await signUp(api, api.tenantA, '198.51.100.3');
    const inB = await signUp(api, api.tenantB, '198.51.100.3', { email: inA.form.email, emailConfirmation: inA.form.email });
    expect(inB.activationUrl).toContain(`${api.tenantB.publicOrigin}/activate?token=`);
  });

  it('A4 sign-up requests are throttled per client address', async () => {
    const address = '198.51.100.9';
    for (let i = 0; i < 10; i++)
      await api.portal(api.tenantA, null, { clientAddress: address }).account.requestProvisional(signUpForm(api.tenantA));
    await expect(
      api.portal(api.tenantA, null, { clientAddress: address }).account.requestProvisional(signUpForm(api.tenantA)),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'account.tooManyRequests', messageParams: { minutes: 15 } });
    // Another address is not affected.
    await expect(
      api.portal(api.tenantA, null, { clientAddress: '198.51.100.10' }).account.requestProvisional(signUpForm(api.tenantA)),
    ).resolves.toEqual({
      ok: true,
    });
  });

  it('A5 first login through the mailed URL turns the account into a full one, once', async () => {
    const { loginId, token } = await signUp(api, api.tenantA, '198.51.100.4');
    const portal = api.portal(api.tenantA);

    // Before activation the normal sign-in says so, but only to someone with the right password.
    await expect(portal.session.signIn({ loginId, password: APPLICANT_PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'account.notActivated',
    });
    await expect(portal.session.signIn({ loginId, password: 'wrong-pass-1' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'auth.invalidCredentials',
    });

    expect(await portal.account.checkLink({ token, purpose: 'activation' })).toEqual({ status: 'valid' });
    // Checking does not use the link, nor does it count for another purpose.
    expect(await portal.account.checkLink({ token, purpose: 'activation' })).toEqual({ status: 'valid' });
    expect(await portal.account.checkLink({ token, purpose: 'password_reset' })).toEqual({ status: 'invalid' });

    // The wrong ユーザーID (even a real one of someone else) is refused like a wrong password.
    const other = await signUp(api, api.tenantA, '198.51.100.4');
    await expect(activate(api, api.tenantA, { token, loginId: other.loginId })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'auth.invalidCredentials',
    });
    await expect(activate(api, api.tenantA, { token, loginId, password: 'wrong-pass-1' })).rejects.toMatchObject({
      message: 'auth.invalidCredentials',
    });
    expect(await portal.account.checkLink({ token, purpose: 'activation' })).toEqual({ status: 'valid' });

    // The ユーザーID as typed: lower case and full-width are the same ID.
    const typed = loginId.toLowerCase().replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const activated = await activate(api, api.tenantA, { token, loginId: typed });
    expect(activated.user.displayName).toBe('佐藤 花子');

    // Signed in, acting for the one organisation: マイページ works straight away.
    const myPage = await api.portal(api.tenantA, activated.sessionToken).mypage.get();
    expect(myPage.organisation.corporateName).toBe('社会福祉法人さくら会');
    expect(myPage.application?.state).toBe('draft');

    const [user] = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx
        .select()
        .from(schema.users)
        .where(and(eq(schema.users.loginId, loginId))),
    );
    expect(user?.status).toBe('active');

    // Reuse is refused clearly; the page can tell it apart.
    expect(await portal.account.checkLink({ token, purpose: 'activation' })).toEqual({ status: 'used' });
    await expect(activate(api, api.tenantA, { token, loginId })).rejects.toMatchObject({ code: 'CONFLICT', message: 'account.linkUsed' });

    // Later sign-ins use the normal portal sign-in.
    await expect(portal.session.signIn({ loginId, password: APPLICANT_PASSWORD })).resolves.toMatchObject({ user: { id: user?.id } });
  });

  it('A5 an unknown link, or one of another tenant, is invalid', async () => {
    const { loginId, token } = await signUp(api, api.tenantA, '198.51.100.5');
    await expect(activate(api, api.tenantA, { token: 'not-a-token', loginId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'account.linkInvalid',
    });
    expect(await api.portal(api.tenantB).account.checkLink({ token, purpose: 'activation' })).toEqual({ status: 'invalid' });
    await expect(activate(api, api.tenantB, { token, loginId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'account.linkInvalid',
    });
    expect(await api.portal(api.tenantA).account.checkLink({ token: '', purpose: 'activation' })).toEqual({ status: 'invalid' });
  });

  it('A5 wrong credentials on the activation page are throttled like the sign-in form', async () => {
    const { loginId, token } = await signUp(api, api.tenantA, '198.51.100.6');
    for (let i = 0; i < 4; i++) {
      await expect(activate(api, api.tenantA, { token, loginId, password: `wrong-${i}-pass` })).rejects.toMatchObject({
        message: 'auth.invalidCredentials',
      });
    }
    await expect(activate(api, api.tenantA, { token, loginId, password: 'wrong-4-pass' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'auth.throttled',
    });
    await expect(activate(api, api.tenantA, { token, loginId })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(api.sleeps.length).toBeGreaterThan(0);
  });

  it('A5 an expired link is refused clearly; a new one can be sent, which retires the old one', async () => {
    const { form, loginId, token } = await signUp(api, api.tenantA, '198.51.100.7');
    const portal = api.portal(api.tenantA, null, { clientAddress: '198.51.100.7' });
    api.clock.advance(72 * 3_600_000);
    try {
      expect(await portal.account.checkLink({ token, purpose: 'activation' })).toEqual({ status: 'expired' });
      await expect(activate(api, api.tenantA, { token, loginId })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: 'account.linkExpired',
      });

      await expect(portal.account.resendActivation({ email: form.email })).resolves.toEqual({ ok: true });
      const mails = await mailsTo(api, api.tenantA, form.email);
      expect(mails.map((m) => m.template)).toEqual(['account-activation', 'account-activation']);
      const fresh = tokenOf(mails[1]?.props.activationUrl);
      expect(fresh).not.toBe(token);
      expect(mails[1]?.props).toMatchObject({ loginId, corporateName: '社会福祉法人さくら会' });

      // Resending again retires the unused fresh link too: only the newest works.
      await portal.account.resendActivation({ email: form.email });
      const newest = tokenOf((await mailsTo(api, api.tenantA, form.email))[2]?.props.activationUrl);
      expect(await portal.account.checkLink({ token: fresh, purpose: 'activation' })).toEqual({ status: 'expired' });
      await expect(activate(api, api.tenantA, { token: fresh, loginId })).rejects.toMatchObject({ message: 'account.linkExpired' });
      await expect(activate(api, api.tenantA, { token: newest, loginId })).resolves.toMatchObject({ user: { displayName: '佐藤 花子' } });

      // Nothing is revealed for an address without a provisional account, and nothing is sent.
      await expect(portal.account.resendActivation({ email: form.email })).resolves.toEqual({ ok: true });
      await expect(portal.account.resendActivation({ email: 'nobody@example.jp' })).resolves.toEqual({ ok: true });
      expect(await mailsTo(api, api.tenantA, form.email)).toHaveLength(3);
      expect(await mailsTo(api, api.tenantA, 'nobody@example.jp')).toHaveLength(0);
    } finally {
      api.clock.advance(-72 * 3_600_000);
    }
  });
});
