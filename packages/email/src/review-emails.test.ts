import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';

const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり介護分野協議会', en: 'Himawari Care Council' },
  publicOrigin: 'http://localhost:3000/t/himawari',
};
const origin = 'http://localhost:3000/t/himawari';
const hostile = '<script>alert("x")</script>';
const base = { corporateName: '社会福祉法人ひまわり会', referenceNumber: 'HIMAWARI-2026-000042' };
const applicant = { ...base, recipientName: '佐藤 花子', myPageUrl: `${origin}/` };
const applicationUrl = `${origin}/admin/applications/00000000-0000-4000-8000-000000000001`;

describe('C1 C3 review mails (issue 6 item 8)', () => {
  it('C1 application-returned carries the message with its line breaks, the reference number and the link to マイページ', async () => {
    const message = '在留カードの写しが裏面のみです。\n表面もアップロードしてください。';
    const email = await renderEmail('application-returned', { ...applicant, message, returnedAt: '2026-12-01T00:00:00.000Z' }, branding);
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会申請の修正のお願い（受付番号 HIMAWARI-2026-000042）');
    expect(email.html).toContain('white-space:pre-wrap');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('在留カードの写しが裏面のみです。');
      expect(part).toContain('上記内容で申請を行う');
      expect(part).toContain(applicant.myPageUrl);
    }
    expect(email.text).toContain(message);
  });

  it('C3 application-rejected states the reason; HTML in it stays text', async () => {
    const email = await renderEmail(
      'application-rejected',
      { ...applicant, reason: hostile, decidedAt: '2026-12-05T00:00:00.000Z' },
      branding,
    );
    expect(email.subject).toContain('入会申請の審査結果のお知らせ');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.text).toContain(hostile);
  });

  it('C3 application-forwarded-notice addresses the ministry user and links to the application in the admin', async () => {
    const email = await renderEmail(
      'application-forwarded-notice',
      { ...base, recipientName: '厚生 一郎', forwardedAt: '2026-12-03T05:00:00.000Z', applicationUrl },
      branding,
    );
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会申請の承認依頼（受付番号 HIMAWARI-2026-000042）');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('厚生 一郎 様');
      expect(part).toContain(applicationUrl);
    }
  });

  it('C1 application-resubmitted (to the applicant) and application-resubmitted-notice (to the secretariat)', async () => {
    const receipt = await renderEmail(
      'application-resubmitted',
      { ...applicant, resubmittedAt: '2026-12-02T00:00:00.000Z', reviewTargetWorkingDays: 10 },
      branding,
    );
    expect(receipt.text).toContain('受付番号: HIMAWARI-2026-000042（変わりません）');
    expect(receipt.text).toContain('10営業日');
    const notice = await renderEmail(
      'application-resubmitted-notice',
      { ...base, resubmittedAt: '2026-12-02T00:00:00.000Z', applicationUrl },
      branding,
    );
    expect(notice.text).toContain('差し戻し後の変更点');
    expect(notice.text).toContain(applicationUrl);
  });

  it('application-withdrawn-notice names the corporation; links outside the tenant are refused elsewhere', async () => {
    const email = await renderEmail('application-withdrawn-notice', { ...base, withdrawnAt: '2026-12-02T00:00:00.000Z' }, branding);
    expect(email.text).toContain('法人名: 社会福祉法人ひまわり会');
    await expect(
      renderEmail(
        'application-forwarded-notice',
        { ...base, recipientName: 'x', forwardedAt: '2026-12-03T05:00:00.000Z', applicationUrl: 'https://evil.example.com/' },
        branding,
      ),
    ).rejects.toMatchObject({ kind: 'link' });
  });
});
