import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant, createStaff, type StaffAccount } from './support/accounts';
import { type CompleteApplication, submitFromMyPage, submitCompleteApplication } from './support/application';
import { launchBrowser, newPage, screenshot, visible } from './support/browser';
import {
  approveReissue,
  certificateSection,
  downloadCertificate,
  pdfText,
  printedVerification,
  requestReissue,
  waitForCertificateReady,
} from './support/certificate';
import { mailFilesTo, waitForMail } from './support/mailbox';
import { labelled } from './support/onboarding';
import { type Platform, startPlatformForTest } from './support/platform';
import { approveAsMinistry, completeReviewAndForward, openApplicationFromQueue, returnForCorrection, startReview } from './support/review';
import { signInToAdmin, signInToPortal } from './support/sign-in';

const TENANT = 'kaigo';
/** 髙 and 﨑 are outside JIS X 0208: the certificate's font and text layer must still carry them. */
const CORPORATE_NAME = '社会福祉法人髙﨑福祉会';
const APPLICANT: ApplicantAccount = {
  loginId: 'takasaki-member',
  email: 'riji@takasaki-fukushi.example.jp',
  name: '髙﨑 良子',
  password: 'Takasaki-2026-pass',
  corporateName: CORPORATE_NAME,
};
const CONTACT_EMAIL = 'tanto@takasaki-fukushi.example.jp';
const SECRETARIAT: StaffAccount = {
  email: 'shinsa@kaigo.example.jp',
  name: '審査 花子',
  password: 'Shinsa-2026-pass',
  role: 'secretariat',
};
const MINISTRY: StaffAccount = { email: 'kosei@mhlw.example.jp', name: '厚生 次郎', password: 'Kosei-2026-pass', role: 'ministry' };

const APPLICATION: CompleteApplication = {
  step1: {
    corporateNameKana: 'シャカイフクシホウジン タカサキフクシカイ',
    corporateNumber: '7000012050002',
    postalCode: '1040061',
    town: '銀座7-17-14',
    representativeTitle: '理事長',
    representativeName: '髙﨑 太朗',
    phone: '03-6206-1262',
    contactName: '髙﨑 良子',
    contactEmail: CONTACT_EMAIL,
    contactPhone: '03-6206-1263',
  },
  establishment: {
    name: '特別養護老人ホーム髙﨑の郷',
    postalCode: '1040061',
    prefecture: '東京都',
    city: '中央区',
    town: '銀座7-17-15',
    phone: '03-6206-1264',
    serviceType: '介護老人福祉施設（特別養護老人ホーム）',
  },
  worker: { nameLatin: 'MARIA SANTOS', nationalityTyped: 'ふぃりぴ', nationality: 'フィリピン' },
};
const RETURN_MESSAGE =
  '代表者の氏名が登記事項証明書と異なります（「太朗」ではなく「太郎」）。\n登記のとおりに直して、再度申請してください。';
const CORRECTED_REPRESENTATIVE = '髙﨑 太郎';
const REISSUE_REASON = '事務所のパソコンが故障し、保存していた入会証明書のファイルを失ったため。';

describe('B5 C1-C4 E1 from the portal to the certificate: review, return and resubmission, forward, ministry approval, download once, reissue, verification', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    // Accounts the way the other journeys make them (operator CLI); everything else happens in the UI.
    await createApplicant(platform, TENANT, APPLICANT);
    await createStaff(platform, TENANT, SECRETARIAT);
    await createStaff(platform, TENANT, MINISTRY);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  // The whole core loop in one test (portal authoring with six uploads, two certificate renders,
  // four people signed in): about 2 minutes alone, more than the suite's 180 s with another journey beside it.
  it('B5/C1-C4/E1: submitted in the portal → returned with a message → corrected and resubmitted → forwarded → approved by the ministry → the PDF downloaded once, refused again → reissue approved → the new one downloaded; verification: first superseded, second valid', async () => {
    // The applicant authors the application through the portal (one worker) and submits it.
    const member = await newPage(browser);
    const portal = member.page;
    await signInToPortal(portal, platform, TENANT, APPLICANT);
    const referenceNumber = await submitCompleteApplication(portal, APPLICATION);
    expect(referenceNumber).toMatch(/^KAIGO-\d{4}-\d{6}$/);
    await screenshot(portal, 'c-e1-01-portal-submitted');

    // The secretariat finds it in 申請一覧 by its 受付番号, starts the review and returns it with a message.
    const secretariat = await newPage(browser);
    const admin = secretariat.page;
    await signInToAdmin(admin, platform, TENANT, SECRETARIAT);
    const applicationId = await openApplicationFromQueue(admin, platform, TENANT, referenceNumber);
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);
    await visible(admin.getByText('受付済み（審査待ち）', { exact: true }));
    await visible(admin.getByRole('heading', { name: 'MARIA SANTOS' }));
    await startReview(admin);
    const mailBeforeReturn = await mailFilesTo(platform, CONTACT_EMAIL);
    await returnForCorrection(admin, RETURN_MESSAGE);
    await visible(admin.getByText('差し戻し中（申請者が修正中）', { exact: true }));
    await screenshot(admin, 'c-e1-02-admin-returned');
    const returnedMail = await waitForMail(platform, {
      to: CONTACT_EMAIL,
      subjectIncludes: '入会申請の修正のお願い',
      notIn: mailBeforeReturn,
    });
    expect(returnedMail.text).toContain('登記のとおりに直して、再度申請してください。');

    // The applicant reads the request on マイページ, corrects STEP1 and hands the application in again.
    await portal.goto(platform.tenantUrl(TENANT, '/'));
    const request = portal.getByRole('region', { name: '事務局からの修正依頼' });
    await visible(request.getByText('「太朗」ではなく「太郎」', { exact: false }));
    await screenshot(portal, 'c-e1-03-portal-returned');
    await portal.getByRole('link', { name: 'STEP1. 会員情報を確認・修正する', exact: true }).click();
    await visible(portal.getByRole('heading', { level: 1, name: 'STEP1. 会員情報' }));
    await labelled(portal, '代表者名').fill(CORRECTED_REPRESENTATIVE);
    await portal.getByRole('button', { name: '一時保存', exact: true }).click();
    await visible(portal.getByRole('status').getByText(/^一時保存しました/));
    await portal.getByRole('link', { name: 'マイページへ戻る', exact: true }).click();
    await visible(portal.getByRole('heading', { level: 1, name: 'マイページ' }));
    expect(await submitFromMyPage(portal)).toBe(referenceNumber);

    // The secretariat sees exactly what changed, reviews again and forwards to the ministry.
    await admin.reload();
    await visible(admin.getByText('再申請済み（審査待ち）', { exact: true }));
    const changes = admin.getByRole('region', { name: '差し戻し後の変更点' });
    const changedRow = changes.getByRole('row', { name: /代表者の氏名/ });
    await visible(changedRow.getByText('髙﨑 太朗', { exact: true }));
    await visible(changedRow.getByText(CORRECTED_REPRESENTATIVE, { exact: true }));
    expect(await changes.getByRole('row').count()).toBe(2); // the header and the one change
    await screenshot(admin, 'c-e1-04-admin-changes-since-return');
    await startReview(admin);
    await completeReviewAndForward(admin);

    // A ministry user approves: a member with a membership number; the worker renders the certificate.
    const ministry = await newPage(browser);
    await signInToAdmin(ministry.page, platform, TENANT, MINISTRY);
    await openApplicationFromQueue(ministry.page, platform, TENANT, referenceNumber);
    const membershipNumber = await approveAsMinistry(ministry.page);
    expect(membershipNumber).toMatch(/^KAIGO-M\d{4}-000001$/);
    await screenshot(ministry.page, 'c-e1-05-admin-approved');
    await ministry.context.close();
    // The mail leaves after the PDF is stored (ADR 018), so it also says the worker has finished.
    const approvalMail = await waitForMail(platform, {
      to: CONTACT_EMAIL,
      subjectIncludes: '入会承認と入会証明書発行のお知らせ',
      timeoutMs: 90_000,
    });
    expect(`${approvalMail.subject}\n${approvalMail.text}`).toContain(membershipNumber);

    // The member downloads the certificate once. A second tab, opened before, still offers the button.
    const section = certificateSection(portal);
    await portal.goto(platform.tenantUrl(TENANT, '/'));
    await waitForCertificateReady(portal, 1);
    await visible(section.getByText(membershipNumber, { exact: true }));
    await screenshot(portal, 'c-e1-06-portal-certificate-ready');
    const otherTab = await newPage(browser, { context: member.context });
    await otherTab.page.goto(platform.tenantUrl(TENANT, '/'));
    await visible(otherTab.page.getByRole('button', { name: '入会証明書をダウンロード' }));

    const first = await downloadCertificate(portal);
    expect(first.fileName).toBe(`入会証明書_${membershipNumber}_1.pdf`);
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const firstText = pdfText(first.bytes);
    expect(firstText).toContain(CORPORATE_NAME);
    expect(firstText).toContain(membershipNumber);
    expect(firstText).toContain(CORRECTED_REPRESENTATIVE);
    const firstPrinted = printedVerification(firstText);
    expect(firstPrinted.url).toBe(platform.tenantUrl(TENANT, `/verify/${firstPrinted.code}`));
    await visible(section.getByText(`${APPLICANT.name}さんがダウンロードしました`, { exact: false }));

    // The second attempt (from the other tab) is refused, saying when and by whom.
    await otherTab.page.getByRole('button', { name: '入会証明書をダウンロード' }).click();
    await visible(otherTab.page.getByText(`${APPLICANT.name}さんがダウンロード済みです。`, { exact: false }));
    const refusal =
      (await otherTab.page
        .getByText(/ダウンロード済みです。/)
        .first()
        .textContent()) ?? '';
    expect(refusal).toMatch(
      new RegExp(`^入会証明書は\\d{4}\\D\\d{1,2}\\D\\d{1,2}\\D* ?\\d{1,2}:\\d{2}に${APPLICANT.name}さんがダウンロード済みです。`),
    );
    await screenshot(otherTab.page, 'c-e1-07-portal-second-download-refused');
    await otherTab.page.close();

    // 「入会証明書再発行申請」 → reason → 「申請を行う」.
    await requestReissue(portal, REISSUE_REASON);
    await screenshot(portal, 'c-e1-08-portal-reissue-requested');

    // The secretariat approves the request in the admin.
    const mailBeforeReissue = await mailFilesTo(platform, CONTACT_EMAIL);
    await admin.goto(platform.tenantUrl(TENANT, '/admin'));
    await visible(admin.getByRole('heading', { level: 1, name: 'ダッシュボード' }));
    await approveReissue(admin, CORPORATE_NAME, {
      beforeApproving: async () => {
        await visible(admin.getByText(REISSUE_REASON, { exact: false }));
        await screenshot(admin, 'c-e1-09-admin-reissue-request');
      },
    });
    await waitForMail(platform, {
      to: CONTACT_EMAIL,
      subjectIncludes: '入会証明書再発行のお知らせ',
      notIn: mailBeforeReissue,
      timeoutMs: 90_000,
    });

    // The new certificate: same membership number, issue 2, downloaded once.
    await portal.goto(platform.tenantUrl(TENANT, '/'));
    await waitForCertificateReady(portal, 2);
    const second = await downloadCertificate(portal);
    expect(second.fileName).toBe(`入会証明書_${membershipNumber}_2.pdf`);
    const secondText = pdfText(second.bytes);
    expect(secondText).toContain(CORPORATE_NAME);
    expect(secondText).toContain(membershipNumber);
    const secondPrinted = printedVerification(secondText);
    expect(secondPrinted.code).not.toBe(firstPrinted.code);
    expect(await portal.getByRole('button', { name: '入会証明書をダウンロード' }).count()).toBe(0);
    await screenshot(portal, 'c-e1-10-portal-second-certificate-downloaded');

    // The admin's application page shows the current certificate: the new issue, downloaded.
    await admin.goto(platform.tenantUrl(TENANT, `/admin/applications/${applicationId}`));
    await visible(admin.getByRole('region', { name: '入会証明書' }).getByText(/^第2回 — ダウンロード済み — /));

    // Anyone with the printed address (no session): the first is superseded, the second valid.
    const visitor = await newPage(browser);
    await visitor.page.goto(firstPrinted.url);
    await visible(visitor.page.getByRole('heading', { level: 2, name: 'この入会証明書は無効です（再発行済み）' }));
    await visible(visitor.page.getByText(CORPORATE_NAME, { exact: true }));
    await screenshot(visitor.page, 'c-e1-11-verify-first-superseded');
    await visitor.page.goto(secondPrinted.url);
    await visible(visitor.page.getByRole('heading', { level: 2, name: '有効な入会証明書です' }));
    await visible(visitor.page.getByText(CORPORATE_NAME, { exact: true }));
    await visible(visitor.page.getByText('第2回', { exact: true }));
    await screenshot(visitor.page, 'c-e1-12-verify-second-valid');

    await visitor.context.close();
    await secretariat.context.close();
    await member.context.close();
  }, 300_000);
});
