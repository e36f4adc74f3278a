import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplicant } from './support/accounts';
import { completeStep1, documentSlot, SAKURA_STEP1, uploadFolder, uploadToSlot, writePdf } from './support/application';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './support/browser';
import { labelled, waitForValue } from './support/onboarding';
import { type Platform, startPlatformForTest } from './support/platform';
import { signInToPortal } from './support/sign-in';

/** The food-service council: besides each worker's documents it asks for one per establishment and one of the corporation. */
const TENANT = 'gaishoku';
const APPLICANT = {
  loginId: 'sakura-shokudo',
  email: 'info@sakura-shokudo.example.jp',
  name: '佐藤 花子',
  password: 'Shokudo-2026-pass',
  corporateName: '株式会社さくら食堂',
};

const PAGE_TITLE = '法人・事業所の書類';
const REGISTER_WORKER = 'STEP2. 特定技能外国人の登録';
const SAVE_AND_UPLOAD = '入力内容を保存して、書類のアップロードへ進む';
const SUBMIT = '上記内容で申請を行う';
const ESTABLISHMENT = 'さくら食堂 銀座店';
const PERMIT = '飲食店営業許可証の写し';
const REGISTER_EXTRACT = '登記事項証明書（履歴事項全部証明書）';
const WORKER_DOCUMENTS = [
  '外食業特定技能1号技能測定試験の合格証明書',
  '日本語能力を証明する書類（日本語能力試験N4以上 又は 国際交流基金日本語基礎テスト）',
  '特定技能雇用契約書の写し（参考様式第1-5号）',
];

/** 「受入れ事業所の追加」 with the council's own field (業態). */
async function addEstablishment(page: Page): Promise<void> {
  await page.getByRole('button', { name: '受入れ事業所の追加', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '受入れ事業所の追加' });
  await visible(dialog);
  await labelled(dialog, '事業所名').fill(ESTABLISHMENT);
  await labelled(dialog, '郵便番号').pressSequentially('1040061');
  await waitForValue(labelled(dialog, '都道府県'), '東京都');
  await labelled(dialog, '町域・番地').fill('銀座7-1-1');
  await labelled(dialog, '電話番号').fill('03-3456-7890');
  await labelled(dialog, '業態').selectOption({ label: 'レストラン・食堂' });
  await dialog.getByRole('button', { name: '追加する', exact: true }).click();
  await hidden(dialog);
}

describe('B4c, B5 food-service council: documents of the corporation and of each establishment (SPEC B4c list per worker / establishment / organisation)', () => {
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

  it('B4c/B5: a worker with its documents is not enough; the checklist names the establishment’s and the corporation’s documents, uploaded on 「法人・事業所の書類」, then the application is submitted', async () => {
    const folder = uploadFolder();
    await createApplicant(platform, TENANT, APPLICANT);
    const { context, page } = await newPage(browser);
    await signInToPortal(page, platform, TENANT, APPLICANT);
    await completeStep1(page, SAKURA_STEP1);

    // Before any establishment exists, マイページ already offers the page, and the checklist asks for the corporation's document.
    const submitCard = page.locator('section').filter({ has: page.getByRole('heading', { name: '申請', exact: true }) });
    await visible(submitCard.getByRole('link', { name: `法人の書類：未アップロードの書類 1件（${REGISTER_EXTRACT}）` }));
    const documentsCard = page.locator('section').filter({ has: page.getByRole('heading', { name: PAGE_TITLE, exact: true }) });
    await visible(documentsCard.getByText('必須の書類：1件中0件アップロード済み'));

    // STEP2: one worker at a new establishment, with the three worker documents.
    await page.getByRole('link', { name: REGISTER_WORKER, exact: true }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: REGISTER_WORKER }));
    await addEstablishment(page);
    await labelled(page, '氏名（ローマ字）').fill('TRAN THI BINH');
    const nationality = page.getByRole('combobox', { name: /^国籍/ });
    await nationality.fill('べとな');
    await visible(page.getByRole('option', { name: 'ベトナム', exact: true }));
    await nationality.press('ArrowDown');
    await nationality.press('Enter');
    await waitForValue(nationality, 'ベトナム');
    await labelled(page, '技能測定試験の合格日').fill('2026-04-01');
    await page.getByRole('button', { name: SAVE_AND_UPLOAD, exact: true }).click();
    await visible(page.getByText('特定技能外国人の情報を保存しました。', { exact: false }));
    // The establishment's document is not a worker slot.
    expect(await documentSlot(page, PERMIT).count()).toBe(0);
    for (const [index, name] of WORKER_DOCUMENTS.entries()) {
      await uploadToSlot(page, name, await writePdf(folder, `worker-${index + 1}.pdf`, `Worker document ${index + 1}`));
    }
    await page.getByRole('button', { name: '登録する', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByRole('table').getByRole('row').filter({ hasText: 'TRAN THI BINH' }).getByText('すべてアップロード済み'));

    // B5: the worker is complete, yet the checklist still lists the establishment's and the corporation's documents.
    const permitLine = submitCard.getByRole('link', {
      name: `${ESTABLISHMENT}（受入れ事業所）の書類：未アップロードの書類 1件（${PERMIT}）`,
    });
    await visible(permitLine);
    await visible(submitCard.getByRole('link', { name: `法人の書類：未アップロードの書類 1件（${REGISTER_EXTRACT}）` }));
    expect(await submitCard.getByRole('button', { name: SUBMIT, exact: true }).getAttribute('aria-disabled')).toBe('true');
    await visible(documentsCard.getByText('必須の書類：2件中0件アップロード済み'));
    await screenshot(page, 'b4c-gaishoku-checklist');

    // The checklist link opens the page at the establishment's slot.
    await permitLine.click();
    await visible(page.getByRole('heading', { level: 1, name: PAGE_TITLE }));
    await visible(page.getByRole('heading', { level: 2, name: '法人の書類' }));
    await visible(page.getByRole('heading', { level: 2, name: '受入れ事業所ごとの書類' }));
    await visible(page.getByRole('heading', { level: 3, name: ESTABLISHMENT }));
    expect(page.url()).toContain('#document-establishment-');
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `${PERMIT}：ファイルを選択`);
    await expectNoSeriousA11yViolations(page, 'organisation and establishment documents, empty');
    await screenshot(page, 'b4c-organisation-documents-empty');

    await uploadToSlot(page, PERMIT, await writePdf(folder, '営業許可証.pdf', 'Restaurant business permit'));
    await uploadToSlot(page, REGISTER_EXTRACT, await writePdf(folder, '登記事項証明書.pdf', 'Certificate of registered matters'));
    // Replace the permit: the slot shows the new file.
    await uploadToSlot(page, PERMIT, await writePdf(folder, '営業許可証-更新.pdf', 'Restaurant business permit (renewed)'));
    await visible(documentSlot(page, PERMIT).getByRole('link', { name: /営業許可証-更新\.pdf/ }));
    await expectNoSeriousA11yViolations(page, 'organisation and establishment documents, uploaded');
    await screenshot(page, 'b4c-organisation-documents-uploaded');

    // Back on マイページ: complete; the check page lists these documents too; submit.
    await page.getByRole('link', { name: 'マイページへ戻る', exact: true }).click();
    await visible(submitCard.getByText('申請に必要な項目はすべてそろっています。'));
    await submitCard.getByRole('button', { name: SUBMIT, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '申請内容の確認' }));
    const reviewDocuments = page.locator('section').filter({ has: page.getByRole('heading', { name: PAGE_TITLE, exact: true }) });
    await visible(reviewDocuments.getByText(`${REGISTER_EXTRACT}：登記事項証明書.pdf`, { exact: false }));
    await visible(reviewDocuments.getByText(`${PERMIT}：営業許可証-更新.pdf`, { exact: false }));
    await page.getByRole('button', { name: SUBMIT, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '入会申請を受け付けました' }));
    expect((await page.locator('.k-panel-confirmation__number').textContent()) ?? '').toMatch(/^GAISHOKU-\d{4}-\d{6}$/);

    // C1: under review the page is read-only: files open, nothing can be chosen or removed.
    await page.goto(platform.tenantUrl(TENANT, '/application/documents'));
    await visible(page.getByText('申請した法人・事業所の書類です。審査中は変更できません。'));
    await visible(documentSlot(page, PERMIT).getByRole('link', { name: /営業許可証-更新\.pdf/ }));
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /削除/ }).count()).toBe(0);
    await context.close();
  });
});
