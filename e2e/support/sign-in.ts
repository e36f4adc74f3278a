import type { Page } from 'playwright-core';
import type { ApplicantAccount, StaffAccount } from './accounts';
import { visible } from './browser';
import type { Platform } from './platform';

/** Signs an applicant in through the portal's sign-in page and waits for マイページ. */
export async function signInToPortal(page: Page, platform: Platform, tenant: string, applicant: ApplicantAccount): Promise<void> {
  await page.goto(platform.tenantUrl(tenant, '/sign-in'));
  await page.getByLabel('ユーザーID（ログインID）').fill(applicant.loginId);
  await page.getByLabel('パスワード').fill(applicant.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
}

/** Signs a staff user in through the admin sign-in page and waits for the dashboard. */
export async function signInToAdmin(page: Page, platform: Platform, tenant: string, staff: StaffAccount): Promise<void> {
  await page.goto(platform.tenantUrl(tenant, '/admin/sign-in'));
  await page.getByLabel('メールアドレス').fill(staff.email);
  await page.getByLabel('パスワード').fill(staff.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'ダッシュボード' }));
}
