import { ORGANISATION_TEXT_FIELDS, type TChangeItemKind, type TOrganisationTextField } from '@kyogikai/domain';

/**
 * The organisation's fields a member changes through a change request after joining (◆会員情報,
 * SPEC D1 and D5), and which kind of change each one is. D1 (入会証明書記載事項: 法人名, 法人所在地,
 * 代表者役職, 代表者名) is reviewed and produces a new certificate; every other field is D5 and
 * applies at once. 法人所在地 is the address fields together (the certificate prints them as one).
 * The directory opt-in (SPEC G8) is not here: it is the member's own choice, changed directly.
 */
export const CERTIFICATE_ITEM_FIELDS = [
  'corporateName',
  'postalCode',
  'prefecture',
  'city',
  'town',
  'building',
  'representativeTitle',
  'representativeName',
] as const satisfies readonly TOrganisationTextField[];

export const OTHER_ORGANISATION_FIELDS = [
  'corporateNameKana',
  'corporateNumber',
  'phone',
  'contactName',
  'contactDepartment',
  'contactEmail',
  'contactPhone',
] as const satisfies readonly TOrganisationTextField[];

/** In the order of the detail screen (the STEP1 form's order). */
export const CHANGEABLE_ORGANISATION_FIELDS: readonly TOrganisationTextField[] = ORGANISATION_TEXT_FIELDS;
export type TChangeableOrganisationField = (typeof CHANGEABLE_ORGANISATION_FIELDS)[number];

const CERTIFICATE_ITEM_SET: ReadonlySet<string> = new Set(CERTIFICATE_ITEM_FIELDS);

export function organisationFieldKind(field: TChangeableOrganisationField): Extract<TChangeItemKind, 'certificate_items' | 'other'> {
  return CERTIFICATE_ITEM_SET.has(field) ? 'certificate_items' : 'other';
}

export function isChangeableOrganisationField(field: string): field is TChangeableOrganisationField {
  return (CHANGEABLE_ORGANISATION_FIELDS as readonly string[]).includes(field);
}

/**
 * The Japanese labels the mails print (the portal and the admin translate the field keys through
 * their catalogues; a mail is written in Japanese with an English summary).
 */
export const ORGANISATION_FIELD_LABELS_JA: Readonly<Record<TChangeableOrganisationField, string>> = {
  corporateName: '法人名',
  corporateNameKana: '法人名（フリガナ）',
  corporateNumber: '法人番号',
  postalCode: '郵便番号',
  prefecture: '都道府県',
  city: '市区町村',
  town: '町域・番地',
  building: '建物名等',
  representativeTitle: '代表者役職',
  representativeName: '代表者名',
  phone: '電話番号',
  contactName: '担当者氏名',
  contactDepartment: '担当者の部署',
  contactEmail: '担当者のメールアドレス',
  contactPhone: '担当者の電話番号',
};

/** The English labels (the portal's catalogue, step1.fields), for the secretariat's English view. */
export const ORGANISATION_FIELD_LABELS_EN: Readonly<Record<TChangeableOrganisationField, string>> = {
  corporateName: 'Corporation name',
  corporateNameKana: 'Corporation name (katakana reading)',
  corporateNumber: 'Corporate number',
  postalCode: 'Postal code',
  prefecture: 'Prefecture',
  city: 'City, ward, town or village',
  town: 'District and street number',
  building: 'Building name etc.',
  representativeTitle: 'Representative’s title',
  representativeName: 'Representative’s name',
  phone: 'Phone number',
  contactName: 'Contact person’s name',
  contactDepartment: 'Department',
  contactEmail: 'Email address',
  contactPhone: 'Phone number',
};
