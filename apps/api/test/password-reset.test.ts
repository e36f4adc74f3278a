import { schema, withTenant } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, APPLICANT_PASSWORD, inputIssues, mailsTo, signUp, tokenOf } from './helpers/account-flow';
import { portalCaller } from './helpers/callers';
import { createTestApi, type TestApi } from './helpers/test-api';

describe('G4 password reset by email and password change', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  /** An activated applicant with the given number of extra signed-in sessions. */
  async function activeApplicant(address: string) {
    const account = await signUp(api, api.tenantA, address);
    const { sessionToken, user } = await activate(api, api.tenantA, { token: account.token, loginId: account.loginId });
    return { ...account, sessionToken, userId: user.id };
  }

  const signIn = (loginId: string, password: string) => api.portal(api.tenantA).session.signIn({ loginId, password });
  const sessionsOf = (userId: string) =>
    withTenant(api.testDb.app, api.tenantA.id, (tx) => tx.select().from(schema.sessions).where(eq(schema.sessions.userId, userId)));

  it('G4 a reset link goes to an active applicant; other addresses get the same answer and no mail', async () => {
    const applicant = await activeApplicant('192.0.2.31');
    const provisional = await signUp(api, api.tenantA, '192.0.2.31');
    const portal = api.portal(api.tenantA, null, { clientAddress: '192.0.2.31' });
    for (const email of [applicant.form.email.toUpperCase(), provisional.form.email, 'nobody@example.jp']) {
      await expect(portal.account.requestPasswordReset({ email })).resolves.toEqual({ ok: true });
    }
    const [, reset] = await mailsTo(api, api.tenantA, applicant.form.email);
    expect(reset).toMatchObject({ template: 'password-reset', props: { loginId: applicant.loginId, validityHours: 72 } });
    expect(String(reset?.props.resetUrl).startsWith(`${api.tenantA.publicOrigin}/password-reset?token=`)).toBe(true);
    expect((await mailsTo(api, api.tenantA, provisional.form.email)).map((m) => m.template)).toEqual(['account-activation']);
    expect(await mailsTo(api, api.tenantA, 'nobody@example.jp')).toEqual([]);
  });

  it('G4 the new password must follow the rule and be entered twice the same', async () => {
    const portal = api.portal(api.tenantA);
    await expect(portal.account.resetPassword({ token: 'x', password: 'short1', passwordConfirmation: 'short1' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await inputIssues(portal.account.resetPassword({ token: 'x', password: 'longenough1', passwordConfirmation: 'longenough2' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      issues: [['passwordConfirmation', 'account.passwordMismatch']],
    });
  });

  it('G4 resetting sets the new password, ends every session, and the link works once', async () => {
    const applicant = await activeApplicant('192.0.2.32');
    await signIn(applicant.loginId, APPLICANT_PASSWORD);
    expect((await sessionsOf(applicant.userId)).length).toBe(2);

    const portal = api.portal(api.tenantA, null, { clientAddress: '192.0.2.32' });
    await portal.account.requestPasswordReset({ email: applicant.form.email });
    const token = tokenOf((await mailsTo(api, api.tenantA, applicant.form.email))[1]?.props.resetUrl);
    expect(await portal.account.checkLink({ token, purpose: 'password_reset' })).toEqual({ status: 'valid' });
    expect(await portal.account.checkLink({ token, purpose: 'activation' })).toEqual({ status: 'invalid' });

    await expect(
      portal.account.resetPassword({ token, password: 'new-pass-2026', passwordConfirmation: 'new-pass-2026' }),
    ).resolves.toEqual({
      ok: true,
    });
    expect(await sessionsOf(applicant.userId)).toEqual([]);
    await expect(api.portal(api.tenantA, applicant.sessionToken).session.status()).resolves.toMatchObject({ signedIn: false });
    await expect(signIn(applicant.loginId, APPLICANT_PASSWORD)).rejects.toMatchObject({ message: 'auth.invalidCredentials' });
    await expect(signIn(applicant.loginId, 'new-pass-2026')).resolves.toBeTruthy();

    expect(await portal.account.checkLink({ token, purpose: 'password_reset' })).toEqual({ status: 'used' });
    await expect(
      portal.account.resetPassword({ token, password: 'other-pass-1', passwordConfirmation: 'other-pass-1' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'account.linkUsed',
    });
    const audit = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, applicant.userId)),
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['account.password_reset_requested', 'account.password_reset']));
  });

  it('G4 an expired or unknown reset link is refused clearly, and a newer link retires an older one', async () => {
    const applicant = await activeApplicant('192.0.2.33');
    const portal = api.portal(api.tenantA, null, { clientAddress: '192.0.2.33' });
    await portal.account.requestPasswordReset({ email: applicant.form.email });
    await portal.account.requestPasswordReset({ email: applicant.form.email });
    const [, older, newer] = await mailsTo(api, api.tenantA, applicant.form.email);
    const input = (token: string) => ({ token, password: 'new-pass-2026', passwordConfirmation: 'new-pass-2026' });
    await expect(portal.account.resetPassword(input(tokenOf(older?.props.resetUrl)))).rejects.toMatchObject({
      message: 'account.linkExpired',
    });
    await expect(portal.account.resetPassword(input('unknown-token'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'account.linkInvalid',
    });
    api.clock.advance(72 * 3_600_000);
    try {
      await expect(portal.account.resetPassword(input(tokenOf(newer?.props.resetUrl)))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: 'account.linkExpired',
      });
    } finally {
      api.clock.advance(-72 * 3_600_000);
    }
    // A link of tenant A means nothing in tenant B.
    expect(await api.portal(api.tenantB).account.checkLink({ token: tokenOf(newer?.props.resetUrl), purpose: 'password_reset' })).toEqual({
      status: 'invalid',
    });
  });

  it('G4 changing the password: the current one must be right; other sessions end, this one stays', async () => {
    const applicant = await activeApplicant('192.0.2.34');
    // A second session of the same user (another browser).
    const { ctx, cookieJar } = api.contextFor(api.tenantA, 'portal');
    await portalCaller(ctx).session.signIn({ loginId: applicant.loginId, password: APPLICANT_PASSWORD });
    const otherSession = cookieJar.token;
    expect(otherSession).toBeTruthy();

    const mine = api.portal(api.tenantA, applicant.sessionToken);
    const wrong = await mine.account
      .changePassword({ currentPassword: 'not-my-pass-1', newPassword: 'changed-pass-1', newPasswordConfirmation: 'changed-pass-1' })
      .catch((caught: unknown) => caught);
    expect(wrong).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'account.currentPasswordWrong',
      fieldErrors: [{ path: 'currentPassword', messageKey: 'account.currentPasswordWrong' }],
    });
    await expect(
      mine.account.changePassword({ currentPassword: APPLICANT_PASSWORD, newPassword: 'nodigits', newPasswordConfirmation: 'nodigits' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await expect(
      mine.account.changePassword({
        currentPassword: APPLICANT_PASSWORD,
        newPassword: 'changed-pass-1',
        newPasswordConfirmation: 'changed-pass-1',
      }),
    ).resolves.toEqual({ ok: true });
    await expect(mine.session.status()).resolves.toMatchObject({ signedIn: true });
    await expect(api.portal(api.tenantA, otherSession).session.status()).resolves.toMatchObject({ signedIn: false });
    await expect(signIn(applicant.loginId, 'changed-pass-1')).resolves.toBeTruthy();
    await expect(
      api
        .portal(api.tenantA)
        .account.changePassword({ currentPassword: 'x', newPassword: 'changed-pass-2', newPasswordConfirmation: 'changed-pass-2' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('G4 wrong current passwords are throttled like sign-ins', async () => {
    const applicant = await activeApplicant('192.0.2.35');
    const mine = api.portal(api.tenantA, applicant.sessionToken, { clientAddress: '192.0.2.35' });
    const attempt = (currentPassword: string) =>
      mine.account.changePassword({ currentPassword, newPassword: 'changed-pass-1', newPasswordConfirmation: 'changed-pass-1' });
    for (let i = 0; i < 4; i++) await expect(attempt(`guess-${i}-pass`)).rejects.toMatchObject({ message: 'account.currentPasswordWrong' });
    await expect(attempt('guess-4-pass')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'auth.throttled' });
    await expect(attempt(APPLICANT_PASSWORD)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
