import { COUNTRIES, countryName } from '@kyogikai/domain';
import type { ComboboxOption } from '@kyogikai/ui';

const cache = new Map<string, ComboboxOption[]>();

/**
 * 国籍 choices (SPEC B4b): every ISO country, named in the user's language and sorted as a
 * Japanese (or English) reader expects; both names and the code find an entry, whatever the
 * language shown.
 */
export function nationalityOptions(language: string): ComboboxOption[] {
  const lang = language === 'en' ? 'en' : 'ja';
  const cached = cache.get(lang);
  if (cached) return cached;
  const collator = new Intl.Collator(lang === 'en' ? 'en' : 'ja');
  const options = COUNTRIES.map((country) => ({
    value: country.code,
    label: country[lang],
    keywords: [lang === 'en' ? country.ja : country.en, country.code],
  })).sort((a, b) => collator.compare(a.label, b.label));
  cache.set(lang, options);
  return options;
}

/** A stored nationality code as the user reads it. */
export function nationalityName(code: string, language: string): string {
  return countryName(code, language === 'en' ? 'en' : 'ja');
}
