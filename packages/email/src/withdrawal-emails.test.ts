import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';

const origin = 'http://localhost:3000/t/himawari';
const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり介護分野協議会', en: 'Himawari Care Council' },
  publicOrigin: origin,
  secretariatContact: { name: 'ひまわり事務局', email: 'office@himawari.example.jp', phone: '06-1111-2222', hours: '平日 9:00〜18:00' },
};
const hostile = '<script>alert("x")</script><b>株式会社</b>';

describe('F1 G3 withdrawal mails', () => {
  it('F1 membership-withdrawn: confirms the withdrawal, the revoked certificate and how long the data is kept', async () => {
    const email = await renderEmail(
      'membership-withdrawn',
      {
        corporateName: hostile,
        recipientName: '佐藤 花子',
        membershipNumber: 'HIMAWARI-M2026-000042',
        withdrawnAt: '2026-12-03T02:00:00.000Z',
        retentionUntil: '2031-12-03',
        myPageUrl: `${origin}/`,
      },
      branding,
    );
    expect(email.subject).toBe('【ひまわり介護分野協議会】退会手続き完了のお知らせ');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('佐藤 花子 様');
      expect(part).toContain('会員番号: HIMAWARI-M2026-000042');
      expect(part).toContain('2026年12月3日(木) 11:00');
      expect(part).toContain('入会証明書は失効しました');
      expect(part).toContain('2031年12月3日まで');
    }
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>株式会社</b>');
  });

  it('F1 G1 membership-withdrawn-notice: tells the secretariat who withdrew and what was cancelled and revoked', async () => {
    const email = await renderEmail(
      'membership-withdrawn-notice',
      {
        corporateName: '社会福祉法人ひまわり会',
        membershipNumber: 'HIMAWARI-M2026-000042',
        withdrawnAt: '2026-12-03T02:00:00.000Z',
        cancelledChangeRequests: 2,
        cancelledReissueRequest: true,
        revokedCertificate: true,
        adminUrl: `${origin}/admin/applications/0b7f4c1e-5d6a-4a47-9e55-3b1f0f5d2a10`,
      },
      branding,
    );
    expect(email.subject).toBe('【ひまわり介護分野協議会】会員の退会（会員番号 HIMAWARI-M2026-000042）');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('法人名: 社会福祉法人ひまわり会');
      expect(part).toContain('取り消した変更申請: 2件');
      expect(part).toContain('入会証明書: 失効しました');
      expect(part).toContain(`${origin}/admin/applications/0b7f4c1e-5d6a-4a47-9e55-3b1f0f5d2a10`);
    }
  });
});
