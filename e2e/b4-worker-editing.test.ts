import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, screenshot, visible } from './support/browser';
import { labelled, onboardApplicant, type ProvisionalApplicant, waitForValue } from './support/onboarding';
import { type Platform, startPlatformForTest } from './support/platform';

// What the authoring journey (b4-b5) does not walk through: changing an establishment already
// added, leaving the worker page with unsaved input, and two tabs saving the same worker.

const TENANT = 'kaigo';

const KAEDE: ProvisionalApplicant = {
  corporateName: '社会福祉法人かえで会',
  contactName: '高橋 一郎',
  email: 'takahashi@kaede-kai.example.jp',
  phone: '03-3456-7890',
  password: 'Kaede-2026-pass',
};

const ADD_ESTABLISHMENT = '受入れ事業所の追加';
const EDIT_ESTABLISHMENT_TITLE = '受入れ事業所の修正';
const REGISTER = '登録する';
const SAVE_AND_UPLOAD = '入力内容を保存して、書類のアップロードへ進む';
const BACK_TO_MY_PAGE = 'マイページへ戻る';
const UNSAVED_TITLE = '保存していない入力内容があります';
const CONFLICT = 'ほかの操作で内容が更新されました。画面を再読み込みしてから、もう一度お試しください。';

async function addEstablishment(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: ADD_ESTABLISHMENT, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: ADD_ESTABLISHMENT });
  await visible(dialog);
  await labelled(dialog, '事業所名').fill(name);
  await labelled(dialog, '郵便番号').pressSequentially('1040061');
  await waitForValue(labelled(dialog, '都道府県'), '東京都');
  await labelled(dialog, '町域・番地').fill('銀座1-2-3');
  await labelled(dialog, '電話番号').fill('03-4567-8901');
  await labelled(dialog, '介護サービスの種類').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: '追加する', exact: true }).click();
  await hidden(dialog);
}

async function chooseNationality(page: Page, typed: string, name: string): Promise<void> {
  const combobox = page.getByRole('combobox', { name: /^国籍/ });
  await combobox.fill(typed);
  await visible(page.getByRole('option', { name, exact: true }));
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
  await waitForValue(combobox, name);
}

describe('B4a/B4b worker page: editing an establishment, unsaved input, two tabs', () => {
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

  it('B4a: an establishment is corrected in its dialog; B4b: leaving with unsaved input asks first; a save from a stale tab is refused with a conflict', async () => {
    const { page, close } = await onboardApplicant(browser, platform, TENANT, KAEDE);
    await page.getByRole('link', { name: 'STEP2. 特定技能外国人の登録', exact: true }).first().click();
    await addEstablishment(page, 'かえで苑');
    await labelled(page, '氏名（ローマ字）').fill('TRAN THI MAI');
    await chooseNationality(page, 'べとな', 'ベトナム');
    await page.getByRole('button', { name: SAVE_AND_UPLOAD, exact: true }).click();
    await visible(page.getByText('特定技能外国人の情報を保存しました。', { exact: false }));
    const workerUrl = page.url();
    expect(workerUrl).toMatch(/\/application\/workers\/[0-9a-f-]{36}$/);

    // B4a: the establishment's own button opens it in 「受入れ事業所の修正」 with its values; the new name shows in the dropdown.
    await page.getByRole('button', { name: '事業所の情報を修正（かえで苑）', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: EDIT_ESTABLISHMENT_TITLE });
    await visible(dialog);
    expect(await labelled(dialog, '事業所名').inputValue()).toBe('かえで苑');
    expect(await labelled(dialog, '都道府県').inputValue()).toBe('東京都');
    await expectNoSeriousA11yViolations(page, 'edit establishment dialog');
    await screenshot(page, 'b4a-edit-establishment-dialog');
    await labelled(dialog, '事業所名').fill('特別養護老人ホームかえで苑');
    await dialog.getByRole('button', { name: '修正を保存する', exact: true }).click();
    await hidden(dialog);
    const establishment = labelled(page, '受入れ事業所');
    await expect.poll(() => establishment.locator('option:checked').textContent()).toContain('特別養護老人ホームかえで苑');

    // B4b: typed but not registered; leaving asks first, and staying keeps what was typed.
    await labelled(page, '氏名（ローマ字）').fill('TRAN THI MAI ANH');
    await page.getByRole('link', { name: BACK_TO_MY_PAGE, exact: true }).first().click();
    const unsaved = page.getByRole('dialog', { name: UNSAVED_TITLE });
    await visible(unsaved);
    await expectNoSeriousA11yViolations(page, 'unsaved changes dialog');
    await screenshot(page, 'b4b-unsaved-changes');
    await unsaved.getByRole('button', { name: 'このページに留まる', exact: true }).click();
    await hidden(unsaved);
    expect(page.url()).toBe(workerUrl);
    expect(await labelled(page, '氏名（ローマ字）').inputValue()).toBe('TRAN THI MAI ANH');
    // Leaving without saving keeps the registered name.
    await page.getByRole('link', { name: BACK_TO_MY_PAGE, exact: true }).first().click();
    await unsaved.getByRole('button', { name: '保存せずに移動する', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByRole('rowheader', { name: 'TRAN THI MAI', exact: true }));

    // Two tabs on the same worker: the first 「登録する」 wins, the stale tab is told to reload, and nothing it typed is lost from its form.
    const second = await page.context().newPage();
    await second.goto(workerUrl);
    await page.goto(workerUrl);
    await waitForValue(labelled(page, '氏名（ローマ字）'), 'TRAN THI MAI');
    await waitForValue(labelled(second, '氏名（ローマ字）'), 'TRAN THI MAI');
    await labelled(page, '氏名（ローマ字）').fill('TRAN THI MAI A');
    await page.getByRole('button', { name: REGISTER, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await labelled(second, '氏名（ローマ字）').fill('TRAN THI MAI B');
    await second.getByRole('button', { name: REGISTER, exact: true }).click();
    await visible(second.getByText(CONFLICT, { exact: false }).first());
    expect(second.url()).toBe(workerUrl);
    expect(await labelled(second, '氏名（ローマ字）').inputValue()).toBe('TRAN THI MAI B');
    await screenshot(second, 'b4b-two-tabs-conflict');
    // After reloading, the stale tab shows what the first one registered.
    await second.reload();
    await waitForValue(labelled(second, '氏名（ローマ字）'), 'TRAN THI MAI A');
    await second.close();
    await close();
  });
});
