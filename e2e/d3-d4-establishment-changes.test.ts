import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEstablishment, type EstablishmentInput } from './support/application';
import { arrangeWithSql } from './support/database';
import { expectNoSeriousA11yViolations, hidden, newPage, screenshot, visible } from './support/browser';
import { waitForMail } from './support/mailbox';
import {
  addNewEstablishmentForWorker,
  APPLY_ESTABLISHMENT_CHANGE,
  approveChangesAsSecretariat,
  arrangeRegisteredEstablishment,
  arrangeRegisteredWorker,
  backToMyPage,
  EDIT_REGISTRATION,
  EDIT_SELECTED_ESTABLISHMENT,
  ESTABLISHMENT_CHANGE_FORM,
  establishmentOption,
  M_D1,
  memberWorkersSection,
  type RegisteredEstablishment,
  SAVE_TO_DRAFT,
  saveToDraft,
  submitDraftFromMyPage,
  workerRow,
  type ChangeJourney,
  changeJourneyAccounts,
  startChangeJourney,
  TENANT,
} from './support/member-changes';
import { labelled } from './support/onboarding';
import type { Platform } from './support/platform';
import { signInToPortal } from './support/sign-in';

const ACCOUNTS = changeJourneyAccounts({
  key: 'kaede',
  journey: 'd3',
  corporateName: '社会福祉法人かえで会',
  memberName: '高橋 美咲',
  secretariatName: '事務局 三郎',
});
const { member: MEMBER, contactEmail: CONTACT_EMAIL, secretariat: SECRETARIAT } = ACCOUNTS;
const HONKAN: RegisteredEstablishment = {
  name: '特別養護老人ホームかえで',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-8-9',
  phone: '0355551111',
  serviceType: 'nursing-home',
};
const BUNKAN: RegisteredEstablishment = {
  name: 'かえでデイサービス',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座1-1-1',
  phone: '0355552222',
  serviceType: 'day-care',
};
const HONKAN_RENAMED = '特別養護老人ホームかえでの杜';
const NEW_ESTABLISHMENT: EstablishmentInput = {
  name: 'かえでショートステイ',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座2-2-2',
  phone: '03-5555-3333',
  serviceType: '短期入所生活介護',
};
const HOA = { nameLatin: 'NGUYEN THI HOA', nationality: 'VN' };
const SANTOS = { nameLatin: 'SANTOS MARIA', nationality: 'PH' };
const AT_HONKAN = [HOA, SANTOS];
const GROUP_HOME: EstablishmentInput = {
  name: 'グループホームかえで',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座3-3-3',
  phone: '03-5555-4444',
  serviceType: '認知症対応型共同生活介護',
};
const AT_BUNKAN = { nameLatin: 'WIN AUNG', nationality: 'MM' };

describe('D3 D4 establishments after joining: an edit reaches every worker registered there, a worker moves, an establishment is added — one change request, reviewed', () => {
  let journey: ChangeJourney | undefined;
  let platform: Platform;
  let browser: Browser;
  let organisationId: string;

  beforeAll(async () => {
    journey = await startChangeJourney(ACCOUNTS, 'KAIGO-M2026-000301');
    ({ platform, browser, organisationId } = journey);
    const honkanId = arrangeRegisteredEstablishment(platform, organisationId, HONKAN);
    const bunkanId = arrangeRegisteredEstablishment(platform, organisationId, BUNKAN);
    for (const worker of AT_HONKAN) arrangeRegisteredWorker(platform, organisationId, worker, [honkanId]);
    arrangeRegisteredWorker(platform, organisationId, AT_BUNKAN, [bunkanId]);
  });
  afterAll(() => journey?.stop());

  /** マイページ → the worker's 詳細 → 「登録内容を変更する」 (yellow, top right). */
  async function openWorkerForEditing(page: Page, nameLatin: string): Promise<void> {
    await page.goto(platform.tenantUrl(TENANT, '/'));
    await workerRow(page, nameLatin).getByRole('link', { name: /^詳細/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: '特定技能外国人の登録内容' }));
    await page.getByRole('button', { name: EDIT_REGISTRATION, exact: true }).click();
    await visible(labelled(page, '受入れ事業所'));
  }

  it('D3 D4 D6: 「選択している事業所を修正」 → 「受入れ事業所の変更」 (2 workers) → 「上記内容に変更する」; another worker moved with the dropdown, a third given a second establishment with 「事業所の新規追加」; 「受入れ事業所の追加」; before/after until the secretariat approves, then every worker shows the new name; read-only once no longer a member', async () => {
    const { page } = await newPage(browser);
    await signInToPortal(page, platform, TENANT, MEMBER);

    // A second tab opens another worker for editing before the first tab saves anything.
    const otherTab = await newPage(browser, { context: page.context() });
    await openWorkerForEditing(otherTab.page, SANTOS.nameLatin);

    // D3: the establishment's name, from a worker registered there; the form says whom it reaches.
    await openWorkerForEditing(page, HOA.nameLatin);
    await expectNoSeriousA11yViolations(page, 'member worker detail editing');
    await page.getByRole('button', { name: EDIT_SELECTED_ESTABLISHMENT }).click();
    const form = page.getByRole('dialog', { name: ESTABLISHMENT_CHANGE_FORM });
    await visible(form);
    await visible(form.getByText('この事業所に登録されている特定技能外国人 2 名すべてに反映されます。'));
    await labelled(form, '事業所名').fill(HONKAN_RENAMED);
    await labelled(form, '介護サービスの種類').selectOption({ label: '介護老人保健施設' });
    await expectNoSeriousA11yViolations(page, '受入れ事業所の変更');
    await screenshot(page, 'd3-establishment-change-form');
    await form.getByRole('button', { name: APPLY_ESTABLISHMENT_CHANGE, exact: true }).click();
    await hidden(form);
    await visible(page.getByText(M_D1, { exact: true }));
    await visible(page.getByText('この事業所に登録されている特定技能外国人 2 名すべてに反映されます。', { exact: false }));
    // Opened again, the form continues from the saved change (the council's select field included).
    await page.getByRole('button', { name: EDIT_SELECTED_ESTABLISHMENT }).click();
    await visible(form);
    expect(await labelled(form, '事業所名').inputValue()).toBe(HONKAN_RENAMED);
    expect(await labelled(form, '介護サービスの種類').inputValue()).toBe('health-facility');
    await form.getByRole('button', { name: 'キャンセル', exact: true }).click();
    await hidden(form);

    // The other tab's save is refused (the draft changed meanwhile) and says to reload, which starts over from the draft.
    await labelled(otherTab.page, '受入れ事業所').selectOption({ label: establishmentOption(BUNKAN) });
    await otherTab.page.getByRole('button', { name: SAVE_TO_DRAFT, exact: true }).click();
    await visible(otherTab.page.getByRole('alert').getByText('ほかの画面で変更内容が保存されました。', { exact: false }));
    await otherTab.page.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await visible(otherTab.page.getByRole('button', { name: EDIT_REGISTRATION, exact: true }));
    expect(await otherTab.page.getByRole('table', { name: '変更内容' }).count()).toBe(0);
    // D3 with D4 from the worker's screen: 「事業所の新規追加」 adds a second establishment for this worker.
    await otherTab.page.getByRole('button', { name: EDIT_REGISTRATION, exact: true }).click();
    await addNewEstablishmentForWorker(otherTab.page, GROUP_HOME);
    await visible(labelled(otherTab.page, '受入れ事業所（2カ所目）'));
    await saveToDraft(otherTab.page);
    await otherTab.page.close();

    // D3: a worker at the other establishment moves with the dropdown.
    await openWorkerForEditing(page, AT_BUNKAN.nameLatin);
    await labelled(page, '受入れ事業所').selectOption({ label: establishmentOption(HONKAN) });
    await saveToDraft(page);
    // Before and after side by side, marked 未申請 while in the draft.
    const linkChange = page.getByRole('table', { name: '変更内容' });
    await visible(linkChange.getByRole('cell', { name: BUNKAN.name }));
    await visible(linkChange.getByText('未申請'));
    await expectNoSeriousA11yViolations(page, 'member worker detail with a links change');
    await screenshot(page, 'd3-worker-links-before-after');
    await backToMyPage(page);
    await visible(workerRow(page, AT_BUNKAN.nameLatin).getByText('変更内容（未申請）'));

    // D4: ◆受入れ事業所情報 → 「登録内容を変更する」 → 「受入れ事業所の追加」.
    await memberWorkersSection(page).getByRole('link', { name: '受入れ事業所情報の確認および変更' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '受入れ事業所情報の確認および変更' }));
    await expectNoSeriousA11yViolations(page, 'member establishments');
    await page.getByRole('button', { name: EDIT_REGISTRATION, exact: true }).click();
    await addEstablishment(page, NEW_ESTABLISHMENT);
    await visible(page.getByText(M_D1, { exact: true }));
    const establishments = page.getByRole('table');
    const added = establishments.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NEW_ESTABLISHMENT.name }) });
    await visible(added.getByText('追加（未申請）'));
    const honkanRow = establishments.getByRole('row').filter({ has: page.getByRole('rowheader', { name: HONKAN.name, exact: true }) });
    await visible(honkanRow.getByText('2名'));
    await visible(page.getByRole('cell', { name: new RegExp(`^${HONKAN_RENAMED}`) }));
    await expectNoSeriousA11yViolations(page, 'member establishments with changes');
    await screenshot(page, 'd4-member-establishments-draft');
    await backToMyPage(page);

    // One submission holds the three changes (D6).
    const content = await submitDraftFromMyPage(page, '本館の名称変更と、ショートステイの開設に伴う配置換えのため');
    expect(content).toContain(HONKAN_RENAMED);
    expect(content).toContain(NEW_ESTABLISHMENT.name);
    expect(content).toContain(AT_BUNKAN.nameLatin);
    expect(content).toContain(GROUP_HOME.name);
    expect(content).toContain(SANTOS.nameLatin);
    await visible(workerRow(page, AT_BUNKAN.nameLatin).getByText('変更申請中'));
    await visible(workerRow(page, AT_BUNKAN.nameLatin).getByText(`変更前：${establishmentOption(BUNKAN)}`));
    await page.goto(platform.tenantUrl(TENANT, '/members/establishments'));
    await visible(page.getByRole('cell', { name: new RegExp(`^${HONKAN_RENAMED}`) }).getByText('申請中'));

    await approveChangesAsSecretariat(browser, platform, TENANT, SECRETARIAT, MEMBER.corporateName ?? '', {
      inspect: async (admin) => {
        await visible(admin.getByText('この変更は登録済みの特定技能外国人 2 名に反映されます'));
        await visible(admin.getByRole('heading', { name: new RegExp(`受入れ事業所の追加：${NEW_ESTABLISHMENT.name}`) }));
      },
      screenshotName: 'd3-d4-admin-change-request',
    });
    await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '登録内容の変更申請の審査が完了しました' });

    // Only the new values now: every worker at the edited establishment shows its new name.
    await page.goto(platform.tenantUrl(TENANT, '/'));
    for (const worker of [...AT_HONKAN, AT_BUNKAN]) {
      const row = workerRow(page, worker.nameLatin);
      await visible(row.getByText(establishmentOption({ ...HONKAN, name: HONKAN_RENAMED })));
      await visible(row.getByText('登録済み', { exact: true }));
    }
    expect(await memberWorkersSection(page).getByText('変更前：').count()).toBe(0);
    await visible(workerRow(page, SANTOS.nameLatin).getByText(establishmentOption(GROUP_HOME)));
    await page.goto(platform.tenantUrl(TENANT, '/members/establishments'));
    const approved = page.getByRole('table');
    await visible(approved.getByRole('rowheader', { name: HONKAN_RENAMED, exact: true }));
    await visible(
      approved
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: NEW_ESTABLISHMENT.name }) })
        .getByText('登録済み', { exact: true }),
    );
    await visible(
      approved
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: HONKAN_RENAMED, exact: true }) })
        .getByText('3名'),
    );
    expect(await page.getByText('申請中').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'member establishments approved');

    // An organisation that is no longer a member sees the same registration, read-only: no buttons.
    arrangeWithSql(
      platform,
      "update organisations set membership_state = 'withdrawn', withdrawn_at = now() where id = :'p1'",
      organisationId,
    );
    await page.reload();
    await visible(page.getByText('現在は登録内容を変更できません', { exact: false }));
    expect(await page.getByRole('button', { name: EDIT_REGISTRATION }).count()).toBe(0);
    await page.goto(platform.tenantUrl(TENANT, '/'));
    await visible(workerRow(page, HOA.nameLatin));
    expect(await memberWorkersSection(page).getByRole('link', { name: '特定技能外国人の追加' }).count()).toBe(0);
    await workerRow(page, HOA.nameLatin).getByRole('link', { name: /^詳細/ }).click();
    await visible(page.getByText('現在は登録内容を変更できません', { exact: false }));
    expect(await page.getByRole('button', { name: EDIT_REGISTRATION }).count()).toBe(0);
  });
});
