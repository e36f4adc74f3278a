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
