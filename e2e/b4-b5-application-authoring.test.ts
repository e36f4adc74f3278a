import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADD_ESTABLISHMENT,
  addEstablishment,
  chooseNationality,
  completeStep1,
  documentSlot,
  KAIGO_DOCUMENTS,
  REGISTER,
  REGISTER_WORKER,
  SAKURA_STEP1,
  SAVE_AND_UPLOAD,
  SUBMIT_APPLICATION,
  uploadAllDocuments,
  uploadFolder,
  writeBytes,
  writePdf,
} from './support/application';
import { expectNoSeriousA11yViolations, launchBrowser, screenshot, visible } from './support/browser';
import { mailFilesTo, waitForMail } from './support/mailbox';
import { labelled, onboardApplicant, type ProvisionalApplicant, waitForValue } from './support/onboarding';
import { type Platform, startPlatformForTest } from './support/platform';

const TENANT = 'kaigo';

const SAKURA: ProvisionalApplicant = {
  corporateName: '社会福祉法人さくら会',
  contactName: '佐藤 花子',
  email: 'sato@sakura-kai.example.jp',
  phone: '03-1234-5678',
  password: 'Sakura-2026-pass',
};

/** The manual's labels (p.6-7), exactly as the portal must show them. */
const ESTABLISHMENTS_SECTION = '◆受入れ事業所情報';
const WORKER_SECTION = '◆特定技能外国人情報の入力';
const DOCUMENTS_SECTION = '◆地方出入国在留管理局へ申請した書類等の写しをアップロード';
const SUBMIT = SUBMIT_APPLICATION;

/** The smallest PNG there is: what a user might rename to .pdf. */
const PNG_BYTES = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

describe('B4a-d, B5, C1, G9 application authoring (manual p.5-7)', () => {
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

  it('B4a-d/B5/C1: add establishments, register two workers with their documents, check and submit, receipt mail, then every edit is gone and refused', async () => {
    const folder = uploadFolder();
    const { page, close } = await onboardApplicant(browser, platform, TENANT, SAKURA);
    await completeStep1(page, SAKURA_STEP1);

    // B5 on マイページ: what is missing is listed with links, and the button says why it is not available.
    const submitCard = page.locator('section').filter({ has: page.getByRole('heading', { name: '申請', exact: true }) });
    await visible(submitCard.getByRole('link', { name: 'STEP2. 特定技能外国人が1人も登録されていません' }));
    expect(await submitCard.getByRole('button', { name: SUBMIT, exact: true }).getAttribute('aria-disabled')).toBe('true');
    await visible(submitCard.getByText('まだ申請できません', { exact: false }));
    await expectNoSeriousA11yViolations(page, 'my page with the checklist');
    await screenshot(page, 'b5-my-page-checklist');

    // Manual p.6: STEP2, one worker at a time.
    await page.getByRole('link', { name: REGISTER_WORKER, exact: true }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: REGISTER_WORKER }));
    await visible(page.getByRole('heading', { name: ESTABLISHMENTS_SECTION, exact: true }));
    await visible(page.getByRole('heading', { name: WORKER_SECTION, exact: true }));
    await visible(page.getByRole('heading', { name: DOCUMENTS_SECTION, exact: true }));
    // B4a: the first time there is nothing to choose: the page says so and offers 「受入れ事業所の追加」.
    await visible(page.getByText('まだ受入れ事業所が登録されていません。', { exact: false }));
    await expectNoSeriousA11yViolations(page, 'new worker, no establishment yet');
    await screenshot(page, 'b4a-worker-new-no-establishment');

    await addEstablishment(
      page,
      {
        name: '特別養護老人ホームさくら苑',
        postalCode: '1040061',
        prefecture: '東京都',
        city: '中央区',
        town: '銀座4-5-6',
        phone: '03-2345-6789',
        serviceType: '介護老人福祉施設（特別養護老人ホーム）',
      },
      { check: 'add establishment dialog' },
    );
    // Added establishments appear in the dropdown, and the new one is chosen.
    const firstEstablishment = labelled(page, '受入れ事業所');
    await visible(firstEstablishment);
    expect(await firstEstablishment.locator('option:checked').textContent()).toContain('特別養護老人ホームさくら苑');

    // B4b: name as on the residence card (lower case becomes upper case), nationality searched in Japanese, katakana optional.
    await labelled(page, '氏名（ローマ字）').fill('nguyen van an');
    await labelled(page, '氏名（ローマ字）').blur();
    expect(await labelled(page, '氏名（ローマ字）').inputValue()).toBe('NGUYEN VAN AN');
    await chooseNationality(page, 'べとな', 'ベトナム');
    await labelled(page, '氏名（カタカナ）').fill('ぐえん ばん あん');
    await labelled(page, '氏名（カタカナ）').blur();
    expect(await labelled(page, '氏名（カタカナ）').inputValue()).toBe('グエン バン アン');

    // The worker is saved before its documents go up; the page explains and then shows one slot per document.
    await visible(page.getByText('書類は、この特定技能外国人の情報を保存してからアップロードします。', { exact: false }));
    await page.getByRole('button', { name: SAVE_AND_UPLOAD, exact: true }).click();
    await visible(page.getByText('特定技能外国人の情報を保存しました。', { exact: false }));
    expect(page.url()).toMatch(/\/application\/workers\/[0-9a-f-]{36}$/);
    for (const document of KAIGO_DOCUMENTS) await visible(documentSlot(page, document.name).getByText('未アップロード', { exact: true }));
    await visible(documentSlot(page, '在留カードの写し').getByText('任意', { exact: true }));
    await visible(documentSlot(page, '在留カードの写し').getByText('既に在留カードをお持ちの方のみ', { exact: false }));
    await expectNoSeriousA11yViolations(page, 'worker page with empty upload slots');
    await screenshot(page, 'b4c-upload-slots-empty');

    // G9: the browser checks the type first; the server checks the bytes (a PNG renamed .pdf).
    const slot = documentSlot(page, KAIGO_DOCUMENTS[0].name);
    await slot.locator('input[type="file"]').setInputFiles(writeBytes(folder, 'photo.png', PNG_BYTES));
    await visible(slot.getByText('PDFファイルではありません。', { exact: false }));
    await slot.locator('input[type="file"]').setInputFiles(writeBytes(folder, 'renamed-photo.pdf', PNG_BYTES));
    await visible(slot.getByText('PDFファイルではありません。', { exact: false }));
    await visible(page.getByRole('status').filter({ hasText: 'をアップロードできませんでした。' }));
    await visible(slot.getByText('未アップロード', { exact: true }));
    await screenshot(page, 'b4c-upload-refused-not-pdf');

    // A larger file on a slow line: the progress bar is a real progressbar with its value, and the start is announced.
    const session = await page.context().newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 2_000_000,
      uploadThroughput: 400_000,
    });
    const bigFile = await writePdf(folder, 'employment-conditions-scan.pdf', 'Employment conditions (scan)', { padBytes: 1_500_000 });
    await slot.locator('input[type="file"]').setInputFiles(bigFile);
    const progress = page.getByRole('progressbar', { name: `${KAIGO_DOCUMENTS[0].name}のアップロード` });
    await visible(progress);
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await visible(page.getByRole('status').filter({ hasText: 'のアップロードを開始しました' }));
    await expectNoSeriousA11yViolations(page, 'upload widget while uploading');
    await screenshot(page, 'b4c-upload-in-progress');
    await session.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await visible(slot.getByText('アップロード済み', { exact: true }), 30_000);
    await visible(page.getByRole('status').filter({ hasText: 'のアップロードが完了しました' }));
    await session.detach();

    // The six documents (the first is replaced with 差し替え) and one other document with a typed name.
    await uploadAllDocuments(page, folder, 'nguyen');
    await visible(page.getByText('必須の書類：5件中5件アップロード済み'));
    await page.getByRole('button', { name: 'その他の書類を追加', exact: true }).click();
    await labelled(page, '書類の名称').fill('雇用契約書の写し');
    await page
      .getByLabel('雇用契約書の写し：ファイルを選択', { exact: true })
      .setInputFiles(await writePdf(folder, 'employment-contract.pdf', 'Employment contract'));
    const other = documentSlot(page, '雇用契約書の写し');
    await visible(other.getByText('アップロード済み', { exact: true }));
    await visible(other.getByRole('link', { name: /employment-contract\.pdf/ }));
    await expectNoSeriousA11yViolations(page, 'worker page with every document uploaded');
    await screenshot(page, 'b4c-documents-uploaded');

    // B4d: 「登録する」 saves and returns to マイページ.
    await page.getByRole('button', { name: REGISTER, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByText('NGUYEN VAN AN さんを登録しました。', { exact: false }));
    const workers = page.getByRole('table');
    const nguyen = workers.getByRole('row').filter({ hasText: 'NGUYEN VAN AN' });
    await visible(nguyen.getByText('ベトナム', { exact: true }));
    await visible(nguyen.getByText('特別養護老人ホームさくら苑', { exact: true }));
    await visible(nguyen.getByText('すべてアップロード済み', { exact: false }));

    // The second worker at a second establishment, added the same way.
    await page.getByRole('link', { name: REGISTER_WORKER, exact: true }).first().click();
    await visible(page.getByRole('heading', { name: ESTABLISHMENTS_SECTION, exact: true }));
    expect(await labelled(page, '受入れ事業所').locator('option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('特別養護老人ホームさくら苑')]),
    );
    await addEstablishment(page, {
      name: 'デイサービスさくら梅田',
      postalCode: '5300001',
      prefecture: '大阪府',
      city: '大阪市北区',
      town: '梅田1-1-1',
      phone: '06-1234-5678',
      serviceType: '通所介護',
    });
    expect(await labelled(page, '受入れ事業所').locator('option:checked').textContent()).toContain('デイサービスさくら梅田');
    await labelled(page, '氏名（ローマ字）').fill('SANTOS MARIA');
    await chooseNationality(page, 'ふぃりぴ', 'フィリピン');
    await page.getByRole('button', { name: SAVE_AND_UPLOAD, exact: true }).click();
    await visible(page.getByText('特定技能外国人の情報を保存しました。', { exact: false }));
    // Saved as new: focus moves to the documents, what comes next.
    await page.waitForFunction(() => document.activeElement?.id === 'documents-heading');
    // The upload is keyboard operable: the real file input takes focus, and Space opens the picker.
    const firstInput = documentSlot(page, KAIGO_DOCUMENTS[0].name).locator('input[type="file"]');
    await firstInput.focus();
    const chooser = page.waitForEvent('filechooser');
    // The focus is on the input itself (this round trip also lets the file-chooser interception start before the key).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file-employment-conditions');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(await writePdf(folder, 'santos-keyboard.pdf', 'Chosen with the keyboard'));
    await visible(documentSlot(page, KAIGO_DOCUMENTS[0].name).getByText('santos-keyboard.pdf', { exact: false }));
    await uploadAllDocuments(page, folder, 'santos');
    await page.getByRole('button', { name: REGISTER, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(workers.getByRole('row').filter({ hasText: 'SANTOS MARIA' }).getByText('デイサービスさくら梅田', { exact: true }));

    // B5: nothing missing; 「上記内容で申請を行う」 works and leads to the check page.
    await visible(submitCard.getByText('申請に必要な項目はすべてそろっています。'));
    const submitButton = submitCard.getByRole('button', { name: SUBMIT, exact: true });
    expect(await submitButton.getAttribute('aria-disabled')).toBeNull();
    await expectNoSeriousA11yViolations(page, 'my page, ready to submit');
    await screenshot(page, 'b5-my-page-complete');
    await submitButton.click();
    await visible(page.getByRole('heading', { level: 1, name: '申請内容の確認' }));
    for (const text of [
      '社会福祉法人さくら会',
      '7000012050002',
      '特別養護老人ホームさくら苑',
      'デイサービスさくら梅田',
      'NGUYEN VAN AN',
      'SANTOS MARIA',
      '雇用契約書の写し',
    ]) {
      await visible(page.getByText(text, { exact: false }));
    }
    await expectNoSeriousA11yViolations(page, 'check your application');
    await screenshot(page, 'b5-check-your-application');

    const mailBefore = await mailFilesTo(platform, SAKURA.email);
    await page.getByRole('button', { name: SUBMIT, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '入会申請を受け付けました' }));
    const referenceNumber = (await page.locator('.k-panel-confirmation__number').textContent()) ?? '';
    expect(referenceNumber).toMatch(/^KAIGO-\d{4}-\d{6}$/);
    await visible(page.getByText('1〜2週間', { exact: false }));
    await expectNoSeriousA11yViolations(page, 'application received');
    await screenshot(page, 'b5-application-received');

    // The receipt mail names the reference number.
    const receipt = await waitForMail(platform, { to: SAKURA.email, notIn: mailBefore });
    expect(`${receipt.subject}\n${receipt.text}`).toContain(referenceNumber);

    // C1: マイページ shows the status and how to ask for changes; every edit control is gone.
    await page.getByRole('link', { name: 'マイページへ', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByText('申請済み（審査待ち）', { exact: true }));
    await visible(page.getByText(referenceNumber, { exact: true }));
    await visible(page.getByText('現在、申請内容は変更できません'));
    await visible(page.getByRole('heading', { name: '事務局の連絡先' }));
    expect(await page.getByRole('link', { name: REGISTER_WORKER, exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^削除/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: SUBMIT, exact: true }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'my page after submission');
    await screenshot(page, 'c1-my-page-submitted');

    await workers.getByRole('link', { name: '表示（NGUYEN VAN AN）', exact: true }).click();
    await visible(page.getByText('申請は審査中のため、特定技能外国人の情報は変更できません。', { exact: false }));
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    for (const name of [REGISTER, ADD_ESTABLISHMENT, 'その他の書類を追加', SAVE_AND_UPLOAD]) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: /削除|差し替え/ }).count()).toBe(0);
    expect(await labelled(page, '氏名（ローマ字）').getAttribute('readonly')).not.toBeNull();
    await expectNoSeriousA11yViolations(page, 'worker page under review');
    await screenshot(page, 'c1-worker-under-review');

    // C1: the API refuses a direct edit with the same session (not only hidden in the UI).
    const origin = platform.baseUrl;
    const refused = await page.request.post(platform.tenantUrl(TENANT, '/api/portal/trpc/establishment.create'), {
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      data: {
        json: {
          name: '後から追加する事業所',
          postalCode: '1040061',
          prefecture: '東京都',
          city: '中央区',
          town: '銀座7-7-7',
          phone: '03-9876-5432',
          extra: { serviceType: 'day-care' },
        },
      },
    });
    expect(refused.status()).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('application.lockedUnderReview');
    const workerId = page.url().split('/').pop() ?? '';
    const refusedUpload = await page.request.put(
      platform.tenantUrl(TENANT, `/api/portal/files/workers/${workerId}/documents/${KAIGO_DOCUMENTS[0].key}`),
      {
        headers: { Origin: origin, 'Content-Type': 'application/pdf', 'X-File-Name': 'late.pdf' },
        data: readFileSync(bigFile),
      },
    );
    expect(refusedUpload.status()).toBe(403);
    expect(JSON.stringify(await refusedUpload.json())).toContain('application.lockedUnderReview');
    await close();
  });

  it('B4/G5: 200 workers page 20 at a time; HTML in a name is shown as text; the worker page in English', async () => {
    const applicant: ProvisionalApplicant = {
      corporateName: '株式会社ひかりケア',
      contactName: '中村 光',
      email: 'nakamura@hikari-care.example.jp',
      phone: '045-123-4567',
      password: 'Hikari-care-2026',
    };
    const { page, close } = await onboardApplicant(browser, platform, TENANT, applicant);
    const trpc = async (procedure: string, input: unknown): Promise<unknown> => {
      const response = await page.request.post(platform.tenantUrl(TENANT, `/api/portal/trpc/${procedure}`), {
        headers: { Origin: platform.baseUrl, 'Content-Type': 'application/json' },
        data: { json: input },
      });
      const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
      if (!response.ok()) throw new Error(`${procedure} answered ${response.status()}: ${JSON.stringify(body)}`);
      return body.result?.data?.json;
    };
    // Arranged through the API the portal uses (200 workers by hand would take an afternoon).
    const htmlName = '<img src=x onerror="window.__xss=1">ひかり苑';
    const establishment = (await trpc('establishment.create', {
      name: htmlName,
      postalCode: '2310023',
      prefecture: '神奈川県',
      city: '横浜市中区',
      town: '山下町1-1',
      phone: '045-123-4568',
      extra: { serviceType: 'day-care' },
    })) as { id: string };
    for (let n = 1; n <= 200; n += 1) {
      const letters = String.fromCharCode(65 + (Math.floor((n - 1) / 26) % 26), 65 + ((n - 1) % 26));
      await trpc('worker.create', { nameLatin: `WORKER ${letters}`, nationality: 'ID', extra: {}, establishmentIds: [establishment.id] });
    }

    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));
    await visible(page.getByText('200人登録済み（1〜20人目を表示）'));
    const table = page.getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(20);
    // The name is text, never markup.
    await visible(table.getByText(htmlName, { exact: true }));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.getByRole('button', { name: '次の20人', exact: true }).click();
    await visible(page.getByText('200人登録済み（21〜40人目を表示）'));
    await page.getByRole('button', { name: '前の20人', exact: true }).click();
    await visible(page.getByText('200人登録済み（1〜20人目を表示）'));
    // The checklist names ten workers' gaps and counts the rest, rather than listing a thousand documents.
    const checklist = page.locator('ul.k-checklist');
    expect(await checklist.getByRole('link', { name: /^WORKER [A-Z]{2}：未アップロードの書類 5件/ }).count()).toBe(10);
    await visible(page.getByText('ほかに190人の特定技能外国人にも、そろっていない項目があります。', { exact: false }));
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(10_000);
    await expectNoSeriousA11yViolations(page, 'my page with 200 workers');
    await screenshot(page, 'b4-my-page-200-workers');

    // 削除 asks first, then the worker is gone from the list.
    await table.getByRole('button', { name: '削除（WORKER AA）', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: '特定技能外国人の登録を削除しますか？' });
    await visible(confirm);
    await expectNoSeriousA11yViolations(page, 'delete worker confirmation');
    await confirm.getByRole('button', { name: '削除する', exact: true }).click();
    await visible(page.getByText('WORKER AA さんの登録を削除しました。', { exact: false }));
    await visible(page.getByText('199人登録済み（1〜20人目を表示）'));

    // At phone width the page does not scroll sideways (the table scrolls inside its own region).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await table
      .getByRole('link', { name: /^修正（/ })
      .first()
      .click();
    await visible(page.getByRole('heading', { name: '◆受入れ事業所情報', exact: true }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'b4-worker-page-mobile');
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('link', { name: 'マイページへ戻る', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'マイページ' }));

    // G5: the worker page in English, the choices named in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await table
      .getByRole('link', { name: /^Edit \(/ })
      .first()
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'STEP2. Register a Specified Skilled Worker' }));
    await visible(page.getByRole('heading', { name: '◆ Accepting establishments', exact: true }));
    await visible(page.getByRole('combobox', { name: /^Nationality/ }));
    await waitForValue(page.getByRole('combobox', { name: /^Nationality/ }), 'Indonesia');
    await visible(page.getByText('Not uploaded', { exact: true }));
    await expectNoSeriousA11yViolations(page, 'worker page in English');
    await screenshot(page, 'b4-worker-page-en');
    await page.getByRole('button', { name: '日本語', exact: true }).click();
    await close();
  });
});
