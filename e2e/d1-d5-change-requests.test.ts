import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant, createStaff, type StaffAccount } from './support/accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { downloadCertificate, pdfText, waitForCertificateReady } from './support/certificate';
import { arrangeWithSql } from './support/database';
import { waitForMail } from './support/mailbox';
import { type Platform, startPlatformForTest } from './support/platform';
import { queryValue } from './support/database';
import { arrangeApprovedMember, M_D1 } from './support/member-changes';
import { signInToAdmin, signInToPortal } from './support/sign-in';

const TENANT = 'kaigo';
const MEMBER: ApplicantAccount = {
  loginId: 'himawari-member',
  email: 'tanto@himawari.example.jp',
  name: '佐藤 花子',
  password: 'Himawari-2026-pass',
  corporateName: '社会福祉法人ひまわり会',
};
const NEW_NAME = '社会福祉法人ひまわり福祉会';
const SECRETARIAT: StaffAccount = {
  email: 'jimukyoku@kaigo.example.jp',
  name: '事務局 一郎',
  password: 'Jimukyoku-2026',
  role: 'secretariat',
};
const MINISTRY: StaffAccount = { email: 'shoin@mhlw.example.jp', name: '厚労 太郎', password: 'Mhlw-approve-2026', role: 'ministry' };
const CONTACT_EMAIL = 'contact@himawari.example.jp';

describe('D1 D5 D6 members change their registration: before/after until approved, the new certificate, history, 「変更を取り消す」', () => {
  let platform: Platform;
  let browser: Browser;
  let dataDir: string;
  let organisationId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kyogikai-e2e-change-'));
    platform = await startPlatformForTest({ env: { DATA_DIR: dataDir } });
    await createApplicant(platform, TENANT, MEMBER);
    await createStaff(platform, TENANT, SECRETARIAT);
    await createStaff(platform, TENANT, MINISTRY);
    browser = await launchBrowser();
    // An approved member with its first certificate (the review journey of issue 6 reaches this through the admin).
    organisationId = arrangeApprovedMember(platform, MEMBER.loginId, 'KAIGO-M2026-000888', CONTACT_EMAIL);
    arrangeWithSql(
      platform,
      `insert into certificates (tenant_id, id, organisation_id, membership_number, issue_number, state, fields)
       select tenant_id, :'p1', id, membership_number, 1, 'issued',
         jsonb_build_object('schemaVersion', 1, 'councilNameJa', '介護分野における特定技能協議会', 'corporateName', corporate_name)
       from organisations where id = :'p2'`,
      randomUUID(),
      organisationId,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const memberInfo = (page: Page) => page.getByRole('region', { name: '◆会員情報', exact: true });

  /** マイページ → 「詳細情報の確認および変更」 → 「登録内容を変更する」. */
  async function openEditing(page: Page): Promise<void> {
    await page.goto(platform.tenantUrl(TENANT, '/'));
    await memberInfo(page).getByRole('link', { name: '詳細情報の確認および変更' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '会員情報（詳細情報の確認および変更）' }));
    await page.getByRole('button', { name: '登録内容を変更する' }).click();
  }

  /** 「申請登録情報を変更する」 → M-D1 → 「マイページへ戻る」. */
  async function saveAndReturn(page: Page): Promise<void> {
    await page.getByRole('button', { name: '申請登録情報を変更する' }).click();
    await visible(page.getByText(M_D1, { exact: true }));
    await page.getByRole('link', { name: 'マイページへ戻る' }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
  }

  /** 「上記の内容で変更申請を行う」 → 変更内容 (prefilled) and 変更理由 → 「申請を行う」. */
  async function submitFromMyPage(page: Page, reason: string): Promise<void> {
    const section = memberInfo(page);
    await section.getByRole('button', { name: '上記の内容で変更申請を行う' }).click();
    await expect.poll(() => section.getByLabel('変更内容').inputValue()).not.toBe('');
    await section.getByLabel('変更理由').fill(reason);
    await section.getByRole('button', { name: '申請を行う' }).click();
  }

  it('D1 法人名: highlighted edit, M-D1, before/after until the ministry approves, then only the new value and a new certificate; D5 applied at once with its reason in the history; 「変更を取り消す」', async () => {
    const { page } = await newPage(browser);
    await signInToPortal(page, platform, TENANT, MEMBER);
    await visible(memberInfo(page));
    await expectNoSeriousA11yViolations(page, 'my page member info');

    // D1: 「登録内容を変更する」 → the changed field turns light yellow and says 「変更あり」.
    await openEditing(page);
    await expectNoSeriousA11yViolations(page, 'member details editing');
    const nameField = page.locator('#member-info-corporateName');
    await nameField.fill(NEW_NAME);
    const changedField = page.locator('.k-field', { has: nameField });
    await visible(changedField.getByText('変更あり', { exact: true }));
    expect(await changedField.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 246, 196)');
    expect(
      await page
        .locator('.k-field', { has: page.locator('#member-info-phone') })
        .getByText('変更あり')
        .count(),
    ).toBe(0);
    await expectNoSeriousA11yViolations(page, 'member details with a changed field');
    await screenshot(page, 'd1-details-changed-field');
    await saveAndReturn(page);
    expect(queryValue(platform, "select corporate_name from organisations where id = :'p1'", organisationId)).toBe(MEMBER.corporateName);

    await submitFromMyPage(page, '法人の名称変更（令和8年11月登記）のため');
    await visible(page.getByText('変更申請を受け付けました。', { exact: false }));
    const pending = memberInfo(page);
    await visible(pending.getByRole('cell', { name: MEMBER.corporateName ?? '', exact: true }));
    await visible(pending.getByRole('cell', { name: NEW_NAME, exact: true }));
    await expectNoSeriousA11yViolations(page, 'my page change pending');
    await screenshot(page, 'd1-mypage-pending');
    // The detail screen shows the registered value and the new one side by side too.
    await memberInfo(page).getByRole('link', { name: '詳細情報の確認および変更' }).click();
    const row = page.getByRole('row', { name: /^法人名 / });
    await visible(row.getByRole('cell', { name: MEMBER.corporateName ?? '', exact: true }));
    await visible(row.getByText(NEW_NAME));
    await visible(row.getByText('申請中'));
    await expectNoSeriousA11yViolations(page, 'member details pending');

    // The secretariat reviews and asks the ministry; the ministry approves.
    const secretariat = await newPage(browser);
    await signInToAdmin(secretariat.page, platform, TENANT, SECRETARIAT);
    await secretariat.page.getByRole('link', { name: '変更申請一覧' }).click();
    await visible(secretariat.page.getByRole('heading', { level: 1, name: '変更申請一覧' }));
    await expectNoSeriousA11yViolations(secretariat.page, 'admin change requests');
    await secretariat.page.getByRole('link', { name: MEMBER.corporateName ?? '' }).click();
    await visible(secretariat.page.getByRole('cell', { name: NEW_NAME }));
    await visible(secretariat.page.getByText('法人の名称変更（令和8年11月登記）のため'));
    await expectNoSeriousA11yViolations(secretariat.page, 'admin change request');
    await screenshot(secretariat.page, 'd1-admin-change-request');
    await secretariat.page.getByRole('button', { name: '審査を開始する' }).click();
    await secretariat.page.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await visible(secretariat.page.getByText('審査を開始しました。'));
    await secretariat.page.getByRole('button', { name: '審査を完了し、所管省庁へ承認を依頼する' }).click();
    await secretariat.page.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await visible(secretariat.page.getByText('所管省庁へ承認を依頼しました。'));
    await secretariat.context.close();

    const ministry = await newPage(browser);
    await signInToAdmin(ministry.page, platform, TENANT, MINISTRY);
    await ministry.page.goto(platform.tenantUrl(TENANT, '/admin/change-requests'));
    await ministry.page.getByRole('link', { name: MEMBER.corporateName ?? '' }).click();
    await ministry.page.getByRole('button', { name: '承認する' }).click();
    await ministry.page.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await visible(ministry.page.getByText('承認しました。変更後の内容で新しい入会証明書を発行しています。'));
    await expectNoSeriousA11yViolations(ministry.page, 'admin change request approved');
    await ministry.context.close();
    await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '登録内容の変更申請の審査が完了しました' });

    // Only the new value now; the certificate worker renders the new certificate (issue 2) with it.
    await page.goto(platform.tenantUrl(TENANT, '/'));
    await waitForCertificateReady(page, 2, 90_000);
    expect(await memberInfo(page).getByRole('button', { name: '変更を取り消す' }).count()).toBe(0);
    const history = memberInfo(page).getByRole('table', { name: '変更履歴' });
    const historyRow = history.getByRole('row', { name: /法人名/ });
    await visible(historyRow.getByRole('cell', { name: MEMBER.corporateName ?? '', exact: true }));
    await visible(historyRow.getByRole('cell', { name: NEW_NAME, exact: true }));
    await visible(historyRow.getByText('法人の名称変更（令和8年11月登記）のため'));
    await visible(historyRow.getByText(MEMBER.name));
    const certificate = await downloadCertificate(page);
    expect(pdfText(certificate.bytes)).toContain(NEW_NAME);
    expect(queryValue(platform, "select state from certificates where organisation_id = :'p1' and issue_number = 1", organisationId)).toBe(
      'superseded',
    );
    await page.goto(platform.tenantUrl(TENANT, '/membership/details'));
    await visible(page.getByRole('row', { name: /^法人名 / }).getByRole('cell', { name: NEW_NAME, exact: true }));
    expect(await page.getByText('申請中', { exact: true }).count()).toBe(0);

    // D5 担当者の電話番号: the same steps, applied at once, in the history with its reason.
    await openEditing(page);
    await page.locator('#member-info-contactPhone').fill('03-9999-8888');
    await saveAndReturn(page);
    await submitFromMyPage(page, '担当部署の移転のため');
    await visible(page.getByText('登録内容を変更しました。変更履歴に記録されています。'));
    expect(queryValue(platform, "select contact_phone from organisations where id = :'p1'", organisationId)).toBe('03-9999-8888');
    const phoneRow = memberInfo(page)
      .getByRole('table', { name: '変更履歴' })
      .getByRole('row', { name: /担当者の電話番号/ });
    await visible(phoneRow.getByRole('cell', { name: '0311112222', exact: true }));
    await visible(phoneRow.getByRole('cell', { name: '03-9999-8888', exact: true }));
    await visible(phoneRow.getByText('担当部署の移転のため'));
    // Newest first.
    const firstDataRow = memberInfo(page).getByRole('table', { name: '変更履歴' }).getByRole('row').nth(1);
    await visible(firstDataRow.getByText('担当者の電話番号'));
    await expectNoSeriousA11yViolations(page, 'my page history');
    await screenshot(page, 'd5-mypage-history');

    // 「変更を取り消す」: a saved change of 代表者名 is taken back; the registered value stays.
    await openEditing(page);
    await page.locator('#member-info-representativeName').fill('山田 次郎');
    await saveAndReturn(page);
    await memberInfo(page).getByRole('button', { name: '変更を取り消す' }).click();
    await memberInfo(page).getByRole('button', { name: '取り消す', exact: true }).click();
    await visible(page.getByText('変更を取り消しました。登録内容は変更されていません。'));
    expect(queryValue(platform, "select representative_name from organisations where id = :'p1'", organisationId)).toBe('髙﨑 太郎');
    expect(
      await memberInfo(page)
        .getByRole('table', { name: '変更履歴' })
        .getByRole('row', { name: /代表者名/ })
        .count(),
    ).toBe(0);
  });
});
