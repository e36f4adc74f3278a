import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';
import { EmailInputError } from './templates';

const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり建設分野協議会', en: 'Himawari Construction Council' },
  publicOrigin: 'http://localhost:3000/t/himawari',
};
const origin = 'http://localhost:3000/t/himawari';

describe('G7 organisation-invitation mail', () => {
  const props = {
    corporateName: '社会福祉法人ひまわり会',
    inviterName: '佐藤 花子',
    role: 'support_organisation' as const,
    acceptUrl: `${origin}/accept-invitation?token=abc_DEF-123`,
    expiresAt: '2026-11-29T00:00:00.000Z',
    validityHours: 72,
  };

  it('G7 names the employer, the inviter, the role, the link and its expiry, in Japanese', async () => {
    const email = await renderEmail('organisation-invitation', props, branding);
    expect(email.subject).toBe('【ひまわり建設分野協議会】社会福祉法人ひまわり会からの利用者招待');
    for (const part of [email.html, email.text]) {
      expect(part).toContain(props.acceptUrl);
      expect(part).toContain('佐藤 花子 様');
      expect(part).toContain('権限: 登録支援機関');
      expect(part).toContain('2026年11月29日(日) 09:00 まで（発行から72時間）');
    }
  });

  it('G7 refuses a link outside the tenant and an unknown role', async () => {
    await expect(renderEmail('organisation-invitation', { ...props, acceptUrl: 'https://evil.example/x' }, branding)).rejects.toMatchObject(
      {
        kind: 'link',
      },
    );
    await expect(renderEmail('organisation-invitation', { ...props, role: 'owner' as 'viewer' }, branding)).rejects.toBeInstanceOf(
      EmailInputError,
    );
  });
});

describe('G7 organisation-access-revoked mail', () => {
  const props = { corporateName: '社会福祉法人ひまわり会', recipientName: '山田 太郎', revokedAt: '2026-11-27T01:00:00.000Z' };

  it('G7 tells the revoked user which organisation ended their access, and when, in Japanese and English', async () => {
    const email = await renderEmail('organisation-access-revoked', props, branding);
    expect(email.subject).toBe('【ひまわり建設分野協議会】社会福祉法人ひまわり会の手続き権限が取り消されました');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('山田 太郎 様');
      expect(part).toContain('2026年11月27日(金) 10:00、社会福祉法人ひまわり会により');
      expect(part).toContain('ended your access');
    }
  });

  it('G7 refuses props without a name', async () => {
    await expect(renderEmail('organisation-access-revoked', { ...props, recipientName: ' ' }, branding)).rejects.toBeInstanceOf(
      EmailInputError,
    );
  });
});
