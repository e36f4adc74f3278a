import { z } from 'zod';
import { isEditableByApplicant } from '../application/application-machine';
import type { TApplicationState } from '../application/application-states';
import {
  isKatakanaText,
  isPhoneNumber,
  normaliseCorporateNumberInput,
  normaliseKana,
  normaliseNumberInput,
  normalisePhone,
  normalisePostalCode,
  normaliseText,
  normaliseWidth,
} from '../input/japanese-input';
import type { TMembershipState } from '../membership/membership-states';
import { isValidCorporateNumber } from './corporate-number';

/**
 * STEP1 会員情報 (SPEC B2) as the applicant edits it. One definition for the portal form and the
 * API: every text field is normalised the same way on both sides (japanese-input.ts), and a value
 * that cannot be what the field asks for gets a message key next to the field.
 *
 * Two schemas:
 * - `ZOrganisationDraft` for 一時保存 (SPEC B3): every field optional, an empty field saves as
 *   empty, only a value that is there and wrong is refused. Incomplete input never blocks saving.
 * - `organisationCompleteSchema` / `missingOrganisationFields` for submission: what must be filled.
 */

/** The text fields of STEP1, in the order of the form (and of `missingOrganisationFields`). */
export const ORGANISATION_TEXT_FIELDS = [
  'corporateName',
  'corporateNameKana',
  'corporateNumber',
  'postalCode',
  'prefecture',
  'city',
  'town',
  'building',
  'representativeTitle',
  'representativeName',
  'phone',
  'contactName',
  'contactDepartment',
  'contactEmail',
  'contactPhone',
] as const;
export type TOrganisationTextField = (typeof ORGANISATION_TEXT_FIELDS)[number];
export const ORGANISATION_FIELDS = [...ORGANISATION_TEXT_FIELDS, 'directoryOptIn'] as const;
export type TOrganisationField = (typeof ORGANISATION_FIELDS)[number];

/** Fields that may stay empty on submission (建物名等, 部署). 法人番号 depends on the tenant. */
const OPTIONAL_ON_SUBMISSION: ReadonlySet<TOrganisationTextField> = new Set(['building', 'contactDepartment']);

type TFieldRule = {
  normalise: (value: string) => string;
  /** Longest value stored, after normalising. */
  max: number;
  check?: { test: (value: string) => boolean; messageKey: string };
};

const isEmail = (value: string) => z.email().safeParse(value).success;

const text = (max: number): TFieldRule => ({ normalise: normaliseText, max });
const phone: TFieldRule = { normalise: normalisePhone, max: 30, check: { test: isPhoneNumber, messageKey: 'validation.phone' } };

const FIELD_RULES: Record<TOrganisationTextField, TFieldRule> = {
  corporateName: text(200),
  corporateNameKana: { normalise: normaliseKana, max: 200, check: { test: isKatakanaText, messageKey: 'organisation.kanaOnly' } },
  corporateNumber: {
    normalise: normaliseCorporateNumberInput,
    max: 13,
    check: { test: isValidCorporateNumber, messageKey: 'organisation.corporateNumberInvalid' },
  },
  postalCode: {
    // A value that is not 7 digits stays as typed (normalised), so the message can point at it.
    normalise: (value) => normalisePostalCode(value) ?? normaliseNumberInput(value),
    max: 7,
    check: { test: (value) => /^[0-9]{7}$/.test(value), messageKey: 'organisation.postalCodeInvalid' },
  },
  prefecture: text(10),
  city: text(100),
  town: text(200),
  building: text(200),
  representativeTitle: text(100),
  representativeName: text(100),
  phone,
  contactName: text(100),
  contactDepartment: text(100),
  contactEmail: {
    normalise: (value) => normaliseWidth(value).trim(),
    max: 254,
    check: { test: isEmail, messageKey: 'validation.email' },
  },
  contactPhone: phone,
};

/** What is kept of a field's value: the normalised text (within its length) that passes its check. */
function storedValue(rule: TFieldRule) {
  const bounded = z.string().max(rule.max);
  const { check } = rule;
  return check ? bounded.refine(check.test, { message: check.messageKey }) : bounded;
}

/** Raw input is bounded before normalising, so a huge paste costs nothing. */
const rawInput = z.string().max(2000);

function normalised(rule: TFieldRule) {
  return (value: string | null | undefined) => {
    if (value === undefined || value === null) return value;
    const result = rule.normalise(value);
    return result === '' ? null : result;
  };
}

/** 一時保存: absent = leave as is, null or blank = clear, otherwise normalised and checked. */
function draftField(rule: TFieldRule) {
  return rawInput.nullish().transform(normalised(rule)).pipe(storedValue(rule).nullish());
}

/** Submission: the field must hold a valid value. */
function requiredField(rule: TFieldRule) {
  return rawInput
    .nullish()
    .transform(normalised(rule))
    .pipe(z.string({ error: 'validation.required' }).pipe(storedValue(rule)));
}

const draftShape = Object.fromEntries(ORGANISATION_TEXT_FIELDS.map((field) => [field, draftField(FIELD_RULES[field])])) as {
  [K in TOrganisationTextField]: ReturnType<typeof draftField>;
};

/** STEP1 values for 一時保存 (SPEC B3): all optional, normalised; unknown fields are refused. */
export const ZOrganisationDraft = z.strictObject({ ...draftShape, directoryOptIn: z.boolean().optional() });
export type TOrganisationDraftInput = z.input<typeof ZOrganisationDraft>;
export type TOrganisationDraft = z.output<typeof ZOrganisationDraft>;

export type TOrganisationCompletenessOptions = { corporateNumberRequired: boolean };

/**
 * STEP1 as it must be to submit the application: every field but 建物名等 and 部署 (and 法人番号
 * where the tenant does not require it) filled with a valid value. Extra keys (e.g. a whole
 * organisation row) are ignored.
 */
export function organisationCompleteSchema(options: TOrganisationCompletenessOptions) {
  // Built once per variant: a zod schema compiles itself on first use, so building one per call
  // (every マイページ, checklist and submit) cost more CPU than the rest of the request (bench/).
  const cached = completeSchemas.get(options.corporateNumberRequired);
  if (cached) return cached;
  const schema = buildOrganisationCompleteSchema(options);
  completeSchemas.set(options.corporateNumberRequired, schema);
  return schema;
}

function buildOrganisationCompleteSchema(options: TOrganisationCompletenessOptions) {
  const shape = Object.fromEntries(
    ORGANISATION_TEXT_FIELDS.map((field) => {
      const rule = FIELD_RULES[field];
      const isOptional = OPTIONAL_ON_SUBMISSION.has(field) || (field === 'corporateNumber' && !options.corporateNumberRequired);
      return [field, isOptional ? draftField(rule) : requiredField(rule)];
    }),
  ) as { [K in TOrganisationTextField]: ReturnType<typeof draftField> | ReturnType<typeof requiredField> };
  return z.object({ ...shape, directoryOptIn: z.boolean().optional() });
}

const completeSchemas = new Map<boolean, ReturnType<typeof buildOrganisationCompleteSchema>>();

/** The complete STEP1 where the tenant requires the 法人番号 (e.g. the care council). */
export const ZOrganisationComplete = organisationCompleteSchema({ corporateNumberRequired: true });

/**
 * The STEP1 fields still missing (or not valid) for submission, in form order: what マイページ
 * lists under STEP1 and what blocks 「入会申請を行う」.
 */
export function missingOrganisationFields(
  values: Partial<Record<TOrganisationField, unknown>>,
  options: TOrganisationCompletenessOptions,
): TOrganisationTextField[] {
  const result = organisationCompleteSchema(options).safeParse(values);
  if (result.success) return [];
  const failed = new Set(result.error.issues.map((issue) => issue.path[0]));
  return ORGANISATION_TEXT_FIELDS.filter((field) => failed.has(field));
}

export type TDraftEditability =
  | { ok: true }
  | { ok: false; messageKey: 'application.lockedUnderReview' | 'membership.notActive' | 'organisation.changeRequestRequired' };

/**
 * May the applicant edit STEP1 directly (一時保存) now? Before joining, while the application in
 * progress is editable (SPEC C1: draft or returned) or none is in progress. After joining every
 * change goes through a change request (SPEC D, ADR 013); after withdrawal nothing is editable.
 */
export function checkOrganisationDraftEditable(
  membershipState: TMembershipState,
  openApplicationState: TApplicationState | null,
): TDraftEditability {
  if (membershipState === 'active') return { ok: false, messageKey: 'organisation.changeRequestRequired' };
  if (membershipState === 'withdrawn') return { ok: false, messageKey: 'membership.notActive' };
  if (openApplicationState !== null && !isEditableByApplicant(openApplicationState)) {
    return { ok: false, messageKey: 'application.lockedUnderReview' };
  }
  return { ok: true };
}
