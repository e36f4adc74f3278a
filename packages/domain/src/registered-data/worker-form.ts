import { z } from 'zod';
import { isCountryCode } from '../country/countries';
import { normaliseText } from '../input/japanese-input';
import { optionalKana, ZExtraInput } from './form-fields';

/** Apostrophe look-alikes people paste from documents. */
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

/**
 * A name as printed on the residence card (在留カード): Latin letters, upper case, words separated
 * by spaces, hyphens inside a word and apostrophes allowed (O'BRIEN, JEAN-PIERRE).
 */
export const LATIN_NAME_PATTERN = /^[A-Z](?:[A-Z' -]*[A-Z])?$/;

export function normaliseLatinName(value: string): string {
  return normaliseText(value).replace(APOSTROPHES, "'").toUpperCase();
}

/**
 * ◆特定技能外国人情報の入力 (SPEC B4b): name as on the residence card, nationality (ISO alpha-2 from
 * `COUNTRIES`), optional katakana reading, the tenant's extra fields (checked with
 * `checkCustomFields`), and the establishments the worker is registered at (one or more, B4a).
 */
export const ZWorkerValues = z.strictObject({
  nameLatin: z
    .string({ error: 'validation.required' })
    .max(2000, 'validation.tooLong')
    .transform(normaliseLatinName)
    .pipe(z.string().min(1, 'validation.required').max(100, 'validation.tooLong').regex(LATIN_NAME_PATTERN, 'worker.nameLatinInvalid')),
  nationality: z
    .string({ error: 'validation.required' })
    .max(10, 'worker.nationalityInvalid')
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().min(1, 'validation.required').refine(isCountryCode, 'worker.nationalityInvalid')),
  nameKana: optionalKana(100).optional(),
  extra: ZExtraInput,
  establishmentIds: z
    .array(z.uuid({ error: 'validation.invalid' }), { error: 'worker.establishmentRequired' })
    .max(100, 'validation.tooLong')
    .transform((ids) => [...new Set(ids)])
    .pipe(z.array(z.string()).min(1, 'worker.establishmentRequired')),
});
export type TWorkerValuesInput = z.input<typeof ZWorkerValues>;
export type TWorkerValues = z.output<typeof ZWorkerValues>;
