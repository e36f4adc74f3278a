import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant } from './support/accounts';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { type Platform, startPlatformForTest } from './support/platform';
import { signInToPortal } from './support/sign-in';

const APPLICANT: ApplicantAccount = {
  loginId: 'idle-test-01',
  email: 'idle@sakura-kai.example.jp',
  name: '社会福祉法人さくら会 佐藤 一郎',
  password: 'Sakura-2026-pass',
};

/** Seconds left as the dialog shows them (「45秒」 or 「1分5秒」). */
async function secondsShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('idle-countdown').textContent()) ?? '';
  const match = /(?:(\d+)分)?(\d+)秒/.exec(text);
  if (!match) throw new Error(`Unexpected countdown text: ${text}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2]);
}

describe('A6/G4 idle sign-out with a warning (WCAG 2.2.1)', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    // One idle minute with a 50-second warning: the dialog opens ~10 s after the last action.
    platform = await startPlatformForTest({ env: { SESSION_IDLE_MINUTES: '1', SESSION_WARNING_SECONDS: '50' } });
    await createApplicant(platform, 'kaigo', APPLICANT);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('G4/A6: warns in every tab, extends with one button, only user actions count as activity, then signs out when idle', {
    timeout: 180_000,
  }, async () => {
    const { context, page: first } = await newPage(browser);
    const requests: Request[] = [];
    context.on('request', (request) => {
      if (request.url().includes('/api/portal/trpc/')) requests.push(request);
    });

    await signInToPortal(first, platform, 'kaigo', APPLICANT);
    const { page: second } = await newPage(browser, { context });
    await second.goto(platform.tenantUrl('kaigo', '/'));
    await visible(second.getByRole('heading', { level: 1, name: 'マイページ' }));

    // The warning opens in both tabs, as an alert dialog with focus on the extend button.
    const dialog = first.getByRole('alertdialog', { name: 'まもなく自動的にログアウトします' });
    await visible(dialog, 30_000);
    await visible(second.getByRole('alertdialog', { name: 'まもなく自動的にログアウトします' }), 10_000);
    const extend = dialog.getByRole('button', { name: 'ログインを延長する' });
    expect(await extend.evaluate((el) => el === document.activeElement)).toBe(true);

    // Both tabs agree on the time left (same server deadline, shared between tabs).
    const [a, b] = await Promise.all([secondsShown(first), secondsShown(second)]);
    expect(a).toBeLessThanOrEqual(50);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(2);

    // Focus stays inside the dialog.
    for (let i = 0; i < 3; i += 1) {
      await first.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await expectNoSeriousA11yViolations(first, 'idle warning dialog');
    await screenshot(first, 'g4-idle-warning-dialog');

    // One press extends; the other tab hears about it and closes its warning too.
    await extend.click();
    await hidden(dialog, 5_000);
    await hidden(second.getByRole('alertdialog'), 5_000);
    await visible(first.getByRole('heading', { level: 1, name: 'マイページ' }));

    // Polls never claim user activity; the button press did.
    const statusCalls = requests.filter((r) => r.url().includes('session.status'));
    expect(statusCalls.length).toBeGreaterThan(0);
    for (const call of statusCalls) expect(call.headers()['x-user-activity']).toBeUndefined();
    const extendCalls = requests.filter((r) => r.url().includes('session.extend'));
    expect(extendCalls.length).toBe(1);
    expect(extendCalls[0]?.headers()['x-user-activity']).toBe('1');

    // Left alone, both tabs end up signed out with the idle message (SPEC A6).
    const idleMessage = '一定時間操作がなかったため、自動的にログアウトしました。';
    await visible(first.getByRole('status').getByText(idleMessage, { exact: false }), 100_000);
    await visible(second.getByRole('status').getByText(idleMessage, { exact: false }), 40_000);
    await visible(first.getByRole('heading', { level: 1, name: 'ログイン' }));
    await expectNoSeriousA11yViolations(first, 'signed out after idle');
    await screenshot(first, 'a6-portal-idle-signed-out');

    // And the server agrees: the session is gone.
    await first.goto(platform.tenantUrl('kaigo', '/'));
    await visible(first.getByRole('heading', { level: 1, name: 'ログイン' }));
    await context.close();
  });
});
