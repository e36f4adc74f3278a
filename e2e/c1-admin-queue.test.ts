import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant, createStaff, type StaffAccount } from './support/accounts';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { arrangeWithSql } from './support/database';
import { type Platform, startPlatformForTest } from './support/platform';
import { signInToAdmin } from './support/sign-in';

const STAFF: StaffAccount = { email: 'shinsa@kaigo.example.jp', name: '審査 一郎', password: 'Kaigo-queue-2026', role: 'secretariat' };

/**
 * Three members of the care council whose applications (the draft each account starts with) are
 * submitted; the portal journey of issue 5 shows the submission itself.
 */
const MEMBERS: (ApplicantAccount & { kana: string; corporateNumber: string; reference: string; submitted: string; state: string })[] = [
  {
    loginId: 'queue-sakura',
    email: 'sakura@queue.example.jp',
    name: '佐藤 花子',
    password: 'Sakura-2026',
    corporateName: '社会福祉法人さくら会',
    kana: 'シャカイフクシホウジンサクラカイ',
    corporateNumber: '1234567890123',
    reference: 'KAIGO-2026-900001',
    submitted: '30 days', // well over the 10-working-day target
    state: 'submitted',
  },
  {
    loginId: 'queue-aoba',
    email: 'aoba@queue.example.jp',
    name: '青木 太郎',
    password: 'Aoba-2026-x',
    corporateName: '株式会社青葉ケアサービス',
    kana: 'カブシキガイシャアオバケアサービス',
    corporateNumber: '9876543210987',
    reference: 'KAIGO-2026-900002',
    submitted: '1 day',
    state: 'under_review',
  },
  {
    loginId: 'queue-fuji',
    email: 'fuji@queue.example.jp',
    name: '藤田 次郎',
    password: 'Fuji-2026-xy',
    corporateName: '医療法人富士メディカル',
    kana: 'イリョウホウジンフジメディカル',
    corporateNumber: '1111222233334',
    reference: 'KAIGO-2026-900003',
    submitted: '2 hours',
    state: 'submitted',
  },
];

describe('C1 G1 the secretariat works through the application queue', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createStaff(platform, 'kaigo', STAFF);
    for (const member of MEMBERS) {
      await createApplicant(platform, 'kaigo', member);
      arrangeWithSql(
        platform,
        `with o as (
           update organisations o set corporate_name_kana = :'p2', corporate_number = :'p3'
             from organisation_memberships m join users u on u.id = m.user_id
            where m.organisation_id = o.id and u.login_id = :'p1'
           returning o.tenant_id, o.id)
         update applications a set state = :'p6', reference_number = :'p4', submitted_at = now() - :'p5'::interval
           from o where a.tenant_id = o.tenant_id and a.organisation_id = o.id and a.state = 'draft'`,
        member.loginId,
        member.kana,
        member.corporateNumber,
        member.reference,
        member.submitted,
        member.state,
      );
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('C1 G1 C2: sees the submitted applications oldest first with working days and 目標超過, searches by kana and 受付番号, downloads the CSV; axe clean', async () => {
    const { context, page } = await newPage(browser);
    await signInToAdmin(page, platform, 'kaigo', STAFF);

    // The dashboard's figures, with a table alternative to the charts.
    await visible(page.getByRole('heading', { level: 2, name: '申請の状況' }));
    await visible(page.getByRole('heading', { level: 3, name: '状態別の申請数' }));
    await visible(page.getByRole('heading', { level: 3, name: '週ごとの受付数（直近12週）' }));
    await expectNoSeriousA11yViolations(page, 'admin dashboard with statistics');
    await screenshot(page, 'c1-admin-dashboard-stats');

    await page.getByRole('link', { name: '申請一覧（審査待ち）' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '申請一覧' }));
    const tabs = page.getByRole('navigation', { name: '状態で絞り込む' });
    await visible(tabs.getByRole('link', { name: '未完了 (3件)' }));
    await visible(tabs.getByRole('link', { name: '受付済み (2件)' }));
    expect(await tabs.getByRole('link', { name: '未完了 (3件)' }).getAttribute('aria-current')).toBe('page');

    const table = page.getByRole('table');
    await visible(table.getByText('社会福祉法人さくら会'));
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    // Oldest waiting first; the 30-day-old one is marked in words, not by colour alone.
    await visible(rows.nth(0).getByText('社会福祉法人さくら会'));
    await visible(rows.nth(0).getByText('目標超過'));
    await visible(rows.nth(1).getByText('株式会社青葉ケアサービス'));
    await visible(rows.nth(2).getByText('医療法人富士メディカル'));
    expect(await rows.nth(1).getByText('目標超過').count()).toBe(0);
    const detailHref = await rows.nth(0).getByRole('link', { name: 'KAIGO-2026-900001' }).getAttribute('href');
    expect(detailHref).toMatch(/^\/t\/kaigo\/admin\/applications\/[0-9a-f-]{36}$/);
    await expectNoSeriousA11yViolations(page, 'admin application queue');
    await screenshot(page, 'c1-admin-queue');

    // Kana, typed in hiragana: finds the katakana フリガナ.
    await page.getByRole('searchbox', { name: '検索' }).fill('あおばけあ');
    await page.getByRole('button', { name: '検索する' }).click();
    await visible(page.getByRole('heading', { level: 2, name: '「あおばけあ」の検索結果' }));
    await hidden(table.getByText('社会福祉法人さくら会'));
    expect(await rows.count()).toBe(1);
    await visible(rows.nth(0).getByText('株式会社青葉ケアサービス'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('あおばけあ');

    // A reference number, exactly.
    await page.getByRole('searchbox', { name: '検索' }).fill('kaigo-2026-900003');
    await page.getByRole('button', { name: '検索する' }).click();
    await visible(page.getByRole('heading', { level: 2, name: '「kaigo-2026-900003」の検索結果' }));
    await visible(rows.nth(0).getByText('医療法人富士メディカル'));
    expect(await rows.count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'admin application queue (searched)');

    // The CSV holds what is listed: the searched row only.
    await page.getByRole('link', { name: '検索をやめる' }).click();
    await visible(table.getByText('社会福祉法人さくら会'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'この一覧をCSVで出力' }).click()]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('受付番号,法人名,法人名フリガナ,法人番号,状態,受付日時,待ち日数（営業日）,目標超過,特定技能外国人数');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^KAIGO-2026-900001,社会福祉法人さくら会,シャカイフクシホウジンサクラカイ,1234567890123,受付済み,.*,超過,0$/);

    // The English interface labels the same list.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Applications' }));
    await visible(page.getByRole('table').getByText('Over target'));
    await expectNoSeriousA11yViolations(page, 'admin application queue (English)');
    await context.close();
  });
});
