import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant, createStaff, type StaffAccount } from './support/accounts';
import { KAIGO_DOCUMENTS } from './support/application';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { mailFilesTo, waitForMail } from './support/mailbox';
import { type Platform, startPlatformForTest } from './support/platform';
import { approveAsMinistry, completeReviewAndForward, startReview } from './support/review';
import { signInToAdmin, signInToPortal } from './support/sign-in';
import { queryValue } from './support/database';

const TENANT = 'kaigo';
const CONTACT_EMAIL = 'tanto@himawari.example.jp';
const APPLICANT: ApplicantAccount = {
  loginId: 'himawari-review',
  email: 'himawari-user@himawari.example.jp',
  name: '田中 一郎',
  password: 'Himawari-2026-pass',
  corporateName: '社会福祉法人ひまわり会',
};
const SECRETARIAT: StaffAccount = {
  email: 'shinsa@kaigo.example.jp',
  name: '審査 花子',
  password: 'Shinsa-2026-pass',
  role: 'secretariat',
};
const MINISTRY: StaffAccount = { email: 'kosei@mhlw.example.jp', name: '厚生 次郎', password: 'Kosei-2026-pass', role: 'ministry' };
const SUBMIT = '上記内容で申請を行う';
const RETURN_MESSAGE = 'MARIA SANTOS さんの在留カードの写しが裏面のみです。\n代表者の氏名も登記のとおりに直してください。';

/** One tRPC call of the portal from the signed-in page (same origin, its cookie), as the SPA makes it. */
async function portalCall<T>(page: Page, platform: Platform, procedure: string, input?: unknown, type: 'query' | 'mutation' = 'mutation') {
  const url = platform.tenantUrl(TENANT, `/api/portal/trpc/${procedure}`);
  return page.evaluate(
    async ({ url, input, type }) => {
      const body = JSON.stringify({ json: input });
      const response =
        type === 'query'
          ? await fetch(input === undefined ? url : `${url}?input=${encodeURIComponent(body)}`, { credentials: 'same-origin' })
          : await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as { result?: { data: { json: unknown } }; error?: unknown };
      if (!answer.result) throw new Error(`${url}: ${response.status} ${JSON.stringify(answer.error)}`);
      return answer.result.data.json;
    },
    { url, input, type },
  ) as Promise<T>;
}

async function pdfBase64(text: string): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 16, font });
  return Buffer.from(await pdf.save()).toString('base64');
}

/** PUT through the portal's upload route, as the worker page's upload widget does. */
async function upload(page: Page, platform: Platform, workerId: string, documentKey: string, fileName: string) {
  const url = platform.tenantUrl(TENANT, `/api/portal/files/workers/${workerId}/documents/${documentKey}`);
  const status = await page.evaluate(
    async ({ url, base64, fileName }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const response = await fetch(url, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(fileName) },
        body: bytes,
      });
      return response.status;
    },
    { url, base64: await pdfBase64(`${documentKey} of MARIA SANTOS`), fileName },
  );
  expect(status, `${documentKey} upload`).toBe(201);
}

describe('C1 C2 C3 staff review in the admin: start, return with a message, resubmission with the changes shown, forward, ministry approval', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createApplicant(platform, TENANT, APPLICANT);
    await createStaff(platform, TENANT, SECRETARIAT);
    await createStaff(platform, TENANT, MINISTRY);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('C1-C3 submitted in the portal → returned with a message → corrected and resubmitted → changes seen, forwarded → approved by the ministry: a member with a number', async () => {
    // The applicant's complete application, entered through the portal's API, submitted on 申請内容の確認.
    const applicant = await newPage(browser);
    const portal = applicant.page;
    await signInToPortal(portal, platform, TENANT, APPLICANT);
    const organisation = await portalCall<{ version: number }>(portal, platform, 'organisation.get', undefined, 'query');
    const step1 = {
      corporateName: APPLICANT.corporateName,
      corporateNameKana: 'シャカイフクシホウジンヒマワリカイ',
      corporateNumber: '7000012050002',
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座7-17-14',
      representativeTitle: '理事長',
      representativeName: '山田 太朗',
      phone: '03-6206-1262',
      contactName: '佐藤 花子',
      contactEmail: CONTACT_EMAIL,
      contactPhone: '03-6206-1262',
    };
    await portalCall(portal, platform, 'organisation.saveDraft', { version: organisation.version, values: step1 });
    const establishment = await portalCall<{ id: string }>(portal, platform, 'establishment.create', {
      name: '特別養護老人ホーム ひまわり苑',
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座7-17-14',
      phone: '03-1234-5678',
      extra: { serviceType: 'nursing-home' },
    });
    const worker = await portalCall<{ id: string }>(portal, platform, 'worker.create', {
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    for (const document of KAIGO_DOCUMENTS) await upload(portal, platform, worker.id, document.key, document.file);
    expect(await portalCall(portal, platform, 'application.checklist', undefined, 'query')).toMatchObject({ isComplete: true });
    await portal.goto(platform.tenantUrl(TENANT, '/application/review'));
    await visible(portal.getByRole('heading', { level: 1, name: '申請内容の確認' }));
    await portal.getByRole('button', { name: SUBMIT, exact: true }).click();
    await visible(portal.getByRole('heading', { level: 1, name: '入会申請を受け付けました' }));
    const referenceNumber = (await portal.locator('.k-panel-confirmation__number').textContent()) ?? '';
    expect(referenceNumber).toMatch(/^KAIGO-\d{4}-\d{6}$/);
    const applicationId = queryValue(platform, "select id from applications where reference_number = :'p1'", referenceNumber);

    // The secretariat opens the application, previews a document, checks it, notes, starts the review.
    const secretariat = await newPage(browser);
    const admin = secretariat.page;
    await signInToAdmin(admin, platform, TENANT, SECRETARIAT);
    await admin.goto(platform.tenantUrl(TENANT, `/admin/applications/${applicationId}`));
    await visible(admin.getByRole('heading', { level: 1, name: `${APPLICANT.corporateName}（受付番号 ${referenceNumber}）` }));
    await visible(admin.getByText('受付済み（審査待ち）', { exact: true }));
    await visible(admin.getByRole('heading', { name: 'MARIA SANTOS' }));
    const residenceCard = admin.getByRole('article', { name: '在留カードの写し' });
    await residenceCard.getByRole('button', { name: 'プレビュー' }).click();
    const preview = residenceCard.locator('iframe[title="在留カードの写し のプレビュー"]');
    await visible(preview);
    const previewSrc = (await preview.getAttribute('src')) ?? '';
    const opened = await admin.evaluate(async (src) => {
      const response = await fetch(src, { credentials: 'same-origin' });
      return {
        status: response.status,
        disposition: response.headers.get('content-disposition'),
        type: response.headers.get('content-type'),
      };
    }, previewSrc);
    expect(opened).toMatchObject({ status: 200, type: 'application/pdf', disposition: expect.stringMatching(/^inline; /) });
    await residenceCard.getByRole('radio', { name: '要修正' }).check();
    await residenceCard.getByLabel('修正が必要な理由').fill('裏面のみ');
    await residenceCard.getByRole('button', { name: '確認結果を保存' }).click();
    await visible(residenceCard.getByText(`要修正（${SECRETARIAT.name}、`, { exact: false }));
    await admin.getByLabel('メモを追加').fill('電話で担当者に確認済み。');
    await admin.getByRole('button', { name: 'メモを追加する' }).click();
    await visible(admin.getByText('電話で担当者に確認済み。', { exact: true }));
    await expectNoSeriousA11yViolations(admin, 'admin application detail, submitted');
    await screenshot(admin, 'c1-admin-application-detail');

    await startReview(admin);

    // Returned with a message: the form refuses an empty message first.
    const mailBefore = await mailFilesTo(platform, CONTACT_EMAIL);
    await admin.getByRole('button', { name: '修正を依頼して差し戻す' }).click();
    await admin.getByRole('button', { name: '差し戻して申請者へ通知する' }).click();
    await visible(admin.getByText('入力してください。', { exact: false }).first());
    await admin.getByLabel('申請者へのメッセージ（修正してほしい内容）', { exact: false }).fill(RETURN_MESSAGE);
    await expectNoSeriousA11yViolations(admin, 'admin return form');
    await admin.getByRole('button', { name: '差し戻して申請者へ通知する' }).click();
    await visible(admin.getByText('申請を差し戻し、申請者へメールで通知しました。', { exact: true }));
    const returnedMail = await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '入会申請の修正のお願い', notIn: mailBefore });
    expect(returnedMail.text).toContain('MARIA SANTOS さんの在留カードの写しが裏面のみです。');
    expect(returnedMail.text).toContain(referenceNumber);

    // The applicant sees the message on マイページ, corrects the name and resubmits with the same button.
    await portal.goto(platform.tenantUrl(TENANT, '/'));
    const request = portal.getByRole('region', { name: '事務局からの修正依頼' });
    await visible(request);
    await visible(request.getByText('代表者の氏名も登記のとおりに直してください。', { exact: false }));
    await expectNoSeriousA11yViolations(portal, 'my page, returned for correction');
    await screenshot(portal, 'c1-mypage-returned');
    const draft = await portalCall<{ version: number }>(portal, platform, 'organisation.get', undefined, 'query');
    await portalCall(portal, platform, 'organisation.saveDraft', {
      version: draft.version,
      values: { ...step1, representativeName: '山田 太郎' },
    });
    await portal.goto(platform.tenantUrl(TENANT, '/application/review'));
    await visible(portal.getByRole('heading', { level: 1, name: '申請内容の確認' }));
    await portal.getByRole('button', { name: SUBMIT, exact: true }).click();
    await visible(portal.getByRole('heading', { level: 1, name: '入会申請を受け付けました' }));
    expect(await portal.locator('.k-panel-confirmation__number').textContent()).toBe(referenceNumber);
    await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '修正した入会申請の受付' });

    // The secretariat sees exactly what changed, starts again and completes: forwarded to the ministry.
    await admin.reload();
    const changes = admin.getByRole('region', { name: '差し戻し後の変更点' });
    await visible(changes);
    const row = changes.getByRole('row', { name: /代表者の氏名/ });
    await visible(row.getByText('山田 太朗', { exact: true }));
    await visible(row.getByText('山田 太郎', { exact: true }));
    await expectNoSeriousA11yViolations(admin, 'admin application detail, resubmitted');
    await screenshot(admin, 'c1-admin-changes-since-return');
    await startReview(admin);
    await completeReviewAndForward(admin);
    await visible(admin.getByText('この状態で、あなたの役割から行える操作はありません。', { exact: true }));
    const forwardedMail = await waitForMail(platform, { to: MINISTRY.email, subjectIncludes: '入会申請の承認依頼' });
    expect(forwardedMail.text).toContain(`/admin/applications/${applicationId}`);

    // A ministry user approves: the organisation becomes a member with a membership number.
    const ministry = await newPage(browser);
    await signInToAdmin(ministry.page, platform, TENANT, MINISTRY);
    await ministry.page.goto(platform.tenantUrl(TENANT, `/admin/applications/${applicationId}`));
    await visible(ministry.page.getByText('所管省庁の承認待ち', { exact: true }));
    await expectNoSeriousA11yViolations(ministry.page, 'admin application detail, ministry');
    const announcedNumber = await approveAsMinistry(ministry.page);
    await screenshot(ministry.page, 'c3-admin-approved');
    const membership = queryValue(
      platform,
      "select membership_state || ' ' || membership_number from organisations where id = (select organisation_id from applications where id = :'p1')",
      applicationId,
    );
    expect(membership).toMatch(/^active KAIGO-M\d{4}-000001$/);
    expect(membership).toBe(`active ${announcedNumber}`);
    const approvedMail = await waitForMail(platform, {
      to: CONTACT_EMAIL,
      subjectIncludes: '入会承認と入会証明書発行のお知らせ',
      timeoutMs: 60_000,
    });
    expect(approvedMail.subject).toContain(membership.split(' ')[1] ?? '');

    // English: the same page for the ministry user in English.
    await ministry.page.getByRole('button', { name: 'English' }).click();
    await visible(ministry.page.getByText('Approved', { exact: true }));
    await expectNoSeriousA11yViolations(ministry.page, 'admin application detail in English');
    await applicant.context.close();
    await secretariat.context.close();
    await ministry.context.close();
  }, 300_000);
});
