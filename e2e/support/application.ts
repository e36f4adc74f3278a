import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, hidden, screenshot, visible } from './browser';
import { labelled, waitForValue } from './onboarding';

/** 「STEP1. 会員情報」 as an applicant fills it in (manual p.5); a valid 法人番号 (the council requires one). */
export interface Step1Details {
  corporateNameKana: string;
  corporateNumber: string;
  postalCode: string;
  town: string;
  representativeTitle: string;
  representativeName: string;
  phone: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export const SAKURA_STEP1: Step1Details = {
  corporateNameKana: 'シャカイフクシホウジン サクラカイ',
  // The National Tax Agency's own number: a real check digit.
  corporateNumber: '7000012050002',
  postalCode: '1040061',
  town: '銀座1-2-3',
  representativeTitle: '理事長',
  representativeName: '山田 太郎',
  phone: '03-1234-5678',
  contactName: '佐藤 花子',
  contactEmail: 'sato@sakura-kai.example.jp',
  contactPhone: '03-1234-5679',
};

/**
 * Fills every field STEP1 needs for submission through the page (postal auto-fill included) and
 * saves with 「一時保存」; starts and ends on マイページ.
 */
export async function completeStep1(page: Page, details: Step1Details): Promise<void> {
  await page
    .getByRole('link', { name: /STEP1\. 会員情報/ })
    .first()
    .click();
  await visible(page.getByRole('heading', { level: 1, name: 'STEP1. 会員情報' }));
  await visible(labelled(page, '郵便番号'));
  await labelled(page, '法人名（フリガナ）').fill(details.corporateNameKana);
  await labelled(page, '法人番号').fill(details.corporateNumber);
  await labelled(page, '郵便番号').fill(details.postalCode);
  await waitForValue(labelled(page, '都道府県'), '東京都');
  await labelled(page, '町域・番地').fill(details.town);
  await labelled(page, '代表者役職').fill(details.representativeTitle);
  await labelled(page, '代表者名').fill(details.representativeName);
  // Two fields are labelled 「電話番号」 (the corporation's and the contact person's).
  await page.locator('#phone').fill(details.phone);
  await labelled(page, '担当者氏名').fill(details.contactName);
  await page.locator('#contactEmail').fill(details.contactEmail);
  await page.locator('#contactPhone').fill(details.contactPhone);
  await page.getByRole('button', { name: '一時保存', exact: true }).click();
  await visible(page.getByRole('status').getByText(/^一時保存しました/));
  await page.getByRole('link', { name: 'マイページへ戻る', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
}

/** A folder for the files a journey uploads. */
export function uploadFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'kyogikai-e2e-'));
}

/** A small valid PDF (pdf-lib) with a line of text, written to `folder/fileName`; returns its path. */
export async function writePdf(folder: string, fileName: string, text: string, options: { padBytes?: number } = {}): Promise<string> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const pdfPage = document.addPage([595, 842]);
  pdfPage.drawText(text, { x: 50, y: 780, size: 14, font });
  // Random padding as PDF metadata keeps the file valid while making it as large as a scan
  // (random, so the writer's compression cannot shrink it away).
  if (options.padBytes) document.setSubject(randomBytes(options.padBytes).toString('base64'));
  const file = path.join(folder, fileName);
  writeFileSync(file, await document.save());
  return file;
}

/** Writes raw bytes under a name (e.g. a PNG renamed .pdf). */
export function writeBytes(folder: string, fileName: string, bytes: Uint8Array): string {
  const file = path.join(folder, fileName);
  writeFileSync(file, bytes);
  return file;
}

/** The upload slot of one document on the worker page (◆地方出入国在留管理局へ…), by its name. */
export function documentSlot(page: Page, documentName: string): Locator {
  return page.locator('li.k-doc-slot').filter({ hasText: documentName });
}

/** Chooses a file for a slot with its real file input (named 「<書類名>：ファイルを選択」 or 「…：差し替え」) and waits for アップロード済み. */
export async function uploadToSlot(page: Page, documentName: string, file: string): Promise<void> {
  const slot = documentSlot(page, documentName);
  await slot.locator('input[type="file"]').setInputFiles(file);
  await visible(slot.getByText(path.basename(file), { exact: false }), 30_000);
  await visible(slot.getByText('アップロード済み', { exact: true }));
}

/** The six per-worker documents of the care council (SPEC B4c), as its slots name them. */
export const KAIGO_DOCUMENTS = [
  { key: 'employment-conditions', name: '雇用条件書（参考様式第1-6号）', file: 'employment-conditions.pdf' },
  { key: 'support-plan', name: '1号特定技能外国人支援計画書（参考様式第1-17号）', file: 'support-plan.pdf' },
  { key: 'establishment-overview', name: '事業所概要書（介護分野参考様式第1-2号）', file: 'establishment-overview.pdf' },
  {
    key: 'japanese-proficiency',
    name: '日本語能力を証明する書類（日本語能力試験N4以上 又は 国際交流基金日本語基礎テスト）',
    file: 'japanese-proficiency.pdf',
  },
  { key: 'care-skills-test', name: '介護技能評価試験の合格証明書', file: 'care-skills-test.pdf' },
  { key: 'residence-card', name: '在留カードの写し', file: 'residence-card.pdf' },
] as const;

/** The manual's labels (p.6-7) the authoring steps click. */
export const ADD_ESTABLISHMENT = '受入れ事業所の追加';
export const REGISTER_WORKER = 'STEP2. 特定技能外国人の登録';
export const SAVE_AND_UPLOAD = '入力内容を保存して、書類のアップロードへ進む';
export const REGISTER = '登録する';
export const SUBMIT_APPLICATION = '上記内容で申請を行う';

export interface EstablishmentInput {
  name: string;
  postalCode: string;
  prefecture: string;
  city: string;
  town: string;
  phone: string;
  /** 介護サービスの種類, as the council's list names it. */
  serviceType: string;
}

/**
 * 「受入れ事業所の追加」 in its dialog: the postal code fills 都道府県/市区町村, then the rest.
 * With `check`, also shows that the council's own field is required and scans the dialog with axe.
 */
export async function addEstablishment(page: Page, establishment: EstablishmentInput, options: { check?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: ADD_ESTABLISHMENT, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: ADD_ESTABLISHMENT });
  await visible(dialog);
  await labelled(dialog, '事業所名').fill(establishment.name);
  await labelled(dialog, '郵便番号').pressSequentially(establishment.postalCode);
  await waitForValue(labelled(dialog, '都道府県'), establishment.prefecture);
  await waitForValue(labelled(dialog, '市区町村'), establishment.city);
  await labelled(dialog, '町域・番地').fill(establishment.town);
  await labelled(dialog, '電話番号').fill(establishment.phone);
  if (options.check) {
    // The council's own field (care: 介護サービスの種類, from tenant.formFields) is required like the rest.
    await dialog.getByRole('button', { name: '追加する', exact: true }).click();
    await visible(dialog.getByRole('alert').getByRole('link', { name: '介護サービスの種類：入力してください。' }));
  }
  await labelled(dialog, '介護サービスの種類').selectOption({ label: establishment.serviceType });
  if (options.check) {
    await expectNoSeriousA11yViolations(page, options.check);
    await screenshot(page, 'b4a-add-establishment-dialog');
  }
  await dialog.getByRole('button', { name: '追加する', exact: true }).click();
  await hidden(dialog);
}

/** 国籍: type part of the name (hiragana, as before IME conversion), pick it with ↓ and Enter. */
export async function chooseNationality(page: Page, typed: string, name: string): Promise<void> {
  const combobox = page.getByRole('combobox', { name: /^国籍/ });
  await combobox.fill(typed);
  await visible(page.getByRole('option', { name, exact: true }));
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
  await waitForValue(combobox, name);
}

/** Uploads a small PDF into each of the care council's six slots on the worker page. */
export async function uploadAllDocuments(page: Page, folder: string, prefix: string): Promise<void> {
  for (const document of KAIGO_DOCUMENTS) {
    const file = await writePdf(folder, `${prefix}-${document.file}`, `${prefix}: ${document.file}`);
    await uploadToSlot(page, document.name, file);
  }
}

/** One worker as STEP2 registers them: 国籍 is typed (`nationalityTyped`) and chosen from the list. */
export interface WorkerInput {
  nameLatin: string;
  nationalityTyped: string;
  nationality: string;
}

/**
 * STEP2 from マイページ (manual p.6): adds the establishment (when given; otherwise the one chosen
 * by default), enters the worker, saves, uploads the six documents and 「登録する」; ends on マイページ.
 */
export async function registerWorker(
  page: Page,
  worker: WorkerInput,
  folder: string,
  options: { newEstablishment?: EstablishmentInput } = {},
): Promise<void> {
  await page.getByRole('link', { name: REGISTER_WORKER, exact: true }).first().click();
  await visible(page.getByRole('heading', { level: 1, name: REGISTER_WORKER }));
  if (options.newEstablishment) {
    await addEstablishment(page, options.newEstablishment);
    // The new establishment is the one chosen (an <option> is never "visible": wait for it to be attached).
    await labelled(page, '受入れ事業所')
      .locator('option:checked')
      .filter({ hasText: options.newEstablishment.name })
      .waitFor({ state: 'attached' });
  }
  await labelled(page, '氏名（ローマ字）').fill(worker.nameLatin);
  await chooseNationality(page, worker.nationalityTyped, worker.nationality);
  await page.getByRole('button', { name: SAVE_AND_UPLOAD, exact: true }).click();
  await visible(page.getByText('特定技能外国人の情報を保存しました。', { exact: false }));
  await uploadAllDocuments(page, folder, worker.nameLatin.toLowerCase().replace(/\s+/g, '-'));
  await page.getByRole('button', { name: REGISTER, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
  await visible(page.getByText(`${worker.nameLatin} さんを登録しました。`, { exact: false }));
}

/**
 * B5 from マイページ: 「上記内容で申請を行う」 opens 申請内容の確認, where the same button submits.
 * Also how a returned application is handed in again. Returns the 受付番号 the confirmation shows.
 */
export async function submitFromMyPage(page: Page): Promise<string> {
  const submitCard = page.locator('section').filter({ has: page.getByRole('heading', { name: '申請', exact: true }) });
  await visible(submitCard.getByText('申請に必要な項目はすべてそろっています。'));
  await submitCard.getByRole('button', { name: SUBMIT_APPLICATION, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: '申請内容の確認' }));
  await page.getByRole('button', { name: SUBMIT_APPLICATION, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: '入会申請を受け付けました' }));
  return (await page.locator('.k-panel-confirmation__number').textContent()) ?? '';
}

/** Everything an applicant does through the portal for a complete application with one worker, then submits. */
export interface CompleteApplication {
  step1: Step1Details;
  establishment: EstablishmentInput;
  worker: WorkerInput;
}

/**
 * Manual p.5-7 through the portal for a signed-in applicant on マイページ: STEP1, one establishment
 * and one worker with the six documents, check and submit. Returns the 受付番号.
 */
export async function submitCompleteApplication(page: Page, application: CompleteApplication, folder = uploadFolder()): Promise<string> {
  await completeStep1(page, application.step1);
  await registerWorker(page, application.worker, folder, { newEstablishment: application.establishment });
  return submitFromMyPage(page);
}
