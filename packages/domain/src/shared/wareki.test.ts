import { describe, expect, it } from 'vitest';
import { formatSeireki, formatWareki } from './wareki';

describe('C3 和暦 and 西暦 of the certificate issue date', () => {
  it.each([
    ['2026-11-27', '令和8年11月27日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-12-31', '令和元年12月31日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1990-01-01', '平成2年1月1日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1912-07-30', '大正元年7月30日'],
    ['2024-02-29', '令和6年2月29日'],
  ])('%s is %s', (date, wareki) => {
    expect(formatWareki(date)).toBe(wareki);
  });

  it('西暦 without leading zeros', () => {
    expect(formatSeireki('2026-01-05')).toBe('2026年1月5日');
    expect(formatSeireki('2019-05-01')).toBe('2019年5月1日');
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-1', '20261127', '']) {
      expect(() => formatWareki(bad)).toThrow(RangeError);
      expect(() => formatSeireki(bad)).toThrow(RangeError);
    }
    expect(() => formatWareki('1872-12-31')).toThrow(RangeError);
  });
});
