import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant, createStaff, type StaffAccount } from './support/accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { arrangeWithSql } from './support/database';
import { approveReissue, downloadCertificate, pdfText, printedVerification } from './support/certificate';
import { mailFilesTo, waitForMail } from './support/mailbox';
import { type Platform, startPlatformForTest } from './support/platform';
import { signInToAdmin, signInToPortal } from './support/sign-in';
import { queryValue } from './support/database';

const TENANT = 'kaigo';
const MEMBER: ApplicantAccount = {
  loginId: 'sakura-member',
  email: 'tanto@sakura.example.jp',
  name: '佐藤 花子',
  password: 'Sakura-2026-pass',
  corporateName: '社会福祉法人さくら会',
};
const SECRETARIAT: StaffAccount = {
  email: 'jimukyoku@kaigo.example.jp',
  name: '事務局 一郎',
  password: 'Jimukyoku-2026',
  role: 'secretariat',
};
const CONTACT_EMAIL = 'contact@sakura.example.jp';

/** A verification code as the certificate worker draws it: 160 random bits in upper-case base32. */
function newCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function certificatePdf(label: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(`Membership certificate ${label}`, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await pdf.save());
}

describe('C3 C4 E1 the member downloads its certificate once, asks for a reissue, the secretariat approves; verification shows old and new', () => {
  let platform: Platform;
  let browser: Browser;
  let dataDir: string;
  let organisationId: string;
  let firstCode: string;
  let firstPdf: Buffer;

  /**
   * What the approval and the certificate worker leave behind, arranged directly: the PDF in the
   * test server's object store (s3rver keeps objects as files under DATA_DIR/s3/<bucket>) and the
   * row with the code's hash and the object key (ADR 018).
   */
  function storeRenderedCertificate(certificateId: string, pdf: Buffer, code: string): void {
    const key = `tenants/${queryValue(platform, "select id from tenants where slug = 'kaigo'")}/organisations/${organisationId}/certificates/${certificateId}.pdf`;
    const file = path.join(dataDir, 's3', 'kyogikai', ...`${key}._S3rver_object`.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, pdf);
    writeFileSync(file.replace(/object$/, 'metadata.json'), JSON.stringify({ 'content-type': 'application/pdf' }));
    arrangeWithSql(
      platform,
      "update certificates set object_key = :'p1', verification_code_hash = :'p2' where id = :'p3'",
      key,
      sha256(code),
      certificateId,
    );
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kyogikai-e2e-cert-'));
    platform = await startPlatformForTest({ env: { DATA_DIR: dataDir } });
    await createApplicant(platform, TENANT, MEMBER);
    await createStaff(platform, TENANT, SECRETARIAT);
    browser = await launchBrowser();
    organisationId = queryValue(
      platform,
      "select organisation_id from organisation_memberships m join users u on u.id = m.user_id where u.login_id = :'p1'",
      MEMBER.loginId,
    );
    // An approved member (the review journey of issue 6 reaches this through the admin).
    arrangeWithSql(
      platform,
      `update organisations set membership_state = 'active', membership_number = 'KAIGO-000777', joined_at = now(),
         contact_name = '佐藤 花子', contact_email = :'p2', postal_code = '1040061', prefecture = '東京都', city = '中央区',
         town = '銀座1-2-3', representative_title = '理事長', representative_name = '髙﨑 太郎'
       where id = :'p1'`,
      organisationId,
      CONTACT_EMAIL,
    );
    const certificateId = randomUUID();
    arrangeWithSql(
      platform,
      `insert into certificates (tenant_id, id, organisation_id, membership_number, issue_number, state, fields)
       select tenant_id, :'p1', id, membership_number, 1, 'issued',
         jsonb_build_object('schemaVersion', 1, 'councilNameJa', '介護分野における特定技能協議会', 'corporateName', corporate_name)
       from organisations where id = :'p2'`,
      certificateId,
      organisationId,
    );
    firstCode = newCode();
    firstPdf = await certificatePdf('No. 1');
    storeRenderedCertificate(certificateId, firstPdf, firstCode);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function downloadFromMyPage(page: Page): Promise<Buffer> {
    const downloaded = await downloadCertificate(page);
    expect(downloaded.fileName).toMatch(/^入会証明書_KAIGO-000777_\d\.pdf$/);
    return downloaded.bytes;
  }

  it('C4 E1 download once, refused the second time, 「入会証明書再発行申請」 → 「申請を行う」, approved in the admin, the new one downloaded; verification', async () => {
    const { context, page } = await newPage(browser);
    await signInToPortal(page, platform, TENANT, MEMBER);

    // マイページ: the certificate, ready once.
    const section = page.getByRole('region', { name: '入会証明書' });
    await visible(section.getByText('ダウンロードできます（1回のみ）'));
    await visible(section.getByText('入会証明書は一度しかダウンロードできません。', { exact: false }));
    expect(await page.getByRole('link', { name: '入会証明書再発行申請' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'my page certificate ready');
    await screenshot(page, 'c4-mypage-certificate-ready');

    const downloaded = await downloadFromMyPage(page);
    expect(downloaded.equals(firstPdf)).toBe(true);
    await visible(section.getByText('ダウンロード済み', { exact: true }));
    await visible(section.getByText(`さんがダウンロードしました`, { exact: false }));
    await visible(section.getByText(MEMBER.name, { exact: false }));
    expect(await page.getByRole('button', { name: '入会証明書をダウンロード' }).count()).toBe(0);

    // A second download (e.g. the address opened again) is refused with when and by whom.
    const second = await page.evaluate(
      async (url) => {
        const response = await fetch(url, { credentials: 'same-origin' });
        return {
          status: response.status,
          body: (await response.json()) as { error: { messageKey: string; messageParams: Record<string, string> } },
        };
      },
      platform.tenantUrl(TENANT, '/api/portal/files/certificate'),
    );
    expect(second.status).toBe(409);
    expect(second.body.error.messageKey).toBe('certificate.alreadyDownloadedBy');
    expect(second.body.error.messageParams.downloadedBy).toBe(MEMBER.name);

    // 「入会証明書再発行申請」 (orange, top right) → reason → 「申請を行う」.
    const reissueButton = page.getByRole('link', { name: '入会証明書再発行申請' }).first();
    await visible(reissueButton);
    await expectNoSeriousA11yViolations(page, 'my page certificate downloaded');
    await screenshot(page, 'c4-mypage-certificate-downloaded');
    await reissueButton.click();
    await visible(page.getByRole('heading', { level: 1, name: '入会証明書再発行申請' }));
    await page.getByRole('button', { name: '申請を行う' }).click();
    await visible(page.getByRole('alert'));
    await expectNoSeriousA11yViolations(page, 'reissue page with an error');
    await page.getByLabel('申請理由').fill('事務所の移転作業中に、保管していた入会証明書のファイルを紛失したため。');
    await page.getByRole('button', { name: '申請を行う' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByText('入会証明書の再発行申請を受け付けました。', { exact: false }).first());
    await visible(section.getByRole('heading', { name: '再発行申請中' }));
    expect(await page.getByRole('link', { name: '入会証明書再発行申請' }).count()).toBe(0);
    await visible(section.getByRole('button', { name: '再発行申請を取り消す' }));
    await expectNoSeriousA11yViolations(page, 'my page reissue requested');
    await screenshot(page, 'e1-mypage-reissue-requested');
    await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '入会証明書再発行申請の受付のお知らせ' });
    const receiptMails = await mailFilesTo(platform, CONTACT_EMAIL);

    // The secretariat approves in the admin.
    const admin = await newPage(browser);
    await signInToAdmin(admin.page, platform, TENANT, SECRETARIAT);
    await approveReissue(admin.page, MEMBER.corporateName ?? '', {
      beforeApproving: async () => {
        const request = admin.page.getByRole('region', { name: MEMBER.corporateName ?? '' });
        await visible(request.getByText('事務所の移転作業中に', { exact: false }));
        await expectNoSeriousA11yViolations(admin.page, 'admin reissue requests');
        await screenshot(admin.page, 'e1-admin-reissue-requests');
      },
    });
    await visible(admin.page.getByText('確認待ちの再発行申請はありません。'));
    await admin.context.close();

    // The new certificate: same membership number, issue 2, the old one superseded.
    const newId = queryValue(
      platform,
      "select id from certificates where organisation_id = :'p1' and issue_number = 2 and state = 'issued'",
      organisationId,
    );
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    expect(queryValue(platform, "select state from certificates where organisation_id = :'p1' and issue_number = 1", organisationId)).toBe(
      'superseded',
    );
    // The certificate worker (running inside the test-mode server) renders and stores it, then mails.
    const deadline = Date.now() + 60_000;
    while (queryValue(platform, "select coalesce(object_key, '') from certificates where id = :'p1'", newId) === '') {
      if (Date.now() > deadline) throw new Error(`the certificate worker did not render ${newId}\n${platform.serverLog()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '入会証明書再発行のお知らせ', notIn: receiptMails });

    await page.reload();
    await visible(section.getByText('第2回'));
    const secondPdf = await downloadFromMyPage(page);
    await visible(section.getByText('ダウンロード済み', { exact: true }));
    // The code and link printed on the new certificate (text layer read with poppler's pdftotext).
    const printed = printedVerification(pdfText(secondPdf));
    const grouped = printed.groupedCode;
    expect(printed.code).toMatch(/^[A-Z2-7]{32}$/);
    expect(printed.url).toBe(platform.tenantUrl(TENANT, `/verify/${printed.code}`));

    // Public verification: no session (a fresh browser context).
    const visitor = await newPage(browser);
    await visitor.page.goto(platform.tenantUrl(TENANT, `/verify/${firstCode}`));
    await visible(visitor.page.getByRole('heading', { level: 2, name: 'この入会証明書は無効です（再発行済み）' }));
    await visible(visitor.page.getByText(MEMBER.corporateName ?? '', { exact: true }));
    expect(await visitor.page.getByText('銀座', { exact: false }).count()).toBe(0);
    expect(await visitor.page.getByText('髙﨑', { exact: false }).count()).toBe(0);
    await expectNoSeriousA11yViolations(visitor.page, 'verification superseded');
    await screenshot(visitor.page, 'verify-superseded');
    // The new one, typed from the paper as printed (grouped by four), in lower case.
    await visitor.page.goto(platform.tenantUrl(TENANT, '/verify'));
    await visitor.page.getByRole('textbox', { name: '確認コード' }).fill(grouped.toLowerCase());
    await visitor.page.getByRole('button', { name: '確認する' }).click();
    await visible(visitor.page.getByRole('heading', { level: 2, name: '有効な入会証明書です' }));
    await visible(visitor.page.getByText('第2回'));
    await expectNoSeriousA11yViolations(visitor.page, 'verification valid');
    await screenshot(visitor.page, 'verify-valid');
    await visitor.page.goto(platform.tenantUrl(TENANT, `/verify/${newCode()}`));
    await visible(visitor.page.getByRole('heading', { level: 2, name: '該当する入会証明書はありません' }));
    // In English.
    await visitor.page.getByRole('button', { name: 'English' }).click();
    await visible(visitor.page.getByRole('heading', { level: 2, name: 'No matching certificate' }));
    await expectNoSeriousA11yViolations(visitor.page, 'verification unknown (English)');
    await visitor.context.close();
    await context.close();
  });
});
