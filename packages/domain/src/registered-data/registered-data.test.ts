import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryName, isCountryCode } from '../country/countries';
import type { TCustomField, TTenantConfig } from '../tenant/tenant-config';
import { applicationChecklist, formatReferenceNumber } from './application-checklist';
import { checkCustomFields } from './custom-fields';
import {
  documentMaxBytes,
  documentSlots,
  missingDocumentKeys,
  requiredDocumentKeys,
  requiredWorkerDocumentKeys,
  ZDocumentName,
} from './documents';
import { ZEstablishmentValues } from './establishment-form';
import { ZWorkerValues } from './worker-form';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message]);

const MB = 1024 * 1024;
const config: Pick<TTenantConfig, 'requiredDocuments' | 'corporateNumberRequired'> = {
  corporateNumberRequired: true,
  requiredDocuments: [
    {
      key: 'employment-conditions',
      nameJa: '雇用条件書',
      nameEn: 'Employment conditions',
      required: true,
      scope: 'worker',
      maxBytes: 10 * MB,
    },
    { key: 'residence-card', nameJa: '在留カード', nameEn: 'Residence card', required: false, scope: 'worker', maxBytes: 5 * MB },
    { key: 'permit', nameJa: '許可証', nameEn: 'Permit', required: true, scope: 'establishment', maxBytes: 5 * MB },
    { key: 'floor-plan', nameJa: '平面図', nameEn: 'Floor plan', required: false, scope: 'establishment', maxBytes: 2 * MB },
    { key: 'register', nameJa: '登記事項証明書', nameEn: 'Register extract', required: true, scope: 'organisation', maxBytes: 3 * MB },
  ],
};

describe('B4b nationality list', () => {
  it('B4b holds every ISO 3166-1 code once with Japanese and English names', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    for (const country of COUNTRIES) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.ja.length).toBeGreaterThan(0);
      expect(country.en.length).toBeGreaterThan(0);
    }
    expect(countryName('VN')).toBe('ベトナム');
    expect(countryName('CN')).toBe('中国');
    expect(countryName('PH', 'en')).toBe('Philippines');
    expect(isCountryCode('JP')).toBe(true);
    expect(isCountryCode('ZZ')).toBe(false);
    expect(isCountryCode('jp')).toBe(false);
  });
});

describe('B4a establishment form', () => {
  const valid = {
    name: '特別養護老人ホーム　さくら苑',
    postalCode: '１０４－００６１',
    prefecture: '東京都',
    city: '中央区',
    town: '銀座7-17-14',
    phone: '０３（１２３４）５６７８',
    extra: { serviceType: 'nursing-home' },
  };

  it('B4a normalises like STEP1 (postal code digits, phone, widths); building is optional', () => {
    expect(ZEstablishmentValues.parse(valid)).toEqual({
      ...valid,
      name: '特別養護老人ホーム さくら苑',
      postalCode: '1040061',
      phone: '03-1234-5678',
      building: null,
    });
  });

  it('B4a refuses what is there and wrong, next to its field', () => {
    const result = ZEstablishmentValues.safeParse({ ...valid, name: '  ', postalCode: '12', phone: 'abc', town: undefined });
    expect(issuesOf(result)).toEqual([
      ['name', 'validation.required'],
      ['postalCode', 'organisation.postalCodeInvalid'],
      ['town', 'validation.required'],
      ['phone', 'validation.phone'],
    ]);
  });

  it('B4a keeps HTML in a name as text', () => {
    expect(ZEstablishmentValues.parse({ ...valid, name: '<script>alert(1)</script>' }).name).toBe('<script>alert(1)</script>');
  });
});

describe('B4a-b tenant custom fields', () => {
  const fields: TCustomField[] = [
    {
      key: 'serviceType',
      labelJa: '種類',
      labelEn: 'Type',
      type: 'select',
      required: true,
      options: [{ value: 'day-care', labelJa: '通所', labelEn: 'Day' }],
    },
    { key: 'passedOn', labelJa: '合格日', labelEn: 'Passed on', type: 'date', required: false },
    { key: 'note', labelJa: '備考', labelEn: 'Note', type: 'text', required: false, maxLength: 5 },
  ];

  it('B4a required ones present, select values among the options, dates real, text within its length', () => {
    expect(checkCustomFields(fields, {})).toEqual({
      values: {},
      issues: [{ path: 'extra.serviceType', messageKey: 'validation.required' }],
    });
    expect(checkCustomFields(fields, { serviceType: 'spa', passedOn: '2026-02-30', note: '123456' }).issues).toEqual([
      { path: 'extra.serviceType', messageKey: 'validation.invalid' },
      { path: 'extra.passedOn', messageKey: 'validation.invalid' },
      { path: 'extra.note', messageKey: 'validation.tooLong', messageParams: { max: 5 } },
    ]);
    expect(checkCustomFields(fields, { serviceType: 'day-care', passedOn: '２０２６－０２－２８', note: 'ok', unknown: 'x' })).toEqual({
      values: { serviceType: 'day-care', passedOn: '2026-02-28', note: 'ok' },
      issues: [],
    });
  });
});

describe('B4b worker form', () => {
  const valid = { nameLatin: 'nguyen van a', nationality: 'vn', extra: {}, establishmentIds: ['8f0b1a4e-5f38-4e1c-9a55-0a4cf1b5f001'] };

  it('B4b name upper-cased as on the residence card; kana half-width converted; ids de-duplicated', () => {
    const id = valid.establishmentIds[0] ?? '';
    expect(
      ZWorkerValues.parse({ ...valid, nameLatin: ' o’brien  jean-pierre ', nameKana: 'ｸﾞｴﾝ ﾊﾞﾝ ｱ', establishmentIds: [id, id] }),
    ).toEqual({
      nameLatin: "O'BRIEN JEAN-PIERRE",
      nationality: 'VN',
      nameKana: 'グエン バン ア',
      extra: {},
      establishmentIds: [id],
    });
    expect(ZWorkerValues.parse({ ...valid, nameKana: '' }).nameKana).toBeNull();
  });

  it('B4b refuses non-Latin names, unknown nationalities, non-katakana readings and no establishment', () => {
    const result = ZWorkerValues.safeParse({ nameLatin: '<script>', nationality: 'XX', nameKana: '漢字', extra: {}, establishmentIds: [] });
    expect(issuesOf(result)).toEqual([
      ['nameLatin', 'worker.nameLatinInvalid'],
      ['nationality', 'worker.nationalityInvalid'],
      ['nameKana', 'organisation.kanaOnly'],
      ['establishmentIds', 'worker.establishmentRequired'],
    ]);
    expect(issuesOf(ZWorkerValues.safeParse({ ...valid, nameLatin: 'グエン' }))).toEqual([['nameLatin', 'worker.nameLatinInvalid']]);
    expect(issuesOf(ZWorkerValues.safeParse({ ...valid, establishmentIds: undefined }))).toEqual([
      ['establishmentIds', 'worker.establishmentRequired'],
    ]);
  });
});

describe('B4c document slots', () => {
  it('B4c worker slots are the tenant documents of scope worker; other documents get 10 MB', () => {
    expect(documentSlots(config, 'worker').map((slot) => slot.key)).toEqual(['employment-conditions', 'residence-card']);
    expect(requiredWorkerDocumentKeys(config)).toEqual(['employment-conditions']);
    expect(missingDocumentKeys(['a', 'b'], ['b', 'c'])).toEqual(['a']);
    expect(documentMaxBytes(config, 'worker', 'residence-card')).toBe(5 * MB);
    expect(documentMaxBytes(config, 'worker', 'other')).toBe(10 * MB);
    expect(documentMaxBytes(config, 'worker', 'permit')).toBeNull();
    expect(documentMaxBytes(config, 'worker', 'nope')).toBeNull();
  });

  it('B4c establishment and organisation slots are their scope’s documents with their own limits; other documents are a worker’s only', () => {
    expect(documentSlots(config, 'establishment').map((slot) => slot.key)).toEqual(['permit', 'floor-plan']);
    expect(requiredDocumentKeys(config, 'establishment')).toEqual(['permit']);
    expect(documentSlots(config, 'organisation').map((slot) => slot.key)).toEqual(['register']);
    expect(requiredDocumentKeys(config, 'organisation')).toEqual(['register']);
    expect(documentMaxBytes(config, 'establishment', 'permit')).toBe(5 * MB);
    expect(documentMaxBytes(config, 'establishment', 'floor-plan')).toBe(2 * MB);
    expect(documentMaxBytes(config, 'organisation', 'register')).toBe(3 * MB);
    expect(documentMaxBytes(config, 'establishment', 'employment-conditions')).toBeNull();
    expect(documentMaxBytes(config, 'organisation', 'permit')).toBeNull();
    expect(documentMaxBytes(config, 'establishment', 'other')).toBeNull();
    expect(documentMaxBytes(config, 'organisation', 'other')).toBeNull();
  });

  it('B4c the name of an other document is required and at most 100 characters', () => {
    expect(ZDocumentName.parse('  雇用契約書　写し ')).toBe('雇用契約書 写し');
    expect(issuesOf(ZDocumentName.safeParse(' '))).toEqual([['', 'document.nameRequired']]);
    expect(issuesOf(ZDocumentName.safeParse('あ'.repeat(101)))).toEqual([['', 'document.nameTooLong']]);
  });
});

describe('B5 application checklist', () => {
  const step1 = {
    corporateName: '社会福祉法人さくら会',
    corporateNameKana: 'シャカイフクシホウジンサクラカイ',
    corporateNumber: '7000012050002',
    postalCode: '1040061',
    prefecture: '東京都',
    city: '中央区',
    town: '銀座',
    representativeTitle: '理事長',
    representativeName: '山田 太郎',
    phone: '03-6206-1262',
    contactName: '佐藤 花子',
    contactEmail: 'hanako@example.jp',
    contactPhone: '03-6206-1262',
  };

  it('B5 lists missing STEP1 fields, no workers, and each worker’s missing establishment and required documents', () => {
    const noEntityGaps = { establishments: [], organisationDocumentKeys: ['register'] };
    expect(applicationChecklist({ organisation: { ...step1, corporateNumber: null }, config, workers: [], ...noEntityGaps })).toEqual({
      isComplete: false,
      items: [{ kind: 'step1', field: 'corporateNumber' }, { kind: 'workers' }],
    });
    const result = applicationChecklist({
      organisation: step1,
      config,
      workers: [
        { id: 'w1', nameLatin: 'A', establishmentCount: 0, documentKeys: ['residence-card'] },
        { id: 'w2', nameLatin: 'B', establishmentCount: 1, documentKeys: ['employment-conditions'] },
      ],
      ...noEntityGaps,
    });
    expect(result).toEqual({
      isComplete: false,
      items: [
        { kind: 'establishment', workerId: 'w1', workerName: 'A' },
        {
          kind: 'document',
          workerId: 'w1',
          workerName: 'A',
          documentKey: 'employment-conditions',
          documentNameJa: '雇用条件書',
          documentNameEn: 'Employment conditions',
        },
      ],
    });
  });

  it('B5 complete when STEP1 is filled (法人番号 per tenant) and every worker has its required documents', () => {
    const workers = [{ id: 'w', nameLatin: 'A', establishmentCount: 1, documentKeys: ['employment-conditions'] }];
    const entities = {
      establishments: [{ id: 'e', name: '本店', workerCount: 1, documentKeys: ['permit'] }],
      organisationDocumentKeys: ['register'],
    };
    expect(applicationChecklist({ organisation: step1, config, workers, ...entities })).toEqual({ isComplete: true, items: [] });
    expect(
      applicationChecklist({
        organisation: { ...step1, corporateNumber: null },
        config: { ...config, corporateNumberRequired: false },
        workers,
        ...entities,
      }),
    ).toEqual({ isComplete: true, items: [] });
  });

  it('B5 lists the organisation’s required documents and those of every establishment a worker is registered at, with what links to the slot', () => {
    const workers = [{ id: 'w', nameLatin: 'A', establishmentCount: 1, documentKeys: ['employment-conditions'] }];
    const result = applicationChecklist({
      organisation: step1,
      config,
      workers,
      establishments: [
        { id: 'e1', name: '本店', workerCount: 1, documentKeys: ['floor-plan'] },
        // Nobody works here: its documents are not part of the application.
        { id: 'e2', name: '支店', workerCount: 0, documentKeys: [] },
        { id: 'e3', name: '駅前店', workerCount: 2, documentKeys: ['permit'] },
      ],
      organisationDocumentKeys: ['permit'],
    });
    expect(result).toEqual({
      isComplete: false,
      items: [
        { kind: 'organisationDocument', documentKey: 'register', documentNameJa: '登記事項証明書', documentNameEn: 'Register extract' },
        {
          kind: 'establishmentDocument',
          establishmentId: 'e1',
          establishmentName: '本店',
          documentKey: 'permit',
          documentNameJa: '許可証',
          documentNameEn: 'Permit',
        },
      ],
    });
  });

  it('B5 a tenant without establishment or organisation documents (care) asks for none', () => {
    const careLike = { ...config, requiredDocuments: config.requiredDocuments.filter((doc) => doc.scope === 'worker') };
    const result = applicationChecklist({
      organisation: step1,
      config: careLike,
      workers: [{ id: 'w', nameLatin: 'A', establishmentCount: 1, documentKeys: ['employment-conditions'] }],
      establishments: [{ id: 'e', name: '本店', workerCount: 1, documentKeys: [] }],
      organisationDocumentKeys: [],
    });
    expect(result).toEqual({ isComplete: true, items: [] });
  });

  it('B5 reference numbers: slug in capitals, year, six digits', () => {
    expect(formatReferenceNumber('kaigo', 2026, 42)).toBe('KAIGO-2026-000042');
  });
});
