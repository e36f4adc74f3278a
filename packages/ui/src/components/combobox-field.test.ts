import { describe, expect, it } from 'vitest';
import { filterOptions, normaliseForSearch } from './combobox-field';

const countries = [
  { value: 'VN', label: 'ベトナム', keywords: ['Viet Nam', 'VN'] },
  { value: 'ID', label: 'インドネシア', keywords: ['Indonesia', 'ID'] },
  { value: 'IN', label: 'インド', keywords: ['India', 'IN'] },
  { value: 'CN', label: '中国', keywords: ["People's Republic of China", 'CN'] },
  { value: 'MM', label: 'ミャンマー', keywords: ['Myanmar', 'MM'] },
];

describe('B4b searchable nationality list', () => {
  it('compares typed text as a Japanese reader means it: width, case, hiragana before conversion', () => {
    expect(normaliseForSearch('べとなむ')).toBe('ベトナム');
    expect(normaliseForSearch('ｲﾝﾄﾞ')).toBe('インド');
    expect(normaliseForSearch('Ｖｉｅｔ Nam')).toBe('vietnam');
  });

  it('finds by the Japanese name, the English name or the code; names that start with the text come first', () => {
    expect(filterOptions(countries, 'いんど').map((option) => option.value)).toEqual(['IN', 'ID']);
    expect(filterOptions(countries, 'viet').map((option) => option.value)).toEqual(['VN']);
    expect(filterOptions(countries, 'china').map((option) => option.value)).toEqual(['CN']);
    expect(filterOptions(countries, 'ー').map((option) => option.value)).toEqual(['MM']);
    expect(filterOptions(countries, '').length).toBe(countries.length);
    expect(filterOptions(countries, 'xyz')).toEqual([]);
  });
});
