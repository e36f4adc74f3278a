import {
  missingOrganisationFields,
  normaliseCorporateNumberInput,
  normaliseKana,
  normalisePhone,
  normaliseText,
  ORGANISATION_TEXT_FIELDS,
  type TOrganisationTextField,
} from '@kyogikai/domain';
import { normaliseEmailInput, normalisePostalCodeInput } from '../../lib/input-normalisers';
import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute } from 'react';

/** STEP1. 会員情報 (SPEC B2): the text fields `organisation.saveDraft` takes, in screen order (the domain's list). */
export const STEP1_TEXT_FIELDS = ORGANISATION_TEXT_FIELDS;
export type TStep1TextField = TOrganisationTextField;
export type TStep1Values = Record<TStep1TextField, string> & { directoryOptIn: boolean };

export const EMPTY_STEP1: TStep1Values = {
  ...(Object.fromEntries(STEP1_TEXT_FIELDS.map((name) => [name, ''])) as Record<TStep1TextField, string>),
  directoryOptIn: false,
};

/**
 * Needed before the application can be submitted (shown as 必須; 一時保存 never requires them), from
 * the domain's submission rule. 法人番号 is required or optional per council, which the portal is
 * not told: it is marked 必須 when マイページ lists it as missing, 任意 otherwise.
 */
export const STEP1_NEEDED_FOR_SUBMIT: ReadonlySet<string> = new Set(missingOrganisationFields({}, { corporateNumberRequired: false }));

/**
 * Full-/half-width, kana, digits and hyphens, normalised when the user leaves the field, with the
 * same helpers (from @kyogikai/domain) the API applies when it saves: what the user sees after
 * leaving a field is what will be stored.
 */
export const STEP1_NORMALISE_ON_BLUR: Record<TStep1TextField, (value: string) => string> = {
  ...(Object.fromEntries(STEP1_TEXT_FIELDS.map((name) => [name, normaliseText])) as Record<TStep1TextField, (value: string) => string>),
  corporateNameKana: normaliseKana,
  corporateNumber: normaliseCorporateNumberInput,
  postalCode: normalisePostalCodeInput,
  phone: normalisePhone,
  contactEmail: normaliseEmailInput,
  contactPhone: normalisePhone,
};

export interface Step1InputAttributes {
  type?: HTMLInputTypeAttribute;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  maxLength?: number;
}

export const STEP1_INPUT_ATTRIBUTES: Partial<Record<TStep1TextField, Step1InputAttributes>> = {
  corporateName: { autoComplete: 'organization' },
  corporateNumber: { inputMode: 'numeric', autoComplete: 'off', maxLength: 20 },
  postalCode: { inputMode: 'numeric', autoComplete: 'postal-code', maxLength: 10 },
  prefecture: { autoComplete: 'address-level1' },
  city: { autoComplete: 'address-level2' },
  town: { autoComplete: 'address-line1' },
  building: { autoComplete: 'address-line2' },
  phone: { type: 'tel', autoComplete: 'off' },
  contactName: { autoComplete: 'name' },
  contactEmail: { type: 'email', autoComplete: 'email' },
  contactPhone: { type: 'tel', autoComplete: 'tel' },
};

/** The catalogue key of a STEP1 field's label (the server names missing fields by these names). */
export function step1FieldLabelKey(field: string): string {
  return `step1.fields.${field}`;
}

/** Organisation data as the form holds it: every text field a string. */
export function step1ValuesFrom(
  organisation: Partial<Record<TStep1TextField, string | null>> & { directoryOptIn?: boolean },
): TStep1Values {
  const values = { ...EMPTY_STEP1 };
  for (const name of STEP1_TEXT_FIELDS) values[name] = organisation[name] ?? '';
  values.directoryOptIn = organisation.directoryOptIn ?? false;
  return values;
}

export function sameStep1Values(a: TStep1Values, b: TStep1Values): boolean {
  return a.directoryOptIn === b.directoryOptIn && STEP1_TEXT_FIELDS.every((name) => a[name] === b[name]);
}
