import { unsafeGetTenantBySlug } from '@kyogikai/db';
import { createTenantFixture, createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TenantConfigFileError,
  unsafeExportTenantConfig,
  unsafeImportTenantConfig,
  unsafePublishConsentDocument,
  unsafeTenantConfigHistory,
} from '../src/platform/tenant-config-store';

describe('G2 tenant configuration as data: export, import, versions, consent documents', () => {
  let testDb: TestDatabase;
  let slug: string;
  const by = { createdBy: 'test-operator' };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    slug = (await createTenantFixture(testDb.owner)).slug;
  });
  afterAll(() => testDb.drop());

  it('a valid file imports and exports round-trip identical; an unchanged import is a no-op', async () => {
    const exported = await unsafeExportTenantConfig(testDb.owner, slug);
    expect(await unsafeImportTenantConfig(testDb.owner, slug, exported, by)).toEqual({ version: null });

    const edited = JSON.parse(exported);
    edited.config.reviewTargetWorkingDays = 7;
    edited.nameEn = 'Renamed Council';
    const text = `${JSON.stringify(edited, null, 2)}\n`;
    const { version } = await unsafeImportTenantConfig(testDb.owner, slug, text, by);
    expect(version).toBeGreaterThan(0);
    expect(await unsafeExportTenantConfig(testDb.owner, slug)).toBe(text);
    const tenant = await unsafeGetTenantBySlug(testDb.owner, slug);
    expect(tenant?.config.reviewTargetWorkingDays).toBe(7);
  });

  it('a file with errors is refused with the path of each error, and changes nothing', async () => {
    const before = await unsafeExportTenantConfig(testDb.owner, slug);
    const bad = JSON.parse(before);
    bad.config.requiredDocuments[0].maxBytes = 0;
    bad.config.consentDocuments.pop();
    bad.config.unknownSetting = true;
    const attempt = unsafeImportTenantConfig(testDb.owner, slug, JSON.stringify(bad), by);
    await expect(attempt).rejects.toBeInstanceOf(TenantConfigFileError);
    const problems = await attempt.catch((error: TenantConfigFileError) => error.problems);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config\.requiredDocuments\.0\.maxBytes: /),
        expect.stringMatching(/^config: .*unknownSetting/),
        expect.stringMatching(/^config\.consentDocuments: consent document "membership-rules" must appear exactly once/),
      ]),
    );
    await expect(unsafeImportTenantConfig(testDb.owner, slug, '{ not json', by)).rejects.toThrow(/not valid JSON/);
    expect(await unsafeExportTenantConfig(testDb.owner, slug)).toBe(before);
  });

  it('A3 publishing a consent document makes a new configuration version; a reused version label is refused', async () => {
    const result = await unsafePublishConsentDocument(
      testDb.owner,
      slug,
      { key: 'privacy-policy', version: '2027.1', body: '改定後のプライバシーポリシー' },
      by,
    );
    const tenant = await unsafeGetTenantBySlug(testDb.owner, slug);
    expect(tenant?.config.consentDocuments.find((d) => d.key === 'privacy-policy')).toMatchObject({
      version: '2027.1',
      body: '改定後のプライバシーポリシー',
    });
    const history = await unsafeTenantConfigHistory(testDb.owner, slug);
    expect(history[0]).toMatchObject({ version: result.version, createdBy: 'test-operator', note: 'publish privacy-policy 2027.1' });
    await expect(
      unsafePublishConsentDocument(testDb.owner, slug, { key: 'privacy-policy', version: '2027.1', body: 'x' }, by),
    ).rejects.toThrow(/already published/);
  });
});
