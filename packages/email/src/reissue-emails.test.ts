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

describe('E1 G3 reissue mails', () => {
  it('E1 reissue-request-received: the receipt with the reason, when, and what happens next', async () => {
    const email = await renderEmail(
      'reissue-request-received',
      {
        corporateName: '社会福祉法人ひまわり会',
        recipientName: '佐藤 花子',
        reason: '紛失したため',
        requestedAt: '2026-12-03T02:00:00.000Z',
        myPageUrl: `${origin}/`,
      },
      branding,
    );
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会証明書再発行申請の受付のお知らせ');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('佐藤 花子 様');
      expect(part).toContain('申請理由: 紛失したため');
      expect(part).toContain('2026年12月3日(木) 11:00');
      expect(part).toContain('ダウンロードは1回のみです');
      expect(part).toContain(`${origin}/`);
    }
  });

  it('E1 G1 reissue-requested-notice: tells the secretariat who asks, why, and where to decide', async () => {
    const email = await renderEmail(
      'reissue-requested-notice',
      {
        corporateName: '社会福祉法人ひまわり会',
        membershipNumber: 'HIMAWARI-000042',
        reason: '紛失したため',
        requestedAt: '2026-12-03T02:00:00.000Z',
        adminUrl: `${origin}/admin/reissue-requests`,
      },
      branding,
    );
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会証明書再発行申請（会員番号 HIMAWARI-000042）');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('法人名: 社会福祉法人ひまわり会');
      expect(part).toContain('申請理由: 紛失したため');
      expect(part).toContain(`${origin}/admin/reissue-requests`);
    }
  });

  it('E1 G3 reissue-declined: the secretariat’s reason and that the member may ask again; names and reasons stay text', async () => {
    const email = await renderEmail(
      'reissue-declined',
      {
        corporateName: hostile,
        recipientName: '佐藤 花子',
        requestedAt: '2026-12-03T02:00:00.000Z',
        declineReason: `理由の記載が不十分です ${hostile}`,
        myPageUrl: `${origin}/`,
      },
      branding,
    );
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会証明書再発行申請の審査結果のお知らせ');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('承認されませんでした');
      expect(part).toContain('事務局からの理由: 理由の記載が不十分です');
      expect(part).toContain('「入会証明書再発行申請」から改めて申請してください');
    }
  });

  it('refuses a link outside the tenant', async () => {
    await expect(
      renderEmail(
        'reissue-declined',
        {
          corporateName: 'a',
          recipientName: 'b',
          requestedAt: '2026-12-03T02:00:00.000Z',
          declineReason: 'c',
          myPageUrl: 'https://evil.example.com/',
        },
        branding,
      ),
    ).rejects.toMatchObject({ kind: 'link' });
  });
});
