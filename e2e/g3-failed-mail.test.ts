import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, type StaffAccount } from './support/accounts';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { arrangeWithSql } from './support/database';
import { waitForMail } from './support/mailbox';
import { type Platform, startPlatformForTest } from './support/platform';

const SECRETARIAT: StaffAccount = { email: 'jimu@kaigo.example.jp', name: '事務 花子', password: 'Kaigo-jimu-2026', role: 'secretariat' };
const RECIPIENT = 'shinnin@kaigo.example.jp';

describe('G3 issue 6 送信できなかったメール: the secretariat sees a mail the queue gave up on and sends it again', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createStaff(platform, 'kaigo', SECRETARIAT);
    // A mail whose every attempt failed (what the worker leaves after its last retry): arranged,
    // because making the test server's mail catcher refuse mail would need another server.
    arrangeWithSql(
      platform,
      `insert into outbox_messages (tenant_id, id, kind, payload, status, attempts, last_error, failed_at)
       select t.id, m.id, 'mail',
              jsonb_build_object('tenantId', t.id, 'messageId', m.id, 'to', :'p1', 'template', 'staff-account-created',
                'props', jsonb_build_object('recipientName', '新任 職員', 'loginEmail', :'p1', 'signInUrl', :'p2')),
              'failed', 8, '550 mailbox unavailable', now()
       from tenants t, (select gen_random_uuid() as id) m where t.slug = 'kaigo'`,
      RECIPIENT,
      platform.tenantUrl('kaigo', '/admin/sign-in'),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('G3: the failed mail is listed with its reason; 「再送する」 sends it and the list empties; axe clean', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(platform.tenantUrl('kaigo', '/admin/sign-in'));
    await page.getByLabel('メールアドレス').fill(SECRETARIAT.email);
    await page.getByLabel('パスワード').fill(SECRETARIAT.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'ダッシュボード' }));

    await page.getByRole('link', { name: '送信できなかったメール' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '送信できなかったメール' }));
    await visible(page.getByRole('cell', { name: RECIPIENT }));
    await visible(page.getByText('550 mailbox unavailable'));
    await expectNoSeriousA11yViolations(page, 'failed mail list');
    await screenshot(page, 'g3-failed-mail');

    await page.getByRole('button', { name: `職員アカウント作成のお知らせ（${RECIPIENT}）を再送する`, exact: true }).click();
    await visible(page.getByText('職員アカウント作成のお知らせを再送しました。', { exact: false }));
    const mail = await waitForMail(platform, { to: RECIPIENT });
    expect(mail.to).toContain(RECIPIENT);
    await page.reload();
    await visible(page.getByText('送信できなかったメールはありません。'));
    await hidden(page.getByRole('cell', { name: RECIPIENT }));
    await context.close();
  });
});
