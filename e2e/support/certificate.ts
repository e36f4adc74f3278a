import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { visible } from './browser';

/**
 * The member's side of the certificate (SPEC C3, C4, E1) on マイページ, the secretariat's
 * decision on a reissue in the admin, and reading a downloaded PDF the way a person would
 * (its text layer, with Debian poppler-utils' pdftotext).
 */

/** マイページ's 入会証明書 section. */
export function certificateSection(page: Page) {
  return page.getByRole('region', { name: '入会証明書' });
}

/**
 * Reloads マイページ until the certificate is ready to download (the worker renders it after the
 * decision, so it shows 作成中 first).
 */
export async function waitForCertificateReady(page: Page, issueNumber: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const section = certificateSection(page);
  for (;;) {
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    const ready =
      (await section.getByText('ダウンロードできます（1回のみ）', { exact: true }).count()) > 0 &&
      (await section.getByText(`第${issueNumber}回`, { exact: true }).count()) > 0;
    if (ready) return;
    if (Date.now() > deadline)
      throw new Error(`The certificate (第${issueNumber}回) was not ready on マイページ within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.reload();
  }
}

export interface DownloadedCertificate {
  fileName: string;
  bytes: Buffer;
}

/** 「入会証明書をダウンロード」 on マイページ; waits until the page says it has been downloaded. */
export async function downloadCertificate(page: Page): Promise<DownloadedCertificate> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '入会証明書をダウンロード' }).click(),
  ]);
  const bytes = readFileSync(await download.path());
  await visible(certificateSection(page).getByText('ダウンロード済み', { exact: true }));
  return { fileName: download.suggestedFilename(), bytes };
}

/** The PDF's text layer (pdftotext -layout), as a reader would copy it out. */
export function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kyogikai-e2e-pdf-')), 'certificate.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

export interface PrintedVerification {
  /** 検証コード as printed: groups of four joined by hyphens. */
  groupedCode: string;
  code: string;
  /** The verification page's address printed under the code (wrapped lines joined). */
  url: string;
}

/** The verification code and the address printed on a certificate. */
export function printedVerification(text: string): PrintedVerification {
  const groupedCode = /検証コード\s*([A-Z2-7]{4}(?:-[A-Z2-7]{1,4})+)/.exec(text)?.[1] ?? '';
  const code = groupedCode.replace(/-/g, '');
  // A long address wraps onto several lines: read it without the line breaks; it ends with the
  // code, and starts at the last http(s):// before it.
  const url = new RegExp(`https?://(?:(?!https?://)\\S)+?/verify/${code}`).exec(text.replace(/\s+/g, ''))?.[0] ?? '';
  if (!code || !url) throw new Error(`No verification code and address in the certificate's text:\n${text}`);
  return { groupedCode, code, url };
}

/** 「入会証明書再発行申請」 (top right of マイページ) → 申請理由 → 「申請を行う」; back on マイページ. */
export async function requestReissue(page: Page, reason: string): Promise<void> {
  await page.getByRole('link', { name: '入会証明書再発行申請' }).first().click();
  await visible(page.getByRole('heading', { level: 1, name: '入会証明書再発行申請' }));
  await page.getByLabel('申請理由').fill(reason);
  await page.getByRole('button', { name: '申請を行う' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
  await visible(page.getByText('入会証明書の再発行申請を受け付けました。', { exact: false }).first());
  await visible(certificateSection(page).getByRole('heading', { name: '再発行申請中' }));
}

/**
 * The secretariat, signed in on the admin dashboard, opens 「入会証明書再発行申請」 and approves the
 * corporation's request after its confirmation.
 */
export async function approveReissue(
  page: Page,
  corporateName: string,
  options: { beforeApproving?: () => Promise<void> } = {},
): Promise<void> {
  await page.getByRole('link', { name: '入会証明書再発行申請' }).click();
  await visible(page.getByRole('heading', { level: 1, name: '入会証明書再発行申請' }));
  const request = page.getByRole('region', { name: corporateName });
  await visible(request);
  await options.beforeApproving?.();
  await request.getByRole('button', { name: '承認する' }).click();
  const dialog = page.getByRole('dialog', { name: '再発行申請を承認しますか？' });
  await visible(dialog);
  await dialog.getByRole('button', { name: '承認する' }).click();
  await visible(page.getByText(`${corporateName} の再発行申請を承認しました。`, { exact: false }));
}
