import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant } from './support/accounts';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { linkIn, waitForMail } from './support/mailbox';
import { labelled } from './support/onboarding';
import { type Platform, startPlatformForTest } from './support/platform';
import { signInToPortal } from './support/sign-in';

const EMPLOYER: ApplicantAccount = {
  loginId: 'hinode-admin',
  email: 'admin@hinode.example.jp',
  name: '日野 陽子',
  password: 'Hinode-2026-pass',
  corporateName: '社会福祉法人ひのでの会',
};
const SECOND_EMPLOYER: ApplicantAccount = {
  loginId: 'minato-admin',
  email: 'admin@minato.example.jp',
  name: '港 健一',
  password: 'Minato-2026-pass',
  corporateName: '株式会社みなと介護',
};
const SUPPORT_EMAIL = 'tanto@shien.example.jp';
const SUPPORT_NAME = '支援 太郎';
const SUPPORT_PASSWORD = 'Shien-2026-pass';
const GAISHOKU_ADMIN: ApplicantAccount = {
  loginId: 'gaishoku-admin',
  email: 'admin@shokudo.example.jp',
  name: '食堂 花子',
  password: 'Shokudo-2026-pass',
  corporateName: '株式会社しょくどう',
};

/** マイページ's 「現在の申請状況」 names the organisation the session acts for. */
function actingFor(page: Page, employer: ApplicantAccount) {
  return page.getByRole('region', { name: '現在の申請状況' }).getByText(employer.corporateName ?? '', { exact: true });
}

describe('G7 a member invites a registered support organisation, which accepts, acts for it, switches employers, and loses access when revoked', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createApplicant(platform, 'kaigo', EMPLOYER);
    await createApplicant(platform, 'kaigo', SECOND_EMPLOYER);
    await createApplicant(platform, 'gaishoku', GAISHOKU_ADMIN);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('G7 invite → mail → create an account → マイページ of the employer → switch employers → revoked → refused', async () => {
    // The employer's administrator: マイページ → 利用者の管理 → invite as 登録支援機関.
    const employer = await newPage(browser);
    await signInToPortal(employer.page, platform, 'kaigo', EMPLOYER);
    await employer.page.getByRole('link', { name: '利用者の管理へ' }).click();
    await visible(employer.page.getByRole('heading', { level: 1, name: '利用者の管理' }));
    await expectNoSeriousA11yViolations(employer.page, 'organisation users');
    await labelled(employer.page, 'メールアドレス').fill(SUPPORT_EMAIL);
    await labelled(employer.page, '権限').selectOption({ label: '登録支援機関' });
    await employer.page.getByRole('button', { name: '招待メールを送信する' }).click();
    await visible(employer.page.getByText(`${SUPPORT_EMAIL} に招待メールを送信しました。`));
    const pending = employer.page.getByRole('region', { name: '承認待ちの招待' });
    await visible(pending.getByRole('row', { name: new RegExp(SUPPORT_EMAIL) }));
    await screenshot(employer.page, 'g7-organisation-users-invited');

    // The mail arrives through the outbox; its link opens 招待の承認 without an account.
    const mail = await waitForMail(platform, { to: SUPPORT_EMAIL, subjectIncludes: '利用者招待' });
    expect(mail.text).toContain('権限: 登録支援機関');
    const support = await newPage(browser);
    await support.page.goto(linkIn(mail, '/accept-invitation'));
    await visible(support.page.getByRole('heading', { level: 1, name: '招待の承認' }));
    await visible(support.page.getByText(EMPLOYER.corporateName ?? ''));
    await expectNoSeriousA11yViolations(support.page, 'accept invitation');
    await screenshot(support.page, 'g7-accept-invitation');
    await labelled(support.page, '氏名').fill(SUPPORT_NAME);
    await labelled(support.page, 'パスワード').fill(SUPPORT_PASSWORD);
    await labelled(support.page, 'パスワード（確認用）').fill(SUPPORT_PASSWORD);
    // A3: without the privacy policy ticked nothing is created; the error says which box.
    await support.page.getByRole('button', { name: 'アカウントを作成して承認する' }).click();
    await visible(support.page.getByText('内容をお読みのうえ、同意にチェックを入れてください。').first());
    await support.page.getByLabel('プライバシーポリシーに同意する', { exact: true }).check();
    await support.page.getByRole('button', { name: 'アカウントを作成して承認する' }).click();
    await visible(support.page.getByRole('heading', { level: 1, name: '招待を承認しました' }));
    const loginId = (await support.page.locator('dd strong').first().textContent())?.trim() ?? '';
    expect(loginId).toMatch(/^U[0-9]{8}$/);
    await expectNoSeriousA11yViolations(support.page, 'invitation accepted');

    // Acting for the employer: its マイページ, without the employer-only parts.
    await support.page.getByRole('link', { name: 'マイページへ' }).click();
    await visible(support.page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(actingFor(support.page, EMPLOYER));
    await hidden(support.page.getByRole('link', { name: '利用者の管理へ' }));
    await screenshot(support.page, 'g7-support-acting-for-employer');

    // A second employer invites the same person; signed in, they accept with the account they have.
    const second = await newPage(browser);
    await signInToPortal(second.page, platform, 'kaigo', SECOND_EMPLOYER);
    await second.page.goto(platform.tenantUrl('kaigo', '/organisation/users'));
    await labelled(second.page, 'メールアドレス').fill(SUPPORT_EMAIL);
    await labelled(second.page, '権限').selectOption({ label: '登録支援機関' });
    await second.page.getByRole('button', { name: '招待メールを送信する' }).click();
    const secondMail = await waitForMail(platform, { to: SUPPORT_EMAIL, subjectIncludes: SECOND_EMPLOYER.corporateName ?? '' });
    // Opened signed out (another browser): sign in from the invitation and come back to it.
    await support.page.context().clearCookies();
    await support.page.goto(linkIn(secondMail, '/accept-invitation'));
    await visible(
      support.page.getByText(
        'このメールアドレスのアカウントが既にあります。ログインすると、この画面に戻りますので、招待を承認してください。',
      ),
    );
    await support.page.getByRole('link', { name: 'ログイン画面へ' }).click();
    await support.page.getByLabel('ユーザーID（ログインID）').fill(loginId);
    await support.page.getByLabel('パスワード').fill(SUPPORT_PASSWORD);
    await support.page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await visible(support.page.getByRole('heading', { level: 1, name: '招待の承認' }));
    await support.page.getByRole('button', { name: '招待を承認する' }).click();
    await visible(support.page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(actingFor(support.page, SECOND_EMPLOYER));

    // 「操作する法人」 in the frame switches back to the first employer.
    const switcher = support.page.getByLabel('操作する法人');
    await visible(switcher);
    await expectNoSeriousA11yViolations(support.page, 'my page with the organisation switcher');
    await switcher.selectOption({ label: EMPLOYER.corporateName ?? '' });
    await support.page.getByRole('button', { name: '切り替える' }).click();
    await visible(actingFor(support.page, EMPLOYER));
    await screenshot(support.page, 'g7-switcher');

    // The employer revokes (with the confirmation dialog).
    await employer.page.reload();
    const row = employer.page.getByRole('row', { name: new RegExp(SUPPORT_NAME) });
    await visible(row.getByText('利用中'));
    await row.getByRole('button', { name: `${SUPPORT_NAME} のアクセス権を取り消す` }).click();
    const dialog = employer.page.getByRole('alertdialog', { name: 'アクセス権を取り消してもよろしいですか？' });
    await visible(dialog);
    await expectNoSeriousA11yViolations(employer.page, 'revoke dialog');
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await visible(employer.page.getByText(`${SUPPORT_NAME} のアクセス権を取り消しました。`));
    await visible(row.getByText(/取消済み/));

    // The delegate's next navigation is refused: the session acting for the employer has ended.
    await support.page.goto(platform.tenantUrl('kaigo', '/'));
    await visible(support.page.getByRole('heading', { level: 1, name: 'ログイン' }));
    // Signing in again offers only the second employer.
    await support.page.getByLabel('ユーザーID（ログインID）').fill(loginId);
    await support.page.getByLabel('パスワード').fill(SUPPORT_PASSWORD);
    await support.page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await visible(support.page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(actingFor(support.page, SECOND_EMPLOYER));
    await hidden(support.page.getByLabel('操作する法人'));
  });

  it('G7 a council that does not allow support organisations does not offer the role; an unknown invitation link explains itself', async () => {
    const { page } = await newPage(browser);
    await signInToPortal(page, platform, 'gaishoku', GAISHOKU_ADMIN);
    await page.goto(platform.tenantUrl('gaishoku', '/organisation/users'));
    await visible(page.getByRole('heading', { level: 1, name: '利用者の管理' }));
    await visible(page.getByText('この協議会では、登録支援機関による手続きの代行を受け付けていません。'));
    const options = await labelled(page, '権限').locator('option').allTextContents();
    expect(options).toEqual(['選択してください', '管理者', '申請担当者', '閲覧のみ']);

    // A link that is not (or no longer) an invitation explains itself.
    await page.goto(platform.tenantUrl('gaishoku', '/accept-invitation?token=not-a-real-invitation'));
    await visible(page.getByText('この招待のURLは正しくありません。メールに記載されたURLをもう一度確認してください。'));
    await expectNoSeriousA11yViolations(page, 'accept invitation, invalid link');
  });
});
