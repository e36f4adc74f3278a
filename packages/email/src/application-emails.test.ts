import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';

const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり介護分野協議会', en: 'Himawari Care Council' },
  publicOrigin: 'http://localhost:3000/t/himawari',
  secretariatContact: { name: 'ひまわり事務局', email: 'office@himawari.example.jp', phone: '06-1111-2222', hours: '平日 9:00〜18:00' },
};
const origin = 'http://localhost:3000/t/himawari';
const hostile = '<script>alert("x")</script><b>株式会社</b>';

describe('B5 application-received mail (receipt to the applicant)', () => {
  const props = {
    corporateName: '社会福祉法人ひまわり会',
    recipientName: '佐藤 花子',
    referenceNumber: 'HIMAWARI-2026-000042',
    submittedAt: '2026-11-29T00:00:00.000Z',
    workerCount: 2,
    reviewTargetWorkingDays: 10,
    myPageUrl: `${origin}/`,
  };

  it('B5 holds the reference number, when, what happens next and the review target, in Japanese first', async () => {
    const email = await renderEmail('application-received', props, branding);
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会申請受付のお知らせ（受付番号 HIMAWARI-2026-000042）');
    expect(email.html).toContain('lang="ja"');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('受付番号: HIMAWARI-2026-000042');
      expect(part).toContain('2026年11月29日(日) 09:00');
      expect(part).toContain('登録した特定技能外国人: 2名');
      expect(part).toContain('10営業日');
      expect(part).toContain('審査中は申請内容を変更できません');
      expect(part).toContain('佐藤 花子 様');
      expect(part).toContain(props.myPageUrl);
      expect(part).toContain('06-1111-2222');
    }
  });

  it('G9 names are text: HTML in a corporation name is escaped, never rendered', async () => {
    const email = await renderEmail('application-received', { ...props, corporateName: hostile, recipientName: hostile }, branding);
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>株式会社</b>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.text).toContain('<script>alert("x")</script><b>株式会社</b>');
  });

  it('refuses a link outside the tenant', async () => {
    await expect(renderEmail('application-received', { ...props, myPageUrl: 'https://evil.example.com/' }, branding)).rejects.toMatchObject(
      {
        kind: 'link',
      },
    );
  });
});

describe('B5 application-submitted-notice mail (to the secretariat)', () => {
  const props = {
    corporateName: '社会福祉法人ひまわり会',
    referenceNumber: 'HIMAWARI-2026-000042',
    submittedAt: '2026-11-29T00:00:00.000Z',
    workerCount: 3,
    adminUrl: `${origin}/admin/`,
  };

  it('B5 names the corporation and reference number and links to the admin console', async () => {
    const email = await renderEmail('application-submitted-notice', props, branding);
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会申請の受付（受付番号 HIMAWARI-2026-000042）');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('法人名: 社会福祉法人ひまわり会');
      expect(part).toContain('受付番号: HIMAWARI-2026-000042');
      expect(part).toContain('特定技能外国人: 3名');
      expect(part).toContain(props.adminUrl);
    }
  });

  it('G9 HTML in the corporation name stays text', async () => {
    const email = await renderEmail('application-submitted-notice', { ...props, corporateName: hostile }, branding);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });

  it('refuses a reference number that is not one of ours (it goes into the subject)', async () => {
    await expect(
      renderEmail('application-submitted-notice', { ...props, referenceNumber: 'X\r\nBcc: a@b.c' }, branding),
    ).rejects.toMatchObject({
      kind: 'props',
    });
  });
});
