import type { TFunction } from 'i18next';

/** A registered value as a reviewer reads it: empty as （なし）, booleans as はい / いいえ, lists joined. */
export function showValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('reviewPage.emptyValue');
  if (typeof value === 'boolean') return value ? t('reviewPage.yes') : t('reviewPage.no');
  if (Array.isArray(value)) return value.length === 0 ? t('reviewPage.emptyValue') : value.map(String).join('、');
  return String(value);
}
