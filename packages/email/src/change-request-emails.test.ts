import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';

const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり介護分野協議会', en: 'Himawari Care Council' },
  publicOrigin: 'http://localhost:3000/t/himawari',
};
const origin = 'http://localhost:3000/t/himawari';
const member = { corporateName: '社会福祉法人ひまわり会', recipientName: '佐藤 花子', myPageUrl: `${origin}/` };
const adminUrl = `${origin}/admin/change-requests/00000000-0000-4000-8000-000000000001`;
const changes = [{ label: '法人名', before: '社会福祉法人ひまわり会', after: '社会福祉法人ひまわり福祉会' }];
const at = '2026-12-03T02:00:00.000Z';

describe('D1-D6 change-request mails (issue 7)', () => {
  it('D1 change-request-received and the secretariat notice list each change before → after with the reason', async () => {
    const received = await renderEmail(
      'change-request-received',
      { ...member, submittedAt: at, changes, reason: '名称変更のため' },
      branding,
    );
    expect(received.subject).toBe('【ひまわり介護分野協議会】登録内容の変更申請を受け付けました');
    expect(received.text).toContain('法人名: 社会福祉法人ひまわり会 → 社会福祉法人ひまわり福祉会');
    expect(received.text).toContain('変更理由: 名称変更のため');
    const notice = await renderEmail(
      'change-request-submitted-notice',
      {
        corporateName: member.corporateName,
        membershipNumber: 'KAIGO-M2026-000001',
        submittedAt: at,
        changes,
        reason: '名称変更のため',
        adminUrl,
      },
      branding,
    );
    expect(notice.subject).toContain('変更申請がありました（社会福祉法人ひまわり会）');
    expect(notice.text).toContain(adminUrl);
  });

  it('D5 change-request-applied says the change is already in effect; an empty value reads （未入力）', async () => {
    const email = await renderEmail(
      'change-request-applied',
      { ...member, appliedAt: at, changes: [{ label: '担当者の部署', before: '', after: '総務部' }], reason: '部署の新設' },
      branding,
    );
    expect(email.text).toContain('担当者の部署: （未入力） → 総務部');
    expect(email.text).toContain('すでに反映されています');
  });

  it('D1 change-request-approved announces the new certificate only when one is issued', async () => {
    const withCertificate = await renderEmail(
      'change-request-approved',
      { ...member, decidedAt: at, changes, issuesCertificate: true },
      branding,
    );
    expect(withCertificate.text).toContain('新しい入会証明書を発行します');
    const without = await renderEmail('change-request-approved', { ...member, decidedAt: at, changes, issuesCertificate: false }, branding);
    expect(without.text).not.toContain('新しい入会証明書');
  });

  it('D1 G3 change-request-rejected states the reason; HTML in it stays text', async () => {
    const hostile = '<script>alert("x")</script>';
    const email = await renderEmail('change-request-rejected', { ...member, decidedAt: at, changes, decisionReason: hostile }, branding);
    expect(email.subject).toContain('登録内容の変更申請の審査結果のお知らせ');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain(hostile);
    expect(email.text).toContain('登録内容は変更前のままです');
  });

  it('D1 change-request-forwarded-notice asks the ministry user by name, with the link', async () => {
    const email = await renderEmail(
      'change-request-forwarded-notice',
      {
        recipientName: '厚労 太郎',
        corporateName: member.corporateName,
        membershipNumber: 'KAIGO-M2026-000001',
        forwardedAt: at,
        changes,
        adminUrl,
      },
      branding,
    );
    expect(email.text).toContain('厚労 太郎 様');
    expect(email.text).toContain(adminUrl);
  });
});
