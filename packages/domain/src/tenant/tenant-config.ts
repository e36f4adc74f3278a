import { z } from 'zod';

/**
 * Per-tenant (per sector council) settings: everything SPEC G2 says differs between councils.
 * Stored as `tenants.config` (jsonb) and validated on every read, so a stored value that does
 * not match this schema fails loudly instead of rendering a half-configured council.
 *
 * There is deliberately no default config: a council's issuer, contact details, consent
 * documents and document list are legal content, so the seed (or the operator) supplies them all.
 */

const nonEmpty = z.string().trim().min(1);

/** The three documents an applicant must agree to on sign-up (SPEC A3). */
export const CONSENT_DOCUMENT_KEYS = ['privacy-policy', 'charter', 'membership-rules'] as const;
export const ZConsentDocumentKey = z.enum(CONSENT_DOCUMENT_KEYS);
export type TConsentDocumentKey = z.infer<typeof ZConsentDocumentKey>;

export const ZConsentDocument = z.strictObject({
  key: ZConsentDocumentKey,
  titleJa: nonEmpty,
  titleEn: nonEmpty,
  /** Recorded with each agreement (SPEC A3), so a new text needs a new version label. */
  version: nonEmpty.max(40),
  /** Plain text shown on the sign-up page (paragraphs separated by blank lines). */
  body: nonEmpty,
});
export type TConsentDocument = z.infer<typeof ZConsentDocument>;

/** Who a required document belongs to: one per worker, per establishment, or per member. */
export const ZDocumentScope = z.enum(['worker', 'establishment', 'organisation']);
export type TDocumentScope = z.infer<typeof ZDocumentScope>;

/** Upper bound for any single upload, whatever a tenant configures (SPEC G9: size-limited). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const ZRequiredDocument = z.strictObject({
  /** Stable identifier stored with each upload; never reuse a key for a different document. */
  key: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens'),
  nameJa: nonEmpty,
  nameEn: nonEmpty,
  required: z.boolean(),
  scope: ZDocumentScope,
  maxBytes: z.number().int().positive().max(MAX_DOCUMENT_BYTES),
  /** Shown under the upload field, e.g. when an optional document is needed after all. */
  noteJa: nonEmpty.optional(),
});
export type TRequiredDocument = z.infer<typeof ZRequiredDocument>;

/**
 * A field a council adds to its establishment or worker form (e.g. the care council's service
 * type). Values are stored in the entity's `extra` jsonb under `key`.
 */
export const ZCustomField = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{1,40}$/, 'camelCase letters and digits'),
  labelJa: nonEmpty,
  labelEn: nonEmpty,
  type: z.enum(['text', 'select', 'date']),
  required: z.boolean(),
  /** For `select`: the choices, stored by value. */
  options: z.array(z.strictObject({ value: nonEmpty.max(60), labelJa: nonEmpty, labelEn: nonEmpty })).optional(),
  maxLength: z.number().int().positive().max(2000).optional(),
});
export type TCustomField = z.infer<typeof ZCustomField>;

/** What the membership certificate may print (SPEC C3: 入会証明書記載事項). */
export const CERTIFICATE_FIELDS = ['corporateName', 'corporateAddress', 'representativeTitle', 'representativeName'] as const;
export const ZCertificateField = z.enum(CERTIFICATE_FIELDS);

export const ZCertificateSettings = z.strictObject({
  titleJa: nonEmpty,
  titleEn: nonEmpty,
  /** The fields printed, in order; labels come from the message catalogue. */
  fields: z.array(ZCertificateField).min(1),
  /** The sentence certifying membership, e.g. 上記の者は、本協議会の構成員であることを証明します。 */
  bodyJa: nonEmpty,
  /** The issuer line as printed, e.g. 厚生労働省 社会・援護局 福祉基盤課長. */
  issuerLineJa: nonEmpty,
});
export type TCertificateSettings = z.infer<typeof ZCertificateSettings>;

/** `secretariat`: the secretariat's approval completes a review; otherwise the ministry approves after it (SPEC C3). */
export const ZApprovalSteps = z.enum(['secretariat', 'secretariat-then-ministry']);
export type TApprovalSteps = z.infer<typeof ZApprovalSteps>;

export const ZTenantConfig = z
  .strictObject({
    /** Shape version of this object; bump it (with a data migration) when the shape changes. */
    version: z.literal(1),
    /** The body that approves membership and issues the certificate (e.g. 厚生労働省). */
    issuer: z.strictObject({ ja: nonEmpty, en: nonEmpty }),
    secretariatContact: z.strictObject({
      name: nonEmpty,
      email: z.email(),
      phone: z.string().regex(/^[0-9+][0-9-]{5,20}$/, 'digits and hyphens'),
      /** Free text shown as-is, e.g. 平日 10:00〜17:00（土日祝・年末年始を除く）. */
      hours: nonEmpty,
    }),
    mailSender: z.strictObject({ name: nonEmpty, address: z.email() }),
    consentDocuments: z.array(ZConsentDocument),
    requiredDocuments: z.array(ZRequiredDocument),
    approvalSteps: ZApprovalSteps,
    /** Target for review and certificate issue, shown to applicants (SPEC C2). */
    reviewTargetWorkingDays: z.number().int().min(1).max(60),
    /** Whether a registered support organisation may act for an employer (SPEC G7). */
    allowSupportOrganisations: z.boolean(),
    /** Whether applicants must enter the 13-digit 法人番号. */
    corporateNumberRequired: z.boolean(),
    /** Extra fields of the establishment (受入れ事業所) and worker forms (SPEC B4a, B4b). */
    customFields: z.strictObject({ establishment: z.array(ZCustomField), worker: z.array(ZCustomField) }),
    certificate: ZCertificateSettings,
    /** Shown before a member withdraws (SPEC F1), paragraphs separated by blank lines. */
    withdrawalNotesJa: nonEmpty,
    withdrawalNotesEn: nonEmpty,
    /** How long a withdrawn member's data is kept read-only before deletion. */
    retentionYears: z.number().int().min(1).max(30),
    /** How long an activation or password-reset link works (issue 4: 72 hours unless set). */
    accountLinkValidityHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
  })
  .superRefine((config, ctx) => {
    for (const key of CONSENT_DOCUMENT_KEYS) {
      const count = config.consentDocuments.filter((doc) => doc.key === key).length;
      if (count !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['consentDocuments'],
          message: `consent document "${key}" must appear exactly once (found ${count})`,
        });
      }
    }
    for (const form of ['establishment', 'worker'] as const) {
      const keys = new Set<string>();
      config.customFields[form].forEach((field, index) => {
        if (keys.has(field.key)) {
          ctx.addIssue({ code: 'custom', path: ['customFields', form, index, 'key'], message: `duplicate field key "${field.key}"` });
        }
        keys.add(field.key);
        if (field.type === 'select' && !field.options?.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['customFields', form, index, 'options'],
            message: 'a select field needs at least one option',
          });
        }
      });
    }
    const seen = new Set<string>();
    config.requiredDocuments.forEach((doc, index) => {
      if (seen.has(doc.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requiredDocuments', index, 'key'],
          message: `duplicate document key "${doc.key}"`,
        });
      }
      seen.add(doc.key);
    });
  });
export type TTenantConfig = z.infer<typeof ZTenantConfig>;

/**
 * The file the operator CLI exports and imports (`export-config` / `import-config`): a council's
 * names, routing and configuration in one document. Importing it back unchanged is a no-op, and
 * exporting again gives the identical file.
 */
export const ZTenantConfigFile = z.strictObject({
  format: z.literal('kyogikai-tenant-config'),
  slug: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
  nameJa: nonEmpty,
  nameEn: nonEmpty,
  publicOrigin: z.url({ protocol: /^https?$/ }),
  allowedHosts: z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/, 'a lower-case host name')),
  config: ZTenantConfig,
});
export type TTenantConfigFile = z.infer<typeof ZTenantConfigFile>;

/** Every problem of a config file as "path: message", with the exact path into the file. */
export function describeConfigIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(file)'}: ${issue.message}`);
}
