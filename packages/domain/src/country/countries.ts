import { COUNTRY_DATA } from './country-data';

/** One entry of the nationality list (SPEC B4b 国籍): ISO 3166-1 alpha-2 code and its names. */
export type TCountry = { readonly code: string; readonly ja: string; readonly en: string };

/**
 * Every ISO 3166-1 country and region, with Japanese and English names (generated once from
 * i18n-iso-countries, see scripts/generate-countries.mjs), in code order. Workers store the code;
 * the portal shows and searches the names.
 */
export const COUNTRIES: readonly TCountry[] = COUNTRY_DATA.map(([code, ja, en]) => Object.freeze({ code, ja, en }));

const BY_CODE: ReadonlyMap<string, TCountry> = new Map(COUNTRIES.map((country) => [country.code, country]));

export function isCountryCode(code: string): boolean {
  return BY_CODE.has(code);
}

export function findCountry(code: string): TCountry | undefined {
  return BY_CODE.get(code);
}

/** The name in the language asked for, or the code itself when it is not a known country. */
export function countryName(code: string, language: 'ja' | 'en' = 'ja'): string {
  return BY_CODE.get(code)?.[language] ?? code;
}
