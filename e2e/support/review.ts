import type { Page } from 'playwright-core';
import { visible } from './browser';
import type { Platform } from './platform';

/**
 * The admin's review decisions (SPEC C1-C3) as staff make them on an application's page
 * (/admin/applications/:id), with the admin catalogue's labels. Each waits for the page's
 * confirmation that the decision was recorded.
 */

/**
 * 申請一覧: searches the 受付番号 and opens the application from its row (as staff find it).
 * Returns the application's id, read from the row's link.
 */
export async function openApplicationFromQueue(page: Page, platform: Platform, tenant: string, referenceNumber: string): Promise<string> {
  await page.goto(platform.tenantUrl(tenant, '/admin/applications'));
  await visible(page.getByRole('heading', { level: 1, name: '申請一覧' }));
  await page.getByRole('searchbox', { name: '検索' }).fill(referenceNumber);
  await page.getByRole('button', { name: '検索する' }).click();
  await visible(page.getByRole('heading', { level: 2, name: `「${referenceNumber}」の検索結果` }));
  const link = page.getByRole('table').getByRole('link', { name: referenceNumber, exact: true });
  await visible(link);
  const href = (await link.getAttribute('href')) ?? '';
  await link.click();
  await visible(page.getByRole('heading', { level: 1, name: new RegExp(`（受付番号 ${referenceNumber}）$`) }));
  return href.split('/').pop() ?? '';
}

/** 「審査を開始する」 and its confirmation (a submitted or resubmitted application). */
export async function startReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: '審査を開始する' }).click();
  const dialog = page.getByRole('dialog', { name: '審査を開始しますか？' });
  await visible(dialog);
  await dialog.getByRole('button', { name: '審査を開始する' }).click();
  await visible(page.getByText('審査を開始しました。', { exact: true }));
  await visible(page.getByText('審査中', { exact: true }));
}

/** 「修正を依頼して差し戻す」 with the message the applicant is mailed and sees on マイページ. */
export async function returnForCorrection(page: Page, message: string): Promise<void> {
  await page.getByRole('button', { name: '修正を依頼して差し戻す' }).click();
  await page.getByLabel('申請者へのメッセージ（修正してほしい内容）', { exact: false }).fill(message);
  await page.getByRole('button', { name: '差し戻して申請者へ通知する' }).click();
  await visible(page.getByText('申請を差し戻し、申請者へメールで通知しました。', { exact: true }));
}

/** 「審査を完了して所管省庁へ回付する」 and its confirmation (the council's steps include the ministry). */
export async function completeReviewAndForward(page: Page): Promise<void> {
  await page.getByRole('button', { name: '審査を完了して所管省庁へ回付する' }).click();
  await page
    .getByRole('dialog', { name: '所管省庁へ回付しますか？' })
    .getByRole('button', { name: '審査を完了して所管省庁へ回付する' })
    .click();
  await visible(page.getByText('所管省庁へ回付しました。', { exact: true }));
}

/** A ministry user's 「承認する」 and its confirmation; returns the membership number the page announces. */
export async function approveAsMinistry(page: Page): Promise<string> {
  await visible(page.getByText('所管省庁の承認待ち', { exact: true }));
  await page.getByRole('button', { name: '承認する', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '入会を承認しますか？' });
  await visible(dialog);
  await dialog.getByRole('button', { name: '承認する', exact: true }).click();
  const announced = page.getByText(/^入会を承認しました（会員番号 .+）。/);
  await visible(announced);
  await visible(page.getByText('承認済み', { exact: true }));
  const text = (await announced.first().textContent()) ?? '';
  return /会員番号 ([^）]+)）/.exec(text)?.[1] ?? '';
}
