import { describe, expect, it } from 'vitest';
import { type TTenantConfig, ZTenantConfig } from './tenant-config';

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
