import { describe, expect, it } from 'vitest';
import { corporateNumberCheckDigit, isValidCorporateNumber } from './corporate-number';

// Published numbers (国税庁法人番号公表サイト): 国税庁 7000012050002, トヨタ自動車株式会社 1180301018771.
const PUBLISHED = ['7000012050002', '1180301018771'];

describe('B2 法人番号 check digit', () => {
  it.each(PUBLISHED)('B2 accepts the published number %s', (value) => {
    expect(isValidCorporateNumber(value)).toBe(true);
  });

  it('B2 computes the check digit from the 12 base digits (odd positions from the right ×1, even ×2)', () => {
    // 000012050002: 2×1 + 5×1 (5th) + 2×1 (7th) + 1×2 (8th) = 11; 11 mod 9 = 2; 9 − 2 = 7.
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
    // A sum divisible by 9 gives 9, never 0.
    expect(corporateNumberCheckDigit('000000000000')).toBe(9);
    expect(corporateNumberCheckDigit('000000000009')).toBe(9);
    expect(corporateNumberCheckDigit('12345')).toBeNull();
  });

  it('B2 refuses every other first digit of a valid number', () => {
    for (const value of PUBLISHED) {
      for (let digit = 0; digit <= 9; digit++) {
        const candidate = `${digit}${value.slice(1)}`;
        expect(isValidCorporateNumber(candidate), candidate).toBe(candidate === value);
      }
    }
  });

  it('B2 refuses a single changed base digit (the check digit catches it)', () => {
    // Changing a digit by d changes the sum by d or 2d, which is 0 mod 9 only for d = ±9 (0↔9):
    // the known blind spot of this scheme; every other single-digit change is caught.
    const value = '1180301018771';
    for (let position = 1; position < 13; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        const original = Number(value[position]);
        if (digit === original) continue;
        const candidate = value.slice(0, position) + digit + value.slice(position + 1);
        const isBlindSpot = Math.abs(digit - original) === 9;
        expect(isValidCorporateNumber(candidate), candidate).toBe(isBlindSpot);
      }
    }
  });

  it('B2 refuses wrong lengths, non-digits and full-width digits (normalise first)', () => {
    for (const value of ['', '180301018771', '11803010187710', '1180-301018771', '１１８０３０１０１８７７１', '5011101024366']) {
      expect(isValidCorporateNumber(value), value).toBe(false);
    }
  });
});
