import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseNationality, documentSlot, KAIGO_DOCUMENTS, uploadAllDocuments, uploadFolder } from './support/application';
import { expectNoSeriousA11yViolations, newPage, screenshot, visible } from './support/browser';
import { waitForMail } from './support/mailbox';
import {
  ADD_WORKER,
  approveChangesAsSecretariat,
  arrangeRegisteredEstablishment,
  arrangeRegisteredWorker,
  backToMyPage,
  establishmentOption,
  memberInfoSection,
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
  key: 'aozora',
  journey: 'd2',
  corporateName: '社会福祉法人あおぞら会',
  memberName: '鈴木 一郎',
  secretariatName: '事務局 二郎',
});
const { member: MEMBER, contactEmail: CONTACT_EMAIL, secretariat: SECRETARIAT } = ACCOUNTS;
const HONKAN: RegisteredEstablishment = {
  name: '特別養護老人ホームあおぞら',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座4-5-6',
  phone: '0355550000',
  serviceType: 'nursing-home',
};
const REGISTERED_WORKER = { nameLatin: 'TRAN THI BINH', nationality: 'VN' };
const NEW_WORKER = 'NGUYEN VAN AN';
const DROPPED_WORKER = 'LE VAN BAO';

describe('D2 a member adds a Specified Skilled Worker after joining: 「特定技能外国人の追加」, documents, one change request, reviewed', () => {
  let journey: ChangeJourney | undefined;
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    journey = await startChangeJourney(ACCOUNTS, 'KAIGO-M2026-000201');
    ({ platform, browser } = journey);
    const { organisationId } = journey;
    const honkanId = arrangeRegisteredEstablishment(platform, organisationId, HONKAN);
    arrangeRegisteredWorker(platform, organisationId, REGISTERED_WORKER, [honkanId]);
  });
  afterAll(() => journey?.stop());

  it('D2 D6: 「特定技能外国人の追加」 (yellow) → STEP2 form without 一時保存 → 「申請登録情報を変更する」 → M-D1 → documents → 「上記の内容で変更申請を行う」 → 「申請を行う」; the secretariat approves; the worker is registered with the documents, the mail arrives, the history lists it', async () => {
    const { page } = await newPage(browser);
    await signInToPortal(page, platform, TENANT, MEMBER);
    await visible(workerRow(page, REGISTERED_WORKER.nameLatin));
    await expectNoSeriousA11yViolations(page, 'my page with member workers');

    // 「特定技能外国人の追加」 is the yellow button of マイページ.
    const addButton = memberWorkersSection(page).getByRole('link', { name: ADD_WORKER, exact: true });
    expect(await addButton.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(245, 196, 0)');
    await addButton.click();
    await visible(page.getByRole('heading', { level: 1, name: ADD_WORKER }));
    // As STEP2 but without 一時保存: saving is 「申請登録情報を変更する」 (green).
    expect(await page.getByRole('button', { name: '一時保存' }).count()).toBe(0);
    const saveButton = page.getByRole('button', { name: SAVE_TO_DRAFT, exact: true });
    expect(await saveButton.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(28, 107, 55)');
    await expectNoSeriousA11yViolations(page, 'worker addition form');

    // Nothing entered: the API's own schema explains, as on STEP2.
    await saveButton.click();
    await visible(page.getByRole('alert').getByRole('link', { name: /氏名（ローマ字）/ }));

    await labelled(page, '受入れ事業所').selectOption({ label: establishmentOption(HONKAN) });
    await labelled(page, '氏名（ローマ字）').fill('nguyen van an');
    await chooseNationality(page, 'べとなむ', 'ベトナム');
    await saveToDraft(page);
    await visible(page.getByText(`${NEW_WORKER} さんの追加は、まだ申請されていません。`, { exact: false }));
    expect(page.url()).toMatch(/\/members\/workers\/additions\/[0-9a-f-]{36}$/);

    // The documents of the worker being added, as on STEP2.
    const folder = uploadFolder();
    await uploadAllDocuments(page, folder, 'nguyen-van-an');
    await expectNoSeriousA11yViolations(page, 'worker addition with documents');
    await screenshot(page, 'd2-worker-addition');
    await backToMyPage(page);

    // マイページ: the worker is listed as an addition not yet requested; the draft holds it.
    await visible(workerRow(page, NEW_WORKER).getByText('追加（未申請）'));

    // A second addition, taken out of the draft again with 「この追加を取り消す」.
    await memberWorkersSection(page).getByRole('link', { name: ADD_WORKER, exact: true }).click();
    await labelled(page, '受入れ事業所').selectOption({ label: establishmentOption(HONKAN) });
    await labelled(page, '氏名（ローマ字）').fill(DROPPED_WORKER);
    await chooseNationality(page, 'べとなむ', 'ベトナム');
    await saveToDraft(page);
    await page.getByRole('button', { name: 'この追加を取り消す' }).click();
    await page
      .getByRole('alertdialog', { name: '特定技能外国人の追加を取り消しますか？' })
      .getByRole('button', { name: '取り消す', exact: true })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByText('変更内容から削除しました。'));
    await visible(workerRow(page, NEW_WORKER));
    expect(await workerRow(page, DROPPED_WORKER).count()).toBe(0);

    const content = await submitDraftFromMyPage(page, '新たに1名を受け入れるため');
    expect(content).toContain(NEW_WORKER);
    expect(content).not.toContain(DROPPED_WORKER);
    await visible(workerRow(page, NEW_WORKER).getByText('追加申請中'));
    // Submitted: the addition is shown as sent, read-only, until the secretariat decides.
    await workerRow(page, NEW_WORKER).getByRole('link', { name: /^詳細/ }).click();
    await visible(page.getByText('この特定技能外国人の追加は申請済みです。', { exact: false }));
    expect(await page.getByRole('button', { name: SAVE_TO_DRAFT }).count()).toBe(0);
    await visible(documentSlot(page, KAIGO_DOCUMENTS[0].name).getByText('アップロード済み', { exact: true }));
    expect(await documentSlot(page, KAIGO_DOCUMENTS[0].name).getByRole('button').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'worker addition requested');
    await page.getByRole('link', { name: 'マイページへ戻る' }).click();
    await expectNoSeriousA11yViolations(page, 'my page with a worker addition requested');
    await screenshot(page, 'd2-mypage-requested');

    // The secretariat sees the worker and its documents, and approves (no ministry step for workers).
    await approveChangesAsSecretariat(browser, platform, TENANT, SECRETARIAT, MEMBER.corporateName ?? '', {
      inspect: async (admin) => {
        await visible(admin.getByRole('heading', { name: `特定技能外国人の追加：${NEW_WORKER}` }));
        await visible(admin.getByText('新たに1名を受け入れるため'));
        await visible(admin.getByText(KAIGO_DOCUMENTS[0].name).first());
      },
      screenshotName: 'd2-admin-change-request',
    });
    await waitForMail(platform, { to: CONTACT_EMAIL, subjectIncludes: '登録内容の変更申請の審査が完了しました' });

    // Registered now: listed as such, in the history, and its documents went with it.
    await page.goto(platform.tenantUrl(TENANT, '/'));
    await visible(workerRow(page, NEW_WORKER).getByText('登録済み', { exact: true }));
    const history = memberInfoSection(page).getByRole('table', { name: '変更履歴' });
    await visible(history.getByRole('row', { name: new RegExp(NEW_WORKER) }).first());
    await visible(history.getByText('新たに1名を受け入れるため').first());
    await workerRow(page, NEW_WORKER).getByRole('link', { name: /^詳細/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: '特定技能外国人の登録内容' }));
    await visible(page.getByText(NEW_WORKER, { exact: true }));
    await visible(page.getByText(establishmentOption(HONKAN)));
    await visible(documentSlot(page, KAIGO_DOCUMENTS[0].name).getByText('アップロード済み', { exact: true }));
    await expectNoSeriousA11yViolations(page, 'member worker detail');
  });
});
