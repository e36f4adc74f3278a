import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { type Platform, startPlatformForTest } from './support/platform';

const KAIGO = '介護分野における特定技能協議会';
const GAISHOKU = '外食業分野における特定技能協議会';
const LOGIN_ID_LABEL = 'ユーザーID（ログインID）';

describe('A5 portal sign-in page', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('A5/G5: the kaigo sign-in page shows the council name and 「ユーザーID（ログインID）」, in Japanese, axe clean', async () => {
    const { context, page } = await newPage(browser);
    // Signed out, the portal's top page leads to the sign-in page.
    await page.goto(platform.tenantUrl('kaigo', '/'));
    await visible(page.getByRole('heading', { level: 1, name: 'ログイン' }));
    expect(new URL(page.url()).pathname).toBe('/t/kaigo/sign-in');

    await visible(page.getByRole('banner').getByText(KAIGO, { exact: true }));
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.title()).toBe(`ログイン | ${KAIGO}`);

    // The label is exactly the manual's two readings; the required marker is a separate badge.
    const loginIdLabel = page.locator('label[for="loginId"]');
    expect(await loginIdLabel.evaluate((label) => label.firstChild?.textContent ?? '')).toBe(LOGIN_ID_LABEL);
    await visible(page.getByLabel(LOGIN_ID_LABEL));
    await visible(page.getByLabel('パスワード'));
    await visible(page.getByRole('button', { name: 'ログイン', exact: true }));
    // The footer names the secretariat to contact.
    await visible(page.getByRole('contentinfo').getByRole('heading', { name: 'お問い合わせ先' }));

    await expectNoSeriousA11yViolations(page, 'portal sign-in (kaigo)');
    await screenshot(page, 'a5-portal-sign-in-kaigo');

    // Phone width: the same page reflows without horizontal scrolling (WCAG 1.4.10).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'a5-portal-sign-in-kaigo-mobile');
    await context.close();
  });

  it('G2: the second council’s sign-in page shows its own name, not the first one’s', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl('gaishoku', '/sign-in'));
    await visible(page.getByRole('banner').getByText(GAISHOKU, { exact: true }));
    expect(await page.getByText(KAIGO).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'portal sign-in (gaishoku)');
    await screenshot(page, 'a5-portal-sign-in-gaishoku');
    await context.close();
  });

  it('A5/G5: empty and wrong sign-ins show field errors and a focused error summary, axe clean', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl('kaigo', '/sign-in'));
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();

    const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
    await visible(summary);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const loginId = page.getByLabel(LOGIN_ID_LABEL);
    expect(await loginId.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#loginId-error').textContent()).toBe('入力してください。');
    expect(await loginId.getAttribute('aria-describedby')).toContain('loginId-error');
    await expectNoSeriousA11yViolations(page, 'portal sign-in with field errors');
    await screenshot(page, 'a5-portal-sign-in-field-errors');

    // The summary links move focus to the field.
    await summary.getByRole('link', { name: `${LOGIN_ID_LABEL}：入力してください。` }).click();
    expect(await loginId.evaluate((el) => el === document.activeElement)).toBe(true);

    await loginId.fill('no-such-user');
    await page.getByLabel('パスワード').fill('wrong-password-1');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await visible(page.getByRole('alert').getByText('ユーザーID（ログインID）またはパスワードが正しくありません。'));
    expect(await page.getByLabel('パスワード').inputValue()).toBe('');
    await context.close();
  });

  it('G5: an unknown portal address shows a not-found page inside the layout', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl('kaigo', '/no-such-page'));
    await visible(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }));
    await visible(page.getByRole('banner').getByText(KAIGO, { exact: true }));
    await expectNoSeriousA11yViolations(page, 'portal not found');
    await context.close();
  });
});
