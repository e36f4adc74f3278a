import { z } from 'zod';
import {
  isKatakanaText,
  isPhoneNumber,
  normaliseKana,
  normaliseNumberInput,
  normalisePhone,
  normalisePostalCode,
  normaliseText,
} from '../input/japanese-input';

/**
 * Field schemas of the STEP2 forms (受入れ事業所, 特定技能外国人), normalised exactly like STEP1
 * (japanese-input.ts) on both sides. Messages are catalogue keys; bounds travel as `{ max }`.
 * Raw input is bounded before normalising, so a huge paste costs nothing.
 */
const rawInput = z.string({ error: 'validation.required' }).max(2000, 'validation.tooLong');

/** Free text that must be filled. */
export function requiredText(max: number) {
  return rawInput.transform(normaliseText).pipe(z.string().min(1, 'validation.required').max(max, 'validation.tooLong'));
}

/** Free text that may be left empty (absent, null or blank → null). */
export function optionalText(max: number) {
  return rawInput
    .nullish()
    .transform((value) => (value == null ? null : normaliseText(value) || null))
    .pipe(z.string().max(max, 'validation.tooLong').nullable());
}

/** 郵便番号 as typed (full-width, with hyphen or 〒) → 7 digits. */
export const ZPostalCodeField = rawInput
  .transform((value) => normalisePostalCode(value) ?? normaliseNumberInput(value))
  .pipe(
    z
      .string()
      .min(1, 'validation.required')
      .regex(/^[0-9]{7}$/, 'organisation.postalCodeInvalid'),
  );

/** 電話番号 as typed → half-width digits and hyphens, a Japanese or international number. */
export const ZPhoneField = rawInput
  .transform(normalisePhone)
  .pipe(z.string().min(1, 'validation.required').max(30, 'validation.tooLong').refine(isPhoneNumber, 'validation.phone'));

/** A katakana reading that may be left empty: half-width and hiragana become full-width katakana. */
export function optionalKana(max: number) {
  return rawInput
    .nullish()
    .transform((value) => (value == null ? null : normaliseKana(value) || null))
    .pipe(z.string().max(max, 'validation.tooLong').refine(isKatakanaText, 'organisation.kanaOnly').nullable());
}

/** Values of the tenant's custom fields, by field key; checked against the tenant config separately. */
export const ZExtraInput = z
  .record(z.string().regex(/^[a-z][a-zA-Z0-9]{1,40}$/, 'validation.invalid'), z.string().max(2000, 'validation.tooLong'))
  .default({});
