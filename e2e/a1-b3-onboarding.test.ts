import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeWithSql } from './support/database';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { linkIn, loginIdIn, mailFilesTo, waitForMail } from './support/mailbox';
import {
  activateThroughLink,
  applyForProvisionalAccount,
  CONSENTS,
  fillProvisionalAccountForm,
  labelled,
  onboardApplicant,
  PROVISIONAL_SUBMIT,
  PROVISIONAL_TITLE,
  type ProvisionalApplicant,
  waitForValue,
} from './support/onboarding';
import { type Platform, startPlatformForTest } from './support/platform';

const TENANT = 'kaigo';
const KAIGO = '介護分野における特定技能協議会';

const SAKURA: ProvisionalApplicant = {
  corporateName: '社会福祉法人さくら会',
  contactName: '佐藤 花子',
  email: 'sato@sakura-kai.example.jp',
  // Full-width, as a Japanese IME types it: normalised on blur and by the server.
  phone: '０３－１２３４－５６７８',
  password: 'Sakura-2026-pass',
};

async function signIn(page: Page, platform: Platform, loginId: string, password: string): Promise<void> {
  await page.goto(platform.tenantUrl(TENANT, '/sign-in'));
  await labelled(page, 'ユーザーID（ログインID）').fill(loginId);
  await labelled(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
}

async function openStep1(page: Page): Promise<void> {
  await page
    .getByRole('link', { name: /STEP1\. 会員情報/ })
    .first()
    .click();
  await visible(page.getByRole('heading', { level: 1, name: 'STEP1. 会員情報' }));
  // The form is there once the saved values have loaded.
  await visible(labelled(page, '郵便番号'));
}

describe('A1-A5, B1-B3, G4 applicant onboarding (manual p.3-5)', () => {
  let platform: Platform;
  let browser: Browser;
  /** The account the main journey creates; later journeys reuse it. */
  let sakuraLoginId = '';

  beforeAll(async () => {
    platform = await startPlatformForTest();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('A1-A5/B1-B3: apply, read the mail, activate with the ユーザーID, fill STEP1 from the postal code, 一時保存, sign in again and find the draft', async () => {
    const { context, page } = await newPage(browser);

    // Manual p.3 step 1: the provisional-account screen, reached from the sign-in page.
    await page.goto(platform.tenantUrl(TENANT, '/sign-in'));
    await page.getByRole('link', { name: PROVISIONAL_TITLE, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: PROVISIONAL_TITLE }));
    expect(await page.title()).toBe(`${PROVISIONAL_TITLE} | ${KAIGO}`);

    // A3: each document is readable on the page, in a keyboard-focusable region named by its heading.
    for (const title of ['プライバシーポリシー', '設置要綱', '入会規程']) {
      const region = page.getByRole('region', { name: title, exact: true });
      await visible(region);
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect((await region.textContent())?.length ?? 0).toBeGreaterThan(20);
    }
    // A2: the rule is shown before anything is submitted.
    await visible(page.getByText('8文字以上で、英字と数字をそれぞれ1文字以上含めてください。'));
    await expectNoSeriousA11yViolations(page, 'provisional account application');
    await screenshot(page, 'a1-provisional-account');

    // Submitting with nothing ticked and a weak password: messages by the fields, a summary on top.
    await labelled(page, 'パスワード').fill('abc');
    await page.getByRole('button', { name: PROVISIONAL_SUBMIT, exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
    await visible(summary);
    await visible(summary.getByRole('link', { name: '法人名：入力してください。' }));
    await visible(
      summary.getByRole('link', { name: 'プライバシーポリシーに同意する：内容をお読みのうえ、同意にチェックを入れてください。' }),
    );
    expect(await page.locator('#password-error').textContent()).toBe('8文字以上で入力してください。');
    // Nothing typed is lost.
    expect(await labelled(page, 'パスワード').inputValue()).toBe('abc');
    await expectNoSeriousA11yViolations(page, 'provisional account application with errors');
    await screenshot(page, 'a1-provisional-account-errors');

    // Steps 2-4: fill it in, tick the three consents, press the button.
    await fillProvisionalAccountForm(page, SAKURA);
    // The live checklist says in words that the rule is met.
    await visible(page.locator('#password-rules').getByText('8文字以上（満たしています）'));
    await labelled(page, '電話番号').blur();
    expect(await labelled(page, '電話番号').inputValue()).toBe('03-1234-5678');
    for (const consent of CONSENTS) expect(await page.getByLabel(consent, { exact: true }).isChecked()).toBe(true);
    const before = await mailFilesTo(platform, SAKURA.email);
    await page.getByRole('button', { name: PROVISIONAL_SUBMIT, exact: true }).click();

    // Step 5: check the mail.
    await visible(page.getByRole('heading', { level: 1, name: 'メールを確認してください' }));
    await visible(page.getByRole('heading', { name: 'メールが届かない場合' }));
    await expectNoSeriousA11yViolations(page, 'check your mail');
    await screenshot(page, 'a4-mail-sent');

    const mail = await waitForMail(platform, { to: SAKURA.email, subjectIncludes: '仮アカウント', notIn: before });
    expect(mail.subject).toContain(KAIGO);
    const loginId = loginIdIn(mail);
    const activationUrl = linkIn(mail, '/activate');
    sakuraLoginId = loginId;

    // Step 6: open the URL and sign in with the ユーザーID and the password set above.
    await page.goto(activationUrl);
    await visible(page.getByRole('heading', { level: 1, name: 'ログインしてアカウント取得を完了する' }));
    await expectNoSeriousA11yViolations(page, 'activation sign-in');
    await screenshot(page, 'a5-activation-sign-in');
    await labelled(page, 'ユーザーID（ログインID）').fill(loginId);
    await labelled(page, 'パスワード').fill(SAKURA.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();

    // Step 7 / B1: マイページ with the status, the timeline and what to do next.
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByRole('status').getByText('アカウント取得が完了しました。', { exact: false }));
    const timeline = page.getByRole('list').filter({ hasText: '入会証明書' }).first();
    // マイページ loads its parts separately: wait for the timeline before reading it.
    await visible(timeline.getByRole('listitem'));
    expect(await timeline.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('STEP1. 会員情報'),
      expect.stringContaining('STEP2.'),
      expect.stringContaining('申請'),
      expect.stringContaining('審査（1〜2週間）'),
      expect.stringContaining('入会証明書'),
    ]);
    // The current step is said in words, not by colour only.
    const current = timeline.locator('[aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('（現在の手順）');
    await visible(page.getByRole('heading', { name: '＜ご注意＞' }));
    await visible(page.getByRole('link', { name: 'パスワード変更', exact: true }));
    await expectNoSeriousA11yViolations(page, 'my page after activation');
    await screenshot(page, 'b1-my-page');

    // Manual p.5 / B2: STEP1; a 7-digit postal code fills 都道府県 / 市区町村 / 町域.
    await openStep1(page);
    await expectNoSeriousA11yViolations(page, 'STEP1 member information');
    await labelled(page, '郵便番号').pressSequentially('1040061');
    await waitForValue(labelled(page, '都道府県'), '東京都');
    await waitForValue(labelled(page, '市区町村'), '中央区');
    await waitForValue(labelled(page, '町域・番地'), '銀座');
    await visible(page.locator('#postalCode-status').getByText('郵便番号から住所の一部を自動入力しました。', { exact: false }));
    // The user may add to or edit the result.
    await labelled(page, '町域・番地').fill('銀座1-2-3');
    await labelled(page, '法人名（フリガナ）').fill('しゃかいふくしほうじん さくらかい');
    await labelled(page, '法人名（フリガナ）').blur();
    expect(await labelled(page, '法人名（フリガナ）').inputValue()).toBe('シャカイフクシホウジン サクラカイ');
    await labelled(page, '代表者名').fill('山田 太郎');

    // B3: 「一時保存」 saves whatever is there and says when.
    await page.getByRole('button', { name: '一時保存', exact: true }).click();
    await visible(page.getByRole('status').getByText(/^一時保存しました（\d{1,2}:\d{2}:\d{2}）。$/));
    await expectNoSeriousA11yViolations(page, 'STEP1 after 一時保存');
    await screenshot(page, 'b2-step1-saved');

    // A6/B3: sign out, sign in again with the ユーザーID, and the draft is intact.
    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    await signIn(page, platform, loginId, SAKURA.password);
    await openStep1(page);
    await waitForValue(labelled(page, '郵便番号'), '1040061');
    expect(await labelled(page, '都道府県').inputValue()).toBe('東京都');
    expect(await labelled(page, '市区町村').inputValue()).toBe('中央区');
    expect(await labelled(page, '町域・番地').inputValue()).toBe('銀座1-2-3');
    expect(await labelled(page, '法人名（フリガナ）').inputValue()).toBe('シャカイフクシホウジン サクラカイ');
    expect(await labelled(page, '代表者名').inputValue()).toBe('山田 太郎');

    // An unknown code says so next to the field, and what was typed stays.
    await labelled(page, '郵便番号').fill('0000000');
    await visible(page.locator('#postalCode-status').getByText('この郵便番号に該当する住所が見つかりませんでした。', { exact: false }));
    expect(await labelled(page, '都道府県').inputValue()).toBe('東京都');
    await screenshot(page, 'b2-step1-postal-not-found');
    await context.close();
  });

  it('G5: the provisional-account screen in English and at phone width', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl(TENANT, '/account/new'));
    await visible(page.getByRole('heading', { level: 1, name: PROVISIONAL_TITLE }));
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'a1-provisional-account-mobile');
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Apply for a provisional account to apply for membership' }));
    await visible(page.getByLabel('I agree to the Privacy policy', { exact: true }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoSeriousA11yViolations(page, 'provisional account application (English)');
    await screenshot(page, 'a1-provisional-account-en');
    await context.close();
  });

  it('A5: signing in before activating points to the mail; a reused link shows the page that sends a new one', async () => {
    const applicant: ProvisionalApplicant = {
      corporateName: '株式会社ひまわりケア',
      contactName: '鈴木 一郎',
      email: 'suzuki@himawari-care.example.jp',
      phone: '06-1234-5678',
      password: 'Himawari-2026',
    };
    const { context, page } = await newPage(browser);
    const first = await applyForProvisionalAccount(page, platform, TENANT, applicant);

    // Not activated yet: the normal sign-in says so and links to a new mail.
    await page.goto(platform.tenantUrl(TENANT, '/sign-in'));
    await labelled(page, 'ユーザーID（ログインID）').fill(first.loginId);
    await labelled(page, 'パスワード').fill(applicant.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await visible(page.getByRole('alert').getByText('アカウントの取得がまだ完了していません。', { exact: false }));
    const before = await mailFilesTo(platform, applicant.email);
    await page.getByRole('link', { name: 'アカウント取得用のメールを再送信する', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'アカウント取得用メールの再送信' }));
    await labelled(page, 'メールアドレス').fill(applicant.email);
    await page.getByRole('button', { name: 'メールを再送信する', exact: true }).click();
    await visible(page.getByRole('status').getByText('新しい URL を記載したメールをお送りしました。', { exact: false }));
    await expectNoSeriousA11yViolations(page, 'resend activation mail');
    await screenshot(page, 'a5-resend-activation');
    const resent = await waitForMail(platform, { to: applicant.email, subjectIncludes: '仮アカウント', notIn: before });
    const resentUrl = linkIn(resent, '/activate');

    await activateThroughLink(page, resentUrl, loginIdIn(resent), applicant.password);
    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));

    // The same link a second time: it says so, points to sign-in, and can send a new one.
    await page.goto(resentUrl);
    await visible(page.getByRole('heading', { level: 1, name: 'このリンクは使用済みです' }));
    await visible(page.getByRole('link', { name: 'ログイン画面へ', exact: true }));
    await visible(page.getByRole('button', { name: 'メールを再送信する', exact: true }));
    await expectNoSeriousA11yViolations(page, 'activation link used');
    await screenshot(page, 'a5-activation-link-used');

    // A link that is not one of ours.
    await page.goto(platform.tenantUrl(TENANT, '/activate?token=not-a-real-token'));
    await visible(page.getByRole('heading', { level: 1, name: 'リンクが正しくありません' }));
    await visible(page.getByRole('button', { name: 'メールを再送信する', exact: true }));
    await expectNoSeriousA11yViolations(page, 'activation link invalid');
    await screenshot(page, 'a5-activation-link-invalid');
    await context.close();
  });

  it('B3: 一時保存 in two tabs never overwrites silently: the second is offered the latest version; leaving unsaved asks first', async () => {
    const applicant: ProvisionalApplicant = {
      corporateName: '医療法人あおば会',
      contactName: '高橋 健',
      email: 'takahashi@aoba-kai.example.jp',
      phone: '045-123-4567',
      password: 'Aoba-kai-2026',
    };
    const onboarded = await onboardApplicant(browser, platform, TENANT, applicant);
    const first = onboarded.page;
    const second = await first.context().newPage();
    await second.goto(platform.tenantUrl(TENANT, '/'));
    await visible(second.getByRole('heading', { level: 1, name: 'マイページ' }));
    await openStep1(first);
    await openStep1(second);

    await labelled(first, '代表者名').fill('高橋 一郎');
    await first.getByRole('button', { name: '一時保存', exact: true }).click();
    await visible(first.getByRole('status').getByText(/^一時保存しました/));

    await labelled(second, '代表者役職').fill('理事長');
    await second.getByRole('button', { name: '一時保存', exact: true }).click();
    const dialog = second.getByRole('alertdialog', { name: 'ほかの画面で内容が変更されました' });
    await visible(dialog);
    // Nothing is lost until the user chooses.
    expect(await labelled(second, '代表者役職').inputValue()).toBe('理事長');
    await expectNoSeriousA11yViolations(second, 'STEP1 draft conflict dialog');
    await screenshot(second, 'b3-draft-conflict-dialog');

    await dialog.getByRole('button', { name: '最新の内容を読み込む', exact: true }).click();
    await hidden(dialog);
    await visible(second.getByRole('status').getByText('最新の内容を読み込みました。'));
    await waitForValue(labelled(second, '代表者名'), '高橋 一郎');
    expect(await labelled(second, '代表者役職').inputValue()).toBe('');

    // Leaving with unsaved changes asks first; staying keeps them.
    await labelled(second, '代表者役職').fill('理事長');
    await second.getByRole('link', { name: 'マイページへ戻る', exact: true }).click();
    const leave = second.getByRole('dialog', { name: '一時保存していない入力内容があります' });
    await visible(leave);
    await expectNoSeriousA11yViolations(second, 'unsaved changes dialog');
    await screenshot(second, 'b3-unsaved-changes-dialog');
    await leave.getByRole('button', { name: 'このページに留まる', exact: true }).click();
    await hidden(leave);
    expect(await labelled(second, '代表者役職').inputValue()).toBe('理事長');
    await second.getByRole('link', { name: 'マイページへ戻る', exact: true }).click();
    await leave.getByRole('button', { name: '保存せずに移動する', exact: true }).click();
    await visible(second.getByRole('heading', { level: 1, name: 'マイページ' }));
    await onboarded.close();
  });

  it('B1/C1: while the application is under review, マイページ says it cannot be changed and gives the secretariat contact; STEP1 is read-only', async () => {
    const applicant: ProvisionalApplicant = {
      corporateName: '社会福祉法人みどり会',
      contactName: '田中 誠',
      email: 'tanaka@midori-kai.example.jp',
      phone: '052-123-4567',
      password: 'Midori-kai-2026',
    };
    const onboarded = await onboardApplicant(browser, platform, TENANT, applicant);
    const { page } = onboarded;
    // Submitting needs STEP2 and the secretariat's review needs the console: arrange the state directly.
    arrangeWithSql(
      platform,
      `update applications a set state = 'under_review', reference_number = 'KAIGO-2026-0001', submitted_at = now()
         from organisations o where o.id = a.organisation_id and o.corporate_name = :'p1';`,
      applicant.corporateName,
    );
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByText('審査中', { exact: true }));
    await visible(page.getByText('現在、申請内容は変更できません'));
    await visible(page.getByRole('heading', { name: '事務局の連絡先' }));
    await visible(page.getByText('KAIGO-2026-0001', { exact: true }));
    await expectNoSeriousA11yViolations(page, 'my page under review');
    await screenshot(page, 'b1-my-page-under-review');

    await page.goto(platform.tenantUrl(TENANT, '/application/step1'));
    await visible(page.getByRole('heading', { level: 1, name: 'STEP1. 会員情報' }));
    await visible(page.getByRole('status').getByText('申請は審査中のため、会員情報は変更できません。', { exact: false }));
    expect(await labelled(page, '法人名').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: '一時保存', exact: true }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'STEP1 read-only under review');
    await onboarded.close();
  });

  it('G4: password reset by email end to end, a used reset link, and パスワード変更 on マイページ', async () => {
    expect(sakuraLoginId).not.toBe('');
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl(TENANT, '/sign-in'));
    await page.getByRole('link', { name: 'パスワードをお忘れの方', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'パスワードの再設定' }));
    await expectNoSeriousA11yViolations(page, 'password reset request');
    await screenshot(page, 'g4-password-reset-request');

    const before = await mailFilesTo(platform, SAKURA.email);
    await labelled(page, 'メールアドレス').fill(SAKURA.email);
    await page.getByRole('button', { name: '再設定用のメールを送信する', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'メールを確認してください' }));
    await expectNoSeriousA11yViolations(page, 'password reset sent');
    await screenshot(page, 'g4-password-reset-sent');
    const mail = await waitForMail(platform, { to: SAKURA.email, subjectIncludes: 'パスワード', notIn: before });
    const resetUrl = linkIn(mail, '/password-reset');

    await page.goto(resetUrl);
    await visible(page.getByRole('heading', { level: 1, name: '新しいパスワードの設定' }));
    await labelled(page, '新しいパスワード').fill('onlyletters');
    await page.getByRole('button', { name: 'パスワードを再設定する', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: '入力内容を確認してください' }));
    expect(await page.locator('#password-error').textContent()).toBe('数字を1文字以上含めてください。');
    await expectNoSeriousA11yViolations(page, 'new password with errors');
    await screenshot(page, 'g4-new-password-errors');

    const newPassword = 'Sakura-2027-new';
    await labelled(page, '新しいパスワード').fill(newPassword);
    await labelled(page, '新しいパスワード（確認用）').fill(newPassword);
    await page.getByRole('button', { name: 'パスワードを再設定する', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    await visible(page.getByRole('status').getByText('パスワードを再設定しました。', { exact: false }));
    await signIn(page, platform, sakuraLoginId, newPassword);

    // パスワード変更 from マイページ: a wrong current password is named at its field.
    await page.getByRole('link', { name: 'パスワード変更', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'パスワード変更' }));
    await labelled(page, '現在のパスワード').fill('not-the-password-1');
    await labelled(page, '新しいパスワード').fill(SAKURA.password);
    await labelled(page, '新しいパスワード（確認用）').fill(SAKURA.password);
    await page.getByRole('button', { name: 'パスワードを変更する', exact: true }).click();
    await visible(page.locator('#currentPassword-error').getByText('現在のパスワードが正しくありません。'));
    await expectNoSeriousA11yViolations(page, 'change password with errors');
    await screenshot(page, 'g4-change-password-errors');
    await labelled(page, '現在のパスワード').fill(newPassword);
    await page.getByRole('button', { name: 'パスワードを変更する', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByRole('status').getByText('パスワードを変更しました。', { exact: false }));

    // The reset link works once.
    await page.goto(resetUrl);
    await visible(page.getByRole('heading', { level: 1, name: 'このリンクは使用済みです' }));
    await visible(page.getByRole('button', { name: '再設定用のメールを送信する', exact: true }));
    await expectNoSeriousA11yViolations(page, 'password reset link used');
    await screenshot(page, 'g4-password-reset-link-used');
    await context.close();
  });
});
