import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type StaffAccount } from './support/accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { waitForMail } from './support/mailbox';
import { type Platform, startPlatformForTest } from './support/platform';

const ADMIN: StaffAccount = { email: 'kanri@kaigo.example.jp', name: '管理 太郎', password: 'Kaigo-admin-2026', role: 'tenant_admin' };
const NEW_STAFF = { email: 'shinnin@kaigo.example.jp', name: '新任 職員', password: 'Shonichi-2026' };

describe('G1 職員の管理: a council administrator adds a staff member', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createStaff(platform, 'kaigo', ADMIN);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('G1/G3: the admin adds a ministry user, the notice mail arrives with the console address, and the new user signs in; axe clean', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl('kaigo', '/admin/sign-in'));
    await page.getByLabel('メールアドレス').fill(ADMIN.email);
    await page.getByLabel('パスワード').fill(ADMIN.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ダッシュボード' }));

    await page.getByRole('link', { name: '職員の管理' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '職員の管理' }));
    await visible(page.getByRole('cell', { name: ADMIN.email }));
    await expectNoSeriousA11yViolations(page, 'admin staff list');

    // Nothing entered: errors next to the fields and a summary, nothing sent.
    await page.getByRole('button', { name: '職員を追加する' }).click();
    await visible(page.getByRole('alert'));

    await page.getByLabel('氏名').fill(NEW_STAFF.name);
    await page.getByLabel('メールアドレス').fill(NEW_STAFF.email);
    await page.getByRole('radio', { name: '所管省庁' }).check();
    await page.getByLabel('初期パスワード').fill(NEW_STAFF.password);
    await page.getByRole('button', { name: '職員を追加する' }).click();
    await visible(page.getByText(`${NEW_STAFF.name} さんを追加しました。`));
    await visible(page.getByRole('cell', { name: NEW_STAFF.email }));
    await expectNoSeriousA11yViolations(page, 'admin staff added');
    await screenshot(page, 'g1-admin-staff-added');

    const mail = await waitForMail(platform, { to: NEW_STAFF.email, subjectIncludes: '管理画面のアカウントが作成されました' });
    expect(mail.text).toContain(platform.tenantUrl('kaigo', '/admin/'));
    expect(mail.text).not.toContain(NEW_STAFF.password);

    // The same address again is refused with a sentence, not a crash.
    await page.getByLabel('氏名').fill('別の人');
    await page.getByLabel('メールアドレス').fill(NEW_STAFF.email);
    await page.getByLabel('初期パスワード').fill(NEW_STAFF.password);
    await page.getByRole('button', { name: '職員を追加する' }).click();
    await visible(page.getByText('このメールアドレスの職員アカウントは既に登録されています。').first());

    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    await page.getByLabel('メールアドレス').fill(NEW_STAFF.email);
    await page.getByLabel('パスワード').fill(NEW_STAFF.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ダッシュボード' }));
    await visible(page.locator('dl.k-summary-list').getByText('所管省庁', { exact: true }));
    // A ministry user has no staff menu.
    expect(await page.getByRole('link', { name: '職員の管理' }).count()).toBe(0);
    await context.close();
  });
});
