import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type StaffAccount } from './support/accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { type Platform, startPlatformForTest } from './support/platform';

const KAIGO = '介護分野における特定技能協議会';
const STAFF: StaffAccount = { email: 'jimukyoku@kaigo.example.jp', name: '事務局 花子', password: 'Kaigo-staff-2026', role: 'secretariat' };

describe('G1 admin staff sign-in', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createStaff(platform, 'kaigo', STAFF);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('G1/G5: a secretariat user signs in, sees the dashboard (name, role, council) and signs out; axe clean', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl('kaigo', '/admin/'));
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    expect(new URL(page.url()).pathname).toBe('/t/kaigo/admin/sign-in');
    await visible(page.getByRole('banner').getByText(KAIGO, { exact: true }));
    await visible(page.getByRole('banner').getByText('管理画面', { exact: true }));
    await expectNoSeriousA11yViolations(page, 'admin sign-in');
    await screenshot(page, 'g1-admin-sign-in');

    await page.getByLabel('メールアドレス').fill(STAFF.email);
    await page.getByLabel('パスワード').fill(STAFF.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();

    await visible(page.getByRole('heading', { level: 1, name: 'ダッシュボード' }));
    expect(new URL(page.url()).pathname).toMatch(/^\/t\/kaigo\/admin\/?$/);
    const account = page.locator('dl.k-summary-list');
    await visible(account.getByText(STAFF.name, { exact: true }));
    await visible(account.getByText('事務局', { exact: true }));
    await visible(account.getByText(KAIGO, { exact: true }));
    await visible(page.getByRole('banner').getByText(`ログイン中：${STAFF.name}`));
    await expectNoSeriousA11yViolations(page, 'admin dashboard');
    await screenshot(page, 'g1-admin-dashboard');

    // A reload keeps the session (HttpOnly cookie, read by the server only).
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'ダッシュボード' }));

    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    await visible(page.getByRole('status').getByText('ログアウトしました。'));
    await screenshot(page, 'g1-admin-signed-out');

    // The session really ended on the server.
    await page.goto(platform.tenantUrl('kaigo', '/admin/'));
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    await context.close();
  });

  it('G5: the English switch shows English labels and is remembered; Japanese comes back the same way', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl('kaigo', '/admin/sign-in'));
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    await visible(page.getByLabel('Email address'));
    await visible(page.getByLabel('Password'));
    await visible(page.getByRole('banner').getByText('Care Sector Specified Skilled Worker Council', { exact: true }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoSeriousA11yViolations(page, 'admin sign-in (English)');
    await screenshot(page, 'g1-admin-sign-in-en');

    await page.getByLabel('Email address').fill(STAFF.email);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Dashboard' }));
    await visible(page.locator('dl.k-summary-list').getByText('Secretariat', { exact: true }));
    await screenshot(page, 'g1-admin-dashboard-en');

    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'Dashboard' }));

    await page.getByRole('button', { name: '日本語', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ダッシュボード' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await context.close();
  });
});
