import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant, createStaff, type StaffAccount } from './support/accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { type Platform, startPlatformForTest } from './support/platform';
import { signInToAdmin, signInToPortal } from './support/sign-in';

const APPLICANT: ApplicantAccount = {
  loginId: 'sakura-kai-01',
  email: 'tanto@sakura-kai.example.jp',
  name: '社会福祉法人さくら会 山田 太郎',
  password: 'Sakura-2026-pass',
};
const STAFF: StaffAccount = { email: 'jimukyoku@kaigo.example.jp', name: '事務局 花子', password: 'Kaigo-staff-2026', role: 'secretariat' };

describe('A6 portal and admin sessions', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createApplicant(platform, 'kaigo', APPLICANT);
    await createStaff(platform, 'kaigo', STAFF);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('A5/B1: an applicant signs in to マイページ, which shows their name; axe clean', async () => {
    const { context, page } = await newPage(browser);
    await signInToPortal(page, platform, 'kaigo', APPLICANT);
    await visible(page.locator('dl.k-summary-list').getByText(APPLICANT.name, { exact: true }));
    await visible(page.locator('dl.k-summary-list').getByText(APPLICANT.loginId, { exact: true }));
    await visible(page.getByRole('button', { name: 'ログアウト', exact: true }));
    expect(await page.title()).toBe('マイページ | 介護分野における特定技能協議会');
    await expectNoSeriousA11yViolations(page, 'portal my page');
    await screenshot(page, 'a6-portal-my-page');

    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    await visible(page.getByRole('status').getByText('ログアウトしました。'));
    await expectNoSeriousA11yViolations(page, 'portal signed out');
    await screenshot(page, 'a6-portal-signed-out');
    await context.close();
  });

  it('A6: in one browser, a portal session and an admin session coexist and end independently', async () => {
    const { context, page: portal } = await newPage(browser);
    const { page: admin } = await newPage(browser, { context });

    await signInToPortal(portal, platform, 'kaigo', APPLICANT);
    await signInToAdmin(admin, platform, 'kaigo', STAFF);

    const names = (await context.cookies()).map((cookie) => cookie.name).sort();
    expect(names).toEqual(expect.arrayContaining(['kyogikai-admin-session', 'kyogikai-portal-session']));
    expect((await context.cookies()).every((cookie) => cookie.httpOnly)).toBe(true);

    // Each app still sees its own user after a reload.
    await portal.reload();
    await visible(portal.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(portal.locator('dl.k-summary-list').getByText(APPLICANT.name, { exact: true }));
    await admin.reload();
    await visible(admin.getByRole('heading', { level: 1, name: 'ダッシュボード' }));
    await visible(admin.locator('dl.k-summary-list').getByText(STAFF.name, { exact: true }));

    // Signing out of the admin leaves the portal session alone.
    await admin.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await visible(admin.getByRole('heading', { level: 1, name: 'ログイン' }));
    await portal.reload();
    await visible(portal.getByRole('heading', { level: 1, name: 'マイページ' }));
    await context.close();
  });

  it('A6: signing out in one tab signs the other tab of the same app out too', async () => {
    const { context, page: first } = await newPage(browser);
    const { page: second } = await newPage(browser, { context });
    await signInToPortal(first, platform, 'kaigo', APPLICANT);
    await second.goto(platform.tenantUrl('kaigo', '/'));
    await visible(second.getByRole('heading', { level: 1, name: 'マイページ' }));

    await first.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await visible(first.getByRole('heading', { level: 1, name: 'ログイン' }));
    await visible(second.getByRole('heading', { level: 1, name: 'ログイン' }));
    await visible(second.getByRole('status').getByText('ログアウトしました。'));
    await context.close();
  });
});
