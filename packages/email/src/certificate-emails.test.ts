import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';

const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり介護分野協議会', en: 'Himawari Care Council' },
  publicOrigin: 'http://localhost:3000/t/himawari',
};
const myPageUrl = 'http://localhost:3000/t/himawari/';
const hostile = '<script>alert("x")</script>';

describe('C3 C4 application-approved mail (sent once the certificate is stored)', () => {
  const props = { corporateName: '株式会社髙﨑商事', recipientName: '髙橋 一郎', membershipNumber: 'KG-000123', myPageUrl };

  it('C3 tells the approval and the membership number, and that the certificate downloads once on マイページ', async () => {
    const email = await renderEmail('application-approved', props, branding);
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会承認と入会証明書発行のお知らせ（会員番号 KG-000123）');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('ひまわり介護分野協議会への入会が承認されました。');
      expect(part).toContain('会員番号: KG-000123');
      expect(part).toContain('ダウンロードは1回限り');
      expect(part).toContain('入会証明書再発行申請');
      expect(part).toContain('髙橋 一郎 様');
      expect(part).toContain(myPageUrl);
    }
  });

  it('G9 names stay text', async () => {
    const email = await renderEmail('application-approved', { ...props, corporateName: hostile }, branding);
    expect(email.html).not.toContain('<script>');
  });
});

describe('E1 certificate-reissued mail', () => {
  const props = { corporateName: '株式会社髙﨑商事', recipientName: '髙橋 一郎', membershipNumber: 'KG-000123', issueNumber: 2, myPageUrl };

  it('E1 names the membership number and the new issue number, downloadable once', async () => {
    const email = await renderEmail('certificate-reissued', props, branding);
    expect(email.subject).toBe('【ひまわり介護分野協議会】入会証明書再発行のお知らせ（会員番号 KG-000123）');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('入会証明書を再発行しました。');
      expect(part).toContain('発行番号: 第2号');
      expect(part).toContain('ダウンロードは1回限り');
    }
  });

  it('refuses a first issue (a reissue is number 2 or later)', async () => {
    await expect(renderEmail('certificate-reissued', { ...props, issueNumber: 1 }, branding)).rejects.toMatchObject({ kind: 'props' });
  });
});
