import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { visible } from './browser';
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
