import { z } from 'zod';
import { CERTIFICATE_FIELDS, type ZCertificateField } from '../tenant/tenant-config';
import { formatAddress } from '../input/japanese-input';

type TCertificateField = z.infer<typeof ZCertificateField>;

/**
 * What a certificate prints (SPEC C3: 入会証明書記載事項), frozen when it is issued and stored in
 * `certificates.fields`: the PDF is rendered from this snapshot alone, so a retried job, or a
 * rendering after the member changed its details, prints what was approved. The wording and the
 * field list come from the tenant's `certificate` settings at issue time (ADR 018).
 */

/** Why a certificate row is issued (recorded in its audit entry; nothing of it is printed). */
export const CERTIFICATE_ISSUE_REASONS = ['application_approved', 'reissue', 'certificate_item_change'] as const;
export type TCertificateIssueCause = (typeof CERTIFICATE_ISSUE_REASONS)[number];

/** The printed labels of the fields: the certificate is a Japanese legal document. */
export const CERTIFICATE_FIELD_LABELS_JA: Readonly<Record<TCertificateField, string>> = {
  corporateName: '法人名',
  corporateAddress: '法人所在地',
  representativeTitle: '代表者役職',
  representativeName: '代表者名',
};

export const CERTIFICATE_MEMBERSHIP_NUMBER_LABEL_JA = '会員番号';
export const CERTIFICATE_ISSUE_DATE_LABEL_JA = '発行日';

const printed = z.string().trim().min(1).max(400);

export const ZCertificateSnapshot = z.strictObject({
  /** Shape version; the renderer reads every version ever stored. */
  schemaVersion: z.literal(1),
  titleJa: printed,
  bodyJa: printed.max(2000),
  councilNameJa: printed,
  issuerLineJa: printed,
  membershipNumber: printed.max(40),
  issueNumber: z.number().int().min(1),
  /** The date of issue in Japan, YYYY-MM-DD (printed in 和暦 and 西暦). */
  issueDate: z.iso.date(),
  /** Always kept, printed or not: the public verification page names the corporation. */
  corporateName: printed,
  /** The printed fields in the tenant's order. */
  items: z.array(z.strictObject({ field: z.enum(CERTIFICATE_FIELDS), labelJa: printed.max(40), value: printed })).min(1),
});
export type TCertificateSnapshot = z.infer<typeof ZCertificateSnapshot>;

/** The registered values a certificate can print (the organisation's current, approved data). */
export type TCertificateSource = {
  corporateName: string | null;
  postalCode: string | null;
  prefecture: string | null;
  city: string | null;
  town: string | null;
  building: string | null;
  representativeTitle: string | null;
  representativeName: string | null;
};

/** 法人所在地 as printed: 〒 and the postal code, then the address (the building after a space). */
export function formatCertificateAddress(source: TCertificateSource): string {
  return formatAddress(source);
}

export function certificateFieldValue(field: TCertificateField, source: TCertificateSource): string {
  switch (field) {
    case 'corporateName':
      return source.corporateName?.trim() ?? '';
    case 'corporateAddress':
      return formatCertificateAddress(source);
    case 'representativeTitle':
      return source.representativeTitle?.trim() ?? '';
    case 'representativeName':
      return source.representativeName?.trim() ?? '';
  }
}

const japanDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Japan of an instant, YYYY-MM-DD. */
export function japanDateOf(instant: Date): string {
  return japanDate.format(instant);
}

/**
 * Builds the snapshot; throws (zod) when a printed value is missing: an approved member always has
 * them, and a certificate must never print an empty line.
 */
export function buildCertificateSnapshot(input: {
  settings: { titleJa: string; bodyJa: string; issuerLineJa: string; fields: readonly TCertificateField[] };
  councilNameJa: string;
  membershipNumber: string;
  issueNumber: number;
  issuedAt: Date;
  source: TCertificateSource;
}): TCertificateSnapshot {
  return ZCertificateSnapshot.parse({
    schemaVersion: 1,
    titleJa: input.settings.titleJa,
    bodyJa: input.settings.bodyJa,
    councilNameJa: input.councilNameJa,
    issuerLineJa: input.settings.issuerLineJa,
    membershipNumber: input.membershipNumber,
    issueNumber: input.issueNumber,
    issueDate: japanDateOf(input.issuedAt),
    corporateName: input.source.corporateName ?? '',
    items: input.settings.fields.map((field) => ({
      field,
      labelJa: CERTIFICATE_FIELD_LABELS_JA[field],
      value: certificateFieldValue(field, input.source),
    })),
  });
}
