import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';
import { EmailInputError } from './templates';

const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり建設分野協議会', en: 'Himawari Construction Council' },
  publicOrigin: 'http://localhost:3000/t/himawari',
  secretariatContact: { name: 'ひまわり事務局', email: 'office@himawari.example.jp', phone: '06-1111-2222', hours: '平日 9:00〜18:00' },
};
const origin = 'http://localhost:3000/t/himawari';

describe('A4 account-activation mail', () => {
  const props = {
    corporateName: '社会福祉法人ひまわり会',
    recipientName: '佐藤 花子',
    loginId: 'U00012345',
    activationUrl: `${origin}/activate?token=abc_DEF-123`,
    expiresAt: '2026-11-29T00:00:00.000Z',
    validityHours: 72,
  };

  it('A4 holds the ユーザーID, the login URL, when it expires and what to do, in Japanese with the tenant footer', async () => {
    const email = await renderEmail('account-activation', props, branding);
    expect(email.subject).toBe('【ひまわり建設分野協議会】仮アカウント発行のお知らせ');
    expect(email.html).toContain('lang="ja"');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('ユーザーID（ログインID）: U00012345');
      expect(part).toContain(props.activationUrl);
      expect(part).toContain('社会福祉法人ひまわり会');
      expect(part).toContain('佐藤 花子 様');
      // 2026-11-29T00:00Z is 09:00 on the 29th in Japan.
      expect(part).toContain('2026年11月29日(日) 09:00 まで（発行から72時間）');
      expect(part).toContain('仮アカウントは本アカウントになります');
      expect(part).toContain('06-1111-2222');
    }
    expect(email.text).not.toContain('<');
  });

  it('A4 refuses a login URL outside the tenant (another prefix or host)', async () => {
    for (const activationUrl of ['http://localhost:3000/t/other/activate?token=x', 'https://evil.example.com/activate?token=x']) {
      await expect(renderEmail('account-activation', { ...props, activationUrl }, branding)).rejects.toMatchObject({ kind: 'link' });
    }
  });

  it('refuses a missing expiry', async () => {
    const { expiresAt: _omitted, ...rest } = props;
    await expect(renderEmail('account-activation', rest as typeof props, branding)).rejects.toBeInstanceOf(EmailInputError);
  });
});

describe('A4 account-already-registered mail (no account enumeration)', () => {
  const props = { loginId: 'U00012345', signInUrl: `${origin}/sign-in`, passwordResetUrl: `${origin}/password-reset` };

  it('A4 tells the owner their ユーザーID and how to sign in or reset the password', async () => {
    const email = await renderEmail('account-already-registered', props, branding);
    expect(email.subject).toBe('【ひまわり建設分野協議会】アカウント登録済みのお知らせ');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('ユーザーID（ログインID）: U00012345');
      expect(part).toContain(props.signInUrl);
      expect(part).toContain(props.passwordResetUrl);
      expect(part).toContain('新しいアカウントは発行していません');
    }
  });

  it('A4 for an address without a ユーザーID (a staff account) it points to the secretariat only', async () => {
    const email = await renderEmail('account-already-registered', { ...props, loginId: null }, branding);
    expect(email.text).not.toContain('ユーザーID（ログインID）');
    expect(email.text).toContain('事務局までお問い合わせください');
  });

  it('refuses links outside the tenant', async () => {
    await expect(
      renderEmail('account-already-registered', { ...props, passwordResetUrl: 'https://evil.example.com/reset' }, branding),
    ).rejects.toMatchObject({ kind: 'link' });
  });
});

describe('G4 password-reset mail', () => {
  const props = {
    recipientName: '佐藤 花子',
    loginId: 'U00012345',
    resetUrl: `${origin}/password-reset?token=abc`,
    expiresAt: '2026-11-29T00:00:00+09:00',
    validityHours: 24,
  };

  it('G4 holds the single-use link and its expiry', async () => {
    const email = await renderEmail('password-reset', props, branding);
    expect(email.subject).toBe('【ひまわり建設分野協議会】パスワード再設定のご案内');
    for (const part of [email.html, email.text]) {
      expect(part).toContain(props.resetUrl);
      expect(part).toContain('2026年11月29日(日) 00:00 まで（24時間）');
      expect(part).toContain('U00012345');
    }
  });

  it('refuses a link outside the tenant', async () => {
    await expect(
      renderEmail('password-reset', { ...props, resetUrl: 'http://localhost:3000/t/himawari-x/reset' }, branding),
    ).rejects.toMatchObject({
      kind: 'link',
    });
  });
});
