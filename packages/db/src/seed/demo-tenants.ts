import type { TConsentDocument, TRequiredDocument, TTenantConfig } from '@kyogikai/domain';
import type { Database } from '../database';
import type { TenantRecord } from '../platform/tenant-record';
import { unsafeCreateTenant, unsafeGetTenantBySlug } from '../platform/tenants';

// Demo content for development, embedded mode and tests. Contact details use reserved example
// domains and phone numbers; the consent texts are placeholders a council replaces with its own.

const MB = 1024 * 1024;

function consentDocuments(councilJa: string, version: string): TConsentDocument[] {
  return [
    {
      key: 'privacy-policy',
      titleJa: 'プライバシーポリシー',
      titleEn: 'Privacy policy',
      version,
      body: `${councilJa}（以下「本協議会」）は、入会申請及び会員管理のために取得した個人情報を、法令に基づく場合を除き、本人の同意なく第三者に提供しません。\n\n取得した個人情報は、入会審査、入会証明書の発行、会員への連絡及び関係省庁への報告の目的に限り利用します。\n\n（デモ用の文面です。運用時は本協議会が定める正式な文面に置き換えてください。）`,
    },
    {
      key: 'charter',
      titleJa: '設置要綱',
      titleEn: 'Council charter',
      version,
      body: `第1条（目的）本協議会は、特定技能外国人の適正な受入れ及び保護を図るため、構成員の連携を緊密にし、必要な情報の共有等を行うことを目的とする。\n\n第2条（構成員）本協議会は、関係省庁、受入れ機関その他の関係機関をもって構成する。\n\n（デモ用の文面です。）`,
    },
    {
      key: 'membership-rules',
      titleJa: '入会規程',
      titleEn: 'Membership rules',
      version,
      body: `第1条（入会）本協議会への入会を希望する者は、所定の方法により入会申請を行うものとする。\n\n第2条（協力義務）会員は、本協議会及び関係省庁が行う調査、指導、情報の収集等に必要な協力を行うものとする。\n\n第3条（退会）会員が特定技能外国人を受け入れなくなったときは、速やかに退会の手続を行うものとする。\n\n（デモ用の文面です。）`,
    },
  ];
}

/** The six per-worker copies the care council asks for (SPEC B4c). */
const kaigoDocuments: TRequiredDocument[] = [
  {
    key: 'employment-conditions',
    nameJa: '雇用条件書（参考様式第1-6号）',
    nameEn: 'Employment conditions (Reference Form 1-6)',
    required: true,
    scope: 'worker',
    maxBytes: 10 * MB,
  },
  {
    key: 'support-plan',
    nameJa: '1号特定技能外国人支援計画書（参考様式第1-17号）',
    nameEn: 'Support plan for a Specified Skilled Worker (i) (Reference Form 1-17)',
    required: true,
    scope: 'worker',
    maxBytes: 10 * MB,
  },
  {
    key: 'establishment-overview',
    nameJa: '事業所概要書（介護分野参考様式第1-2号）',
    nameEn: 'Establishment overview (Care Sector Reference Form 1-2)',
    required: true,
    scope: 'worker',
    maxBytes: 10 * MB,
  },
  {
    key: 'japanese-proficiency',
    nameJa: '日本語能力を証明する書類（日本語能力試験N4以上 又は 国際交流基金日本語基礎テスト）',
    nameEn: 'Proof of Japanese proficiency (JLPT N4 or above, or JFT-Basic)',
    required: true,
    scope: 'worker',
    maxBytes: 10 * MB,
  },
  {
    key: 'care-skills-test',
    nameJa: '介護技能評価試験の合格証明書',
    nameEn: 'Care Skills Evaluation Test pass certificate',
    required: true,
    scope: 'worker',
    maxBytes: 10 * MB,
  },
  {
    key: 'residence-card',
    nameJa: '在留カードの写し',
    nameEn: 'Copy of the residence card',
    required: false,
    scope: 'worker',
    maxBytes: 10 * MB,
    noteJa: '既に在留カードをお持ちの方のみ提出してください（表面・裏面）。',
  },
];

export const kaigoTenantConfig: TTenantConfig = {
  version: 1,
  issuer: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare' },
  secretariatContact: {
    name: '介護分野における特定技能協議会 事務局',
    email: 'secretariat@kaigo.example.jp',
    phone: '03-0000-0001',
    hours: '平日 10:00〜17:00（土日祝日・年末年始を除く）',
  },
  mailSender: { name: '介護分野における特定技能協議会', address: 'no-reply@kaigo.example.jp' },
  consentDocuments: consentDocuments('介護分野における特定技能協議会', '2021.5'),
  requiredDocuments: kaigoDocuments,
  approvalSteps: 'secretariat-then-ministry',
  reviewTargetWorkingDays: 10,
  allowSupportOrganisations: true,
  corporateNumberRequired: true,
  customFields: {
    establishment: [
      {
        key: 'serviceType',
        labelJa: '介護サービスの種類',
        labelEn: 'Type of care service',
        type: 'select',
        required: true,
        options: [
          { value: 'home-visit-care', labelJa: '訪問介護', labelEn: 'Home-visit care' },
          { value: 'day-care', labelJa: '通所介護', labelEn: 'Day care' },
          { value: 'short-stay', labelJa: '短期入所生活介護', labelEn: 'Short-term stay' },
          { value: 'nursing-home', labelJa: '介護老人福祉施設（特別養護老人ホーム）', labelEn: 'Special nursing home for the elderly' },
          { value: 'health-facility', labelJa: '介護老人保健施設', labelEn: 'Long-term care health facility' },
          { value: 'group-home', labelJa: '認知症対応型共同生活介護', labelEn: 'Group home for people with dementia' },
          { value: 'other', labelJa: 'その他', labelEn: 'Other' },
        ],
      },
    ],
    worker: [],
  },
  certificate: {
    titleJa: '入会証明書',
    titleEn: 'Certificate of Membership',
    fields: ['corporateName', 'corporateAddress', 'representativeTitle', 'representativeName'],
    bodyJa: '上記の者は、介護分野における特定技能協議会の構成員であることを証明します。',
    issuerLineJa: '厚生労働省 社会・援護局 福祉基盤課長',
  },
  withdrawalNotesJa:
    '退会後は、介護分野の特定技能外国人を新たに受け入れることはできません。\n\n現在、特定技能外国人を受け入れている場合は退会できません。受入れを終了してから手続きしてください。\n\n退会後も、登録された情報は協議会の規程に従い一定期間保存されます。',
  withdrawalNotesEn:
    'After withdrawing you cannot newly accept Specified Skilled Workers in the care sector.\n\nYou cannot withdraw while you still employ such workers.\n\nYour registered data is kept for a period set by the council rules.',
  retentionYears: 5,
  accountLinkValidityHours: 72,
};

/** A second council that differs in every setting, so tenant-specific behaviour shows. */
export const gaishokuTenantConfig: TTenantConfig = {
  version: 1,
  issuer: { ja: '農林水産省', en: 'Ministry of Agriculture, Forestry and Fisheries' },
  secretariatContact: {
    name: '外食業分野における特定技能協議会 事務局',
    email: 'kyogikai@gaishoku.example.jp',
    phone: '03-0000-0002',
    hours: '平日 9:30〜17:30（土日祝日を除く）',
  },
  mailSender: { name: '外食業特定技能協議会 事務局', address: 'info@gaishoku.example.jp' },
  consentDocuments: consentDocuments('外食業分野における特定技能協議会', '2024.4'),
  requiredDocuments: [
    {
      key: 'food-service-skills-test',
      nameJa: '外食業特定技能1号技能測定試験の合格証明書',
      nameEn: 'Food Service Industry Specified Skills Test (i) pass certificate',
      required: true,
      scope: 'worker',
      maxBytes: 5 * MB,
    },
    {
      key: 'japanese-proficiency',
      nameJa: '日本語能力を証明する書類（日本語能力試験N4以上 又は 国際交流基金日本語基礎テスト）',
      nameEn: 'Proof of Japanese proficiency (JLPT N4 or above, or JFT-Basic)',
      required: true,
      scope: 'worker',
      maxBytes: 5 * MB,
    },
    {
      key: 'employment-contract',
      nameJa: '特定技能雇用契約書の写し（参考様式第1-5号）',
      nameEn: 'Copy of the Specified Skilled Worker employment contract (Reference Form 1-5)',
      required: true,
      scope: 'worker',
      maxBytes: 5 * MB,
    },
    {
      key: 'restaurant-business-permit',
      nameJa: '飲食店営業許可証の写し',
      nameEn: 'Copy of the restaurant business permit',
      required: true,
      scope: 'establishment',
      maxBytes: 5 * MB,
      noteJa: '受入れ事業所ごとに提出してください。',
    },
    {
      key: 'certificate-of-registered-matters',
      nameJa: '登記事項証明書（履歴事項全部証明書）',
      nameEn: 'Certificate of registered matters (company register extract)',
      required: true,
      scope: 'organisation',
      maxBytes: 5 * MB,
      noteJa: '発行から3か月以内のものを提出してください。',
    },
  ],
  approvalSteps: 'secretariat',
  reviewTargetWorkingDays: 5,
  allowSupportOrganisations: false,
  corporateNumberRequired: false,
  customFields: {
    establishment: [
      {
        key: 'businessType',
        labelJa: '業態',
        labelEn: 'Type of business',
        type: 'select',
        required: true,
        options: [
          { value: 'restaurant', labelJa: 'レストラン・食堂', labelEn: 'Restaurant' },
          { value: 'fast-food', labelJa: 'ファストフード', labelEn: 'Fast food' },
          { value: 'izakaya', labelJa: '居酒屋', labelEn: 'Izakaya' },
          { value: 'catering', labelJa: '給食・ケータリング', labelEn: 'Catering' },
        ],
      },
    ],
    worker: [
      {
        key: 'skillsTestPassedOn',
        labelJa: '技能測定試験の合格日',
        labelEn: 'Date the skills test was passed',
        type: 'date',
        required: true,
      },
    ],
  },
  certificate: {
    titleJa: '協議会構成員証明書',
    titleEn: 'Certificate of Council Membership',
    fields: ['corporateName', 'corporateAddress', 'representativeName'],
    bodyJa: '上記の者は、外食業分野における特定技能協議会の構成員であることを証明します。',
    issuerLineJa: '外食業分野における特定技能協議会 事務局長',
  },
  withdrawalNotesJa:
    '退会すると、外食業分野で特定技能外国人を受け入れることができなくなります。\n\n退会後の再入会には、改めて入会申請が必要です。',
  withdrawalNotesEn:
    'After withdrawing you can no longer accept Specified Skilled Workers in the food service sector.\n\nTo rejoin, apply again.',
  retentionYears: 3,
  accountLinkValidityHours: 48,
};

export const DEMO_TENANTS = [
  {
    slug: 'kaigo',
    nameJa: '介護分野における特定技能協議会',
    nameEn: 'Care Sector Specified Skilled Worker Council',
    config: kaigoTenantConfig,
  },
  {
    slug: 'gaishoku',
    nameJa: '外食業分野における特定技能協議会',
    nameEn: 'Food Service Sector Specified Skilled Worker Council',
    config: gaishokuTenantConfig,
  },
] as const;

/**
 * Creates the demo councils that are missing and returns both (existing ones unchanged).
 * Needs the owner handle.
 */
export async function seedDemoTenants(
  owner: Database,
  options: { publicOriginFor(slug: string): string; allowedHostsFor?(slug: string): string[] },
): Promise<TenantRecord[]> {
  const result: TenantRecord[] = [];
  for (const demo of DEMO_TENANTS) {
    const existing = await unsafeGetTenantBySlug(owner, demo.slug);
    result.push(
      existing ??
        (await unsafeCreateTenant(owner, {
          ...demo,
          publicOrigin: options.publicOriginFor(demo.slug),
          allowedHosts: options.allowedHostsFor?.(demo.slug) ?? [],
        })),
    );
  }
  return result;
}
