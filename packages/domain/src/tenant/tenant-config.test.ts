import { describe, expect, it } from 'vitest';
import { describeConfigIssues, type TTenantConfig, ZTenantConfig, ZTenantConfigFile } from './tenant-config';

const valid: TTenantConfig = {
  version: 1,
  issuer: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare' },
  secretariatContact: { name: '事務局', email: 'office@example.jp', phone: '03-0000-0000', hours: '平日 10:00〜17:00' },
  mailSender: { name: '協議会', address: 'no-reply@example.jp' },
  consentDocuments: [
    { key: 'privacy-policy', titleJa: 'プライバシーポリシー', titleEn: 'Privacy policy', version: '1', body: '本文' },
    { key: 'charter', titleJa: '設置要綱', titleEn: 'Charter', version: '1', body: '本文' },
    { key: 'membership-rules', titleJa: '入会規程', titleEn: 'Membership rules', version: '1', body: '本文' },
  ],
  requiredDocuments: [
    {
      key: 'residence-card',
      nameJa: '在留カードの写し',
      nameEn: 'Residence card',
      required: false,
      scope: 'worker',
      maxBytes: 10_485_760,
      noteJa: '所持者のみ',
    },
  ],
  approvalSteps: 'secretariat-then-ministry',
  reviewTargetWorkingDays: 10,
  allowSupportOrganisations: true,
  corporateNumberRequired: true,
  customFields: {
    establishment: [
      {
        key: 'serviceType',
        labelJa: 'サービス種別',
        labelEn: 'Service type',
        type: 'select',
        required: true,
        options: [{ value: 'home-care', labelJa: '訪問介護', labelEn: 'Home care' }],
      },
    ],
    worker: [],
  },
  certificate: {
    titleJa: '入会証明書',
    titleEn: 'Certificate of membership',
    fields: ['corporateName', 'corporateAddress', 'representativeTitle', 'representativeName'],
    bodyJa: '上記の者は、本協議会の構成員であることを証明します。',
    issuerLineJa: '厚生労働省',
  },
  withdrawalNotesJa: '退会の注意事項',
  withdrawalNotesEn: 'Notes on withdrawal',
  retentionYears: 5,
  accountLinkValidityHours: 72,
};

describe('ZTenantConfig (SPEC G2)', () => {
  it('accepts a complete council config', () => {
    expect(ZTenantConfig.parse(valid)).toEqual(valid);
  });

  it('rejects unknown keys, because configs are strict objects', () => {
    expect(ZTenantConfig.safeParse({ ...valid, theme: 'blue' }).success).toBe(false);
    expect(ZTenantConfig.safeParse({ ...valid, issuer: { ...valid.issuer, logo: 'x' } }).success).toBe(false);
  });

  it('requires each of the three consent documents exactly once (SPEC A3)', () => {
    const missing = ZTenantConfig.safeParse({ ...valid, consentDocuments: valid.consentDocuments.slice(1) });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.message).join()).toContain('privacy-policy');
    const doubled = ZTenantConfig.safeParse({ ...valid, consentDocuments: [...valid.consentDocuments, valid.consentDocuments[0]] });
    expect(doubled.success).toBe(false);
  });

  it('rejects duplicate required-document keys and unbounded sizes (SPEC B4c, G9)', () => {
    const doc = valid.requiredDocuments[0];
    expect(ZTenantConfig.safeParse({ ...valid, requiredDocuments: [doc, doc] }).success).toBe(false);
    expect(ZTenantConfig.safeParse({ ...valid, requiredDocuments: [{ ...doc, maxBytes: 1e12 }] }).success).toBe(false);
  });

  it('rejects an empty config, so a tenant row left at its default cannot serve pages', () => {
    expect(ZTenantConfig.safeParse({}).success).toBe(false);
  });
});

describe('tenant configuration files (issue 3: export and import)', () => {
  const file = {
    format: 'kyogikai-tenant-config',
    slug: 'kaigo',
    nameJa: '介護分野における特定技能協議会',
    nameEn: 'Care Council',
    publicOrigin: 'https://kaigo.example.jp',
    allowedHosts: ['kaigo.example.jp'],
    config: valid,
  };

  it('G2 accepts a complete file', () => {
    expect(ZTenantConfigFile.safeParse(file).success).toBe(true);
  });

  it('G2 names the exact path of every error in a bad file', () => {
    const bad = structuredClone(file) as Record<string, unknown> & { config: Record<string, unknown> };
    (bad.config.requiredDocuments as { maxBytes: number }[])[0] = { ...valid.requiredDocuments[0], maxBytes: -1 } as never;
    bad.config.approvalSteps = 'ministry-only';
    (bad.config.customFields as { establishment: unknown[] }).establishment.push({ ...valid.customFields.establishment[0] });
    bad.publicOrigin = 'ftp://kaigo';
    const result = ZTenantConfigFile.safeParse(bad);
    expect(result.success).toBe(false);
    if (result.success) return;
    const problems = describeConfigIssues(result.error);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^publicOrigin: /),
        expect.stringMatching(/^config\.requiredDocuments\.0\.maxBytes: /),
        expect.stringMatching(/^config\.approvalSteps: /),
      ]),
    );
  });

  it('G2 refuses duplicate custom field keys and a select without options', () => {
    const config = structuredClone(valid);
    config.customFields.worker = [
      { key: 'visaType', labelJa: '在留資格', labelEn: 'Visa', type: 'select', required: false },
      { key: 'visaType', labelJa: '在留資格', labelEn: 'Visa', type: 'text', required: false },
    ];
    const result = ZTenantConfig.safeParse(config);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeConfigIssues(result.error)).toEqual([
      'customFields.worker.0.options: a select field needs at least one option',
      'customFields.worker.1.key: duplicate field key "visaType"',
    ]);
  });
});
