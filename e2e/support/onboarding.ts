import type { Browser, Locator, Page } from 'playwright-core';
import { newPage, visible } from './browser';
import { type CapturedMail, linkIn, loginIdIn, mailFilesTo, waitForMail } from './mailbox';
import type { Platform } from './platform';

/** What a person types on 「入会申請のための仮アカウント発行申請」. */
export interface ProvisionalApplicant {
  corporateName: string;
  contactName: string;
  email: string;
  phone: string;
  password: string;
}

export const PROVISIONAL_TITLE = '入会申請のための仮アカウント発行申請';
export const PROVISIONAL_SUBMIT = '上記内容で仮アカウント発行申請する';
export const CONSENTS = ['プライバシーポリシーに同意する', '設置要綱に同意する', '入会規程に同意する'] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The control whose label is exactly the manual's words (the 必須/任意 badge may follow). A plain
 * substring match would confuse 「メールアドレス」 with 「メールアドレス（確認用）」.
 */
export function labelled(scope: Page | Locator, text: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(text)}\\s*(必須|任意)?$`));
}

/** Waits until an input holds `value` (playwright-core has no auto-waiting assertions). */
export async function waitForValue(locator: Locator, value: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue();
    if (last === value) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected the input to hold 「${value}」, it holds 「${last}」.`);
}

/** Fills the provisional-account form (already open) and ticks the three consents. */
export async function fillProvisionalAccountForm(page: Page, applicant: ProvisionalApplicant): Promise<void> {
  await labelled(page, '法人名').fill(applicant.corporateName);
  await labelled(page, '担当者氏名').fill(applicant.contactName);
  await labelled(page, 'メールアドレス').fill(applicant.email);
  await labelled(page, 'メールアドレス（確認用）').fill(applicant.email);
  await labelled(page, '電話番号').fill(applicant.phone);
  await labelled(page, 'パスワード').fill(applicant.password);
  await labelled(page, 'パスワード（確認用）').fill(applicant.password);
  for (const consent of CONSENTS) await page.getByLabel(consent, { exact: true }).check();
}

/**
 * Manual p.3 steps 1-5 without the checks the main journey makes: apply on the portal and return
 * the mail with the ユーザーID and the login URL.
 */
export async function applyForProvisionalAccount(
  page: Page,
  platform: Platform,
  tenant: string,
  applicant: ProvisionalApplicant,
): Promise<{ mail: CapturedMail; loginId: string; activationUrl: string }> {
  const before = await mailFilesTo(platform, applicant.email);
  await page.goto(platform.tenantUrl(tenant, '/account/new'));
  await visible(page.getByRole('heading', { level: 1, name: PROVISIONAL_TITLE }));
  await visible(page.getByLabel(CONSENTS[0], { exact: true }));
  await fillProvisionalAccountForm(page, applicant);
  await page.getByRole('button', { name: PROVISIONAL_SUBMIT, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'メールを確認してください' }));
  const mail = await waitForMail(platform, { to: applicant.email, subjectIncludes: '仮アカウント', notIn: before });
  return { mail, loginId: loginIdIn(mail), activationUrl: linkIn(mail, '/activate') };
}

/** Manual p.3 step 6: open the mail's URL and sign in with the ユーザーID; lands on マイページ. */
export async function activateThroughLink(page: Page, activationUrl: string, loginId: string, password: string): Promise<void> {
  await page.goto(activationUrl);
  await visible(page.getByRole('heading', { level: 1, name: 'ログインしてアカウント取得を完了する' }));
  await labelled(page, 'ユーザーID（ログインID）').fill(loginId);
  await labelled(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
}

/** A full (activated) applicant account made through the portal, signed in on a fresh page. */
export async function onboardApplicant(
  browser: Browser,
  platform: Platform,
  tenant: string,
  applicant: ProvisionalApplicant,
): Promise<{ loginId: string; page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser);
  const { loginId, activationUrl } = await applyForProvisionalAccount(page, platform, tenant, applicant);
  await activateThroughLink(page, activationUrl, loginId, applicant.password);
  return { loginId, page, close: () => context.close() };
}
