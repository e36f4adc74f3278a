import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicantAccount, createApplicant } from './support/accounts';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { arrangeWithSql } from './support/database';
import { waitForMail } from './support/mailbox';
import { type Platform, startPlatformForTest } from './support/platform';
import { signInToPortal } from './support/sign-in';
import { queryValue } from './support/database';

const TENANT = 'kaigo';
const MEMBER: ApplicantAccount = {
  loginId: 'aoba-member',
  email: 'tanto@aoba.example.jp',
  name: '鈴木 一郎',
  password: 'Aoba-2026-pass',
  corporateName: '社会福祉法人あおば会',
};
const CONTACT_EMAIL = 'contact@aoba.example.jp';
const MEMBERSHIP_NUMBER = 'KAIGO-M2026-000888';

/** A verification code as the certificate worker draws it: 160 random bits in upper-case base32. */
function newCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of randomBytes(20)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}

describe('F1 G8 a member lists itself in the directory, withdraws through 「本当に退会してもよろしいですか？」, disappears, and its certificate verifies as revoked', () => {
  let platform: Platform;
  let browser: Browser;
  let organisationId: string;
  let changeRequestId: string;
  const code = newCode();

  beforeAll(async () => {
    platform = await startPlatformForTest();
    await createApplicant(platform, TENANT, MEMBER);
    browser = await launchBrowser();
    organisationId = queryValue(
      platform,
      "select organisation_id from organisation_memberships m join users u on u.id = m.user_id where u.login_id = :'p1'",
      MEMBER.loginId,
    );
    // An approved member with a stored certificate (the review journey of issue 6 reaches this through the admin).
    arrangeWithSql(
      platform,
      `update organisations set membership_state = 'active', membership_number = :'p2', joined_at = now(),
         corporate_name_kana = 'シャカイフクシホウジンアオバカイ', contact_name = '鈴木 一郎', contact_email = :'p3',
         postal_code = '5300001', prefecture = '大阪府', city = '大阪市北区', town = '梅田1-1-1',
         representative_title = '理事長', representative_name = '青葉 次郎'
       where id = :'p1'`,
      organisationId,
      MEMBERSHIP_NUMBER,
      CONTACT_EMAIL,
    );
    arrangeWithSql(
      platform,
      `insert into certificates (tenant_id, id, organisation_id, membership_number, issue_number, state, fields, object_key, verification_code_hash)
       select tenant_id, :'p1', id, membership_number, 1, 'issued',
         jsonb_build_object('schemaVersion', 1, 'councilNameJa', '介護分野における特定技能協議会', 'corporateName', corporate_name),
         'tenants/' || tenant_id || '/organisations/' || id || '/certificates/' || :'p1' || '.pdf', :'p3'
       from organisations where id = :'p2'`,
      randomUUID(),
      organisationId,
      createHash('sha256').update(code, 'utf8').digest('hex'),
    );
    // A change waiting for the secretariat: the withdrawal cancels it.
    changeRequestId = randomUUID();
    arrangeWithSql(
      platform,
      `insert into change_requests (tenant_id, id, organisation_id, state, content, reason, created_by_user_id, submitted_at)
       select o.tenant_id, :'p1', o.id, 'submitted', '代表者の変更', '理事長の交代のため', m.user_id, now()
       from organisations o join organisation_memberships m on m.organisation_id = o.id where o.id = :'p2'`,
      changeRequestId,
      organisationId,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('G8 opt in on マイページ → listed on /members; F1 「協議会の退会を希望する方はこちら」 → notes → checkbox → 「退会する」 → dialog → 「退会する」; gone from the directory, certificate revoked, mail sent', async () => {
    const { page } = await newPage(browser);
    await signInToPortal(page, platform, TENANT, MEMBER);

    // G8: the member agrees to be listed (会員の状況 on マイページ, beside ◆会員情報); it applies at once.
    const membership = page.getByRole('region', { name: '会員の状況', exact: true });
    await visible(membership.getByText(MEMBERSHIP_NUMBER));
    await membership.getByLabel('協議会の公開の会員名簿に、法人名・所在地の都道府県・会員番号を掲載することに同意する').check();
    await membership.getByRole('button', { name: '掲載の設定を保存する' }).click();
    await visible(membership.getByText('会員名簿への掲載の設定を保存しました。'));
    await expectNoSeriousA11yViolations(page, 'my page membership card');
    await screenshot(page, 'g8-mypage-directory-opt-in');

    // The public directory (no session): the three published fields, nothing else.
    const visitor = await newPage(browser);
    await visitor.page.goto(platform.tenantUrl(TENANT, '/members'));
    await visible(visitor.page.getByRole('heading', { level: 1, name: '会員名簿' }));
    const row = visitor.page.getByRole('row', { name: new RegExp(MEMBER.corporateName ?? '') });
    await visible(row);
    await visible(row.getByRole('cell', { name: '大阪府' }));
    await visible(row.getByRole('cell', { name: MEMBERSHIP_NUMBER }));
    expect(await visitor.page.getByText('梅田', { exact: false }).count()).toBe(0);
    expect(await visitor.page.getByText('鈴木', { exact: false }).count()).toBe(0);
    await expectNoSeriousA11yViolations(visitor.page, 'member directory');
    await screenshot(visitor.page, 'g8-member-directory');

    // The certificate verifies as valid while a member.
    await visitor.page.goto(platform.tenantUrl(TENANT, `/verify/${code}`));
    await visible(visitor.page.getByRole('heading', { level: 2, name: '有効な入会証明書です' }));

    // F1: the link at the bottom of マイページ.
    await page.getByRole('link', { name: '協議会の退会を希望する方はこちら' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '協議会の退会' }));
    await visible(page.getByText('退会後は、介護分野の特定技能外国人を新たに受け入れることはできません。'));
    await expectNoSeriousA11yViolations(page, 'withdrawal notes');
    await screenshot(page, 'f1-withdrawal-notes');

    // Without the checkbox nothing happens but an error.
    await page.getByRole('button', { name: '退会する' }).click();
    await visible(page.getByRole('alert'));
    await visible(page.getByText('「退会に関する注意事項を読みました」にチェックを入れてください。').first());
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'withdrawal without the checkbox');

    await page.getByLabel('退会に関する注意事項を読みました').check();
    await page.getByRole('button', { name: '退会する' }).click();
    const dialog = page.getByRole('alertdialog', { name: '本当に退会してもよろしいですか？' });
    await visible(dialog);
    await expectNoSeriousA11yViolations(page, 'withdrawal confirmation dialog');
    await screenshot(page, 'f1-withdrawal-dialog');
    // Cancelling the dialog changes nothing; asking again and confirming withdraws.
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await hidden(dialog);
    expect(queryValue(platform, "select membership_state from organisations where id = :'p1'", organisationId)).toBe('active');
    await page.getByRole('button', { name: '退会する' }).click();
    await visible(dialog);
    await dialog.getByRole('button', { name: '退会する' }).click();
    await visible(page.getByText('退会の手続きが完了しました。', { exact: false }));
    await expectNoSeriousA11yViolations(page, 'withdrawal done');

    // マイページ: 退会 with the date, read-only; no withdrawal link any more.
    await page.getByRole('link', { name: 'マイページへ戻る' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(membership.getByText(/^退会（\d{4}年\d{1,2}月\d{1,2}日/));
    await visible(membership.getByText('退会済みのため、登録内容は閲覧のみ可能です。', { exact: false }));
    expect(await page.getByRole('link', { name: '協議会の退会を希望する方はこちら' }).count()).toBe(0);
    expect(await membership.getByRole('button', { name: '掲載の設定を保存する' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'my page after withdrawal');
    await screenshot(page, 'f1-mypage-withdrawn');

    // Gone from the directory; the certificate is revoked on the verification page.
    await visitor.page.goto(platform.tenantUrl(TENANT, '/members'));
    await visible(visitor.page.getByText('掲載している会員はまだいません。'));
    await visitor.page.goto(platform.tenantUrl(TENANT, `/verify/${code}`));
    await visible(visitor.page.getByRole('heading', { level: 2, name: 'この入会証明書は無効です（取消し）' }));
    await expectNoSeriousA11yViolations(visitor.page, 'verification revoked');
    await screenshot(visitor.page, 'f1-verify-revoked');

    // The pending change was cancelled, and the member got its confirmation.
    expect(queryValue(platform, "select state from change_requests where id = :'p1'", changeRequestId)).toBe('cancelled');
    const mail = await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '退会手続き完了のお知らせ' });
    expect(mail.subject).toContain('介護分野');
    const notice = await waitForMail(platform, {
      to: 'secretariat@kaigo.example.jp',
      subjectIncludes: `会員の退会（会員番号 ${MEMBERSHIP_NUMBER}）`,
    });
    expect(notice.text).toContain('取り消した変更申請: 1件');
  });
});
