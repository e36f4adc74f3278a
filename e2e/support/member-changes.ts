import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { type ApplicantAccount, createApplicant, createStaff, type StaffAccount } from './accounts';
import type { EstablishmentInput } from './application';
import { expectNoSeriousA11yViolations, hidden, launchBrowser, newPage, screenshot, visible } from './browser';
import { arrangeWithSql, queryValue } from './database';
import { labelled, waitForValue } from './onboarding';
import { type Platform, startPlatformForTest } from './platform';
import { signInToAdmin } from './sign-in';

/**
 * Steps of a member changing its registration after joining (SPEC D1-D6, manual p.8-15) with the
 * manual's labels, shared by the change-request journeys, and the arrangements they start from.
 */

/** SPEC D1, message M-D1 (one line, exact): every save into the change draft shows it. */
export const M_D1 =
  '入力した内容を登録しました。（まだ登録が完了しているわけではありません。登録を完了するには、【上記の内容で変更申請を行う】より変更申請を確定してください。）';

/** The manual's labels (p.8-14). */
export const EDIT_REGISTRATION = '登録内容を変更する';
export const SAVE_TO_DRAFT = '申請登録情報を変更する';
export const ADD_WORKER = '特定技能外国人の追加';
export const ADD_NEW_ESTABLISHMENT = '事業所の新規追加';
export const EDIT_SELECTED_ESTABLISHMENT = '選択している事業所を修正';
export const ESTABLISHMENT_CHANGE_FORM = '受入れ事業所の変更';
export const APPLY_ESTABLISHMENT_CHANGE = '上記内容に変更する';
export const ASK_SUBMIT = '上記の内容で変更申請を行う';
export const SUBMIT_CHANGE = '申請を行う';

/**
 * The organisation of an applicant account made a member with its STEP1 details and its application
 * approved (the review journey of issue 6 reaches this through the admin); returns its id.
 * `contactEmail` receives the mails.
 */
export function arrangeApprovedMember(platform: Platform, loginId: string, membershipNumber: string, contactEmail: string): string {
  const organisationId = queryValue(
    platform,
    "select organisation_id from organisation_memberships m join users u on u.id = m.user_id where u.login_id = :'p1'",
    loginId,
  );
  arrangeWithSql(
    platform,
    `update organisations set membership_state = 'active', membership_number = :'p2', joined_at = now(),
       corporate_name_kana = 'シャカイフクシホウジン', phone = '0312345678',
       contact_name = '佐藤 花子', contact_email = :'p3', contact_phone = '0311112222', postal_code = '1040061',
       prefecture = '東京都', city = '中央区', town = '銀座1-2-3', representative_title = '理事長', representative_name = '髙﨑 太郎'
     where id = :'p1';
     -- Joined through an application the ministry approved, as マイページ of a real member shows it.
     update applications set state = 'approved', reference_number = replace(:'p2', '-M', '-'),
       submitted_at = now() - interval '20 days', decided_at = now() - interval '5 days'
     where organisation_id = :'p1'`,
    organisationId,
    membershipNumber,
    contactEmail,
  );
  return organisationId;
}

export interface RegisteredEstablishment extends Omit<EstablishmentInput, 'serviceType'> {
  /** The care council's 介護サービスの種類 (its option value; EstablishmentInput names its label). */
  serviceType: string;
}

/** The care council every change journey runs in. */
export const TENANT = 'kaigo';

/**
 * The accounts of one change journey, named after `key` (`aozora`: login aozora-member, mails to
 * tanto@ / contact@aozora.example.jp) — the member's applicant account and 担当者 mail — and the
 * secretariat that reviews its requests (jimukyoku-<journey>@kaigo.example.jp).
 */
export function changeJourneyAccounts(input: {
  key: string;
  journey: string;
  corporateName: string;
  memberName: string;
  secretariatName: string;
}): { journey: string; member: ApplicantAccount; contactEmail: string; secretariat: StaffAccount } {
  const capitalised = `${input.key.charAt(0).toUpperCase()}${input.key.slice(1)}`;
  return {
    journey: input.journey,
    member: {
      loginId: `${input.key}-member`,
      email: `tanto@${input.key}.example.jp`,
      name: input.memberName,
      password: `${capitalised}-2026-pass`,
      corporateName: input.corporateName,
    },
    contactEmail: `contact@${input.key}.example.jp`,
    secretariat: {
      email: `jimukyoku-${input.journey}@kaigo.example.jp`,
      name: input.secretariatName,
      password: `Jimukyoku-2026-${input.journey}`,
      role: 'secretariat',
    },
  };
}

export interface ChangeJourney {
  platform: Platform;
  browser: Browser;
  /** The member's organisation (arrangeApprovedMember). */
  organisationId: string;
  /** Closes the browser, stops the platform and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Where a change journey starts: a platform of its own (files in a temporary folder), the member's
 * applicant account made an approved member with `membershipNumber`, the secretariat, and a browser.
 */
export async function startChangeJourney(
  accounts: ReturnType<typeof changeJourneyAccounts>,
  membershipNumber: string,
): Promise<ChangeJourney> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `kyogikai-e2e-${accounts.journey}-`));
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    platform = await startPlatformForTest({ env: { DATA_DIR: dataDir } });
    await createApplicant(platform, TENANT, accounts.member);
    await createStaff(platform, TENANT, accounts.secretariat);
    browser = await launchBrowser();
    const organisationId = arrangeApprovedMember(platform, accounts.member.loginId, membershipNumber, accounts.contactEmail);
    return { platform, browser, organisationId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A registered 受入れ事業所 of the organisation (as approval of the application left it); returns its id. */
export function arrangeRegisteredEstablishment(platform: Platform, organisationId: string, establishment: RegisteredEstablishment): string {
  return queryValue(
    platform,
    `insert into establishments (tenant_id, organisation_id, name, postal_code, prefecture, city, town, phone, extra)
     select tenant_id, id, :'p2', :'p3', :'p4', :'p5', :'p6', :'p7', jsonb_build_object('serviceType', :'p8'::text)
     from organisations where id = :'p1'
     returning id`,
    organisationId,
    establishment.name,
    establishment.postalCode,
    establishment.prefecture,
    establishment.city,
    establishment.town,
    establishment.phone,
    establishment.serviceType,
  );
}

/** A registered worker linked to the given establishments; returns its id. */
export function arrangeRegisteredWorker(
  platform: Platform,
  organisationId: string,
  worker: { nameLatin: string; nationality: string },
  establishmentIds: readonly string[],
): string {
  const workerId = queryValue(
    platform,
    `insert into workers (tenant_id, organisation_id, name_latin, nationality)
     select tenant_id, id, :'p2', :'p3' from organisations where id = :'p1'
     returning id`,
    organisationId,
    worker.nameLatin,
    worker.nationality,
  );
  for (const establishmentId of establishmentIds) {
    arrangeWithSql(
      platform,
      `insert into worker_establishments (tenant_id, organisation_id, worker_id, establishment_id)
       select tenant_id, id, :'p2', :'p3' from organisations where id = :'p1'`,
      organisationId,
      workerId,
      establishmentId,
    );
  }
  return workerId;
}

/** 「事業所名（東京都中央区銀座1-2-3）」 as the dropdowns name an establishment. */
export function establishmentOption(establishment: Pick<RegisteredEstablishment, 'name' | 'prefecture' | 'city' | 'town'>): string {
  return `${establishment.name}（${establishment.prefecture}${establishment.city}${establishment.town}）`;
}

/**
 * On a registered worker's screen in editing mode: 「事業所の新規追加」 → the establishment dialog
 * (「受入れ事業所の追加」, the postal code fills 都道府県/市区町村) → 「追加する」; the new establishment
 * is chosen in a further dropdown (SPEC D3, D4 through this screen).
 */
export async function addNewEstablishmentForWorker(page: Page, establishment: EstablishmentInput): Promise<void> {
  await page.getByRole('button', { name: ADD_NEW_ESTABLISHMENT, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '受入れ事業所の追加' });
  await visible(dialog);
  await labelled(dialog, '事業所名').fill(establishment.name);
  await labelled(dialog, '郵便番号').pressSequentially(establishment.postalCode);
  await waitForValue(labelled(dialog, '市区町村'), establishment.city);
  await labelled(dialog, '町域・番地').fill(establishment.town);
  await labelled(dialog, '電話番号').fill(establishment.phone);
  await labelled(dialog, '介護サービスの種類').selectOption({ label: establishment.serviceType });
  await dialog.getByRole('button', { name: '追加する', exact: true }).click();
  await hidden(dialog);
}

/** マイページ's ◆会員情報 section: the change draft, pending requests and the change history. */
export function memberInfoSection(page: Page): Locator {
  return page.getByRole('region', { name: '◆会員情報', exact: true });
}

/** マイページ's list of workers after joining. */
export function memberWorkersSection(page: Page): Locator {
  return page.getByRole('region', { name: '◆特定技能外国人情報', exact: true }).first();
}

/** A row of マイページ's worker list, by the worker's name. */
export function workerRow(page: Page, nameLatin: string): Locator {
  return memberWorkersSection(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${nameLatin}`) }) });
}

/** 「申請登録情報を変更する」 (green): the draft is saved and M-D1 says how to complete it. */
export async function saveToDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: SAVE_TO_DRAFT, exact: true }).click();
  await visible(page.getByText(M_D1, { exact: true }));
}

/** M-D1's 「マイページへ戻る」. */
export async function backToMyPage(page: Page): Promise<void> {
  await page.getByRole('status').getByRole('link', { name: 'マイページへ戻る' }).first().click();
  await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
}

/**
 * On マイページ: 「上記の内容で変更申請を行う」 (blue) → 変更内容 (prefilled with every change of the
 * draft) and 変更理由 → 「申請を行う」 (blue); the whole draft is submitted (SPEC D6). Returns the
 * prefilled 変更内容.
 */
export async function submitDraftFromMyPage(page: Page, reason: string): Promise<string> {
  const section = memberInfoSection(page);
  await section.getByRole('button', { name: ASK_SUBMIT }).click();
  const content = section.getByLabel('変更内容');
  await visible(content);
  const prefilled = await content.inputValue();
  await section.getByLabel('変更理由').fill(reason);
  await section.getByRole('button', { name: SUBMIT_CHANGE, exact: true }).click();
  await visible(page.getByText('変更申請を受け付けました。', { exact: false }));
  return prefilled;
}

/**
 * The secretariat decides a member's change request in the admin: 変更申請一覧 → the member →
 * 「審査を開始する」 → 「承認する」 (workers and establishments need no ministry step). `inspect` runs on
 * the detail before the decision (what the secretariat sees), with an axe scan.
 */
export async function approveChangesAsSecretariat(
  browser: Browser,
  platform: Platform,
  tenant: string,
  staff: StaffAccount,
  corporateName: string,
  options: { inspect?: (page: Page) => Promise<void>; screenshotName?: string } = {},
): Promise<void> {
  const { context, page } = await newPage(browser);
  try {
    await signInToAdmin(page, platform, tenant, staff);
    await page.getByRole('link', { name: '変更申請一覧' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '変更申請一覧' }));
    await page.getByRole('link', { name: corporateName }).click();
    await visible(page.getByRole('heading', { level: 1, name: `変更申請：${corporateName}` }));
    if (options.inspect) await options.inspect(page);
    await expectNoSeriousA11yViolations(page, 'admin change request with workers and establishments');
    if (options.screenshotName) await screenshot(page, options.screenshotName);
    await page.getByRole('button', { name: '審査を開始する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await visible(page.getByText('審査を開始しました。'));
    await page.getByRole('button', { name: '承認する', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await visible(page.getByText('承認しました。', { exact: true }));
  } finally {
    await context.close();
  }
}
