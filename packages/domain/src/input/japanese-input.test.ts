import { describe, expect, it } from 'vitest';
import {
  formatAddress,
  hiraganaToKatakana,
  isKatakanaText,
  isPhoneNumber,
  normaliseCorporateNumberInput,
  normaliseKana,
  normaliseNumberInput,
  normalisePhone,
  normalisePostalCode,
  normaliseText,
  normaliseWidth,
} from './japanese-input';

describe('B2 normalising Japanese input', () => {
  it('B2 full-width digits, latin letters and the ideographic space become half-width', () => {
    expect(normaliseWidth('ＡＢＣ商事　１２３')).toBe('ABC商事 123');
    expect(normaliseText('  株式会社　ＡＢＣ  ')).toBe('株式会社 ABC');
  });

  it('B2 half-width katakana becomes full-width, voiced marks combined', () => {
    expect(normaliseWidth('ｶﾌﾞｼｷｶﾞｲｼｬ ﾊﾟｰﾄ')).toBe('カブシキガイシャ パート');
  });

  it('B2 leaves characters users chose on purpose (no NFKC over the whole text)', () => {
    expect(normaliseWidth('㈱さくら①ビル')).toBe('㈱さくら①ビル');
  });

  it('B2 フリガナ: hiragana and half-width katakana become full-width katakana', () => {
    expect(hiraganaToKatakana('かぶしきがいしゃ ゔぁ ゝ')).toBe('カブシキガイシャ ヴァ ヽ');
    expect(normaliseKana('しゃかいふくしほうじん　ｻｸﾗｶｲ')).toBe('シャカイフクシホウジン サクラカイ');
    expect(isKatakanaText('シャカイフクシホウジン サクラカイ')).toBe(true);
    expect(isKatakanaText('ケア・サービス ヴィレッジ')).toBe(true);
    expect(isKatakanaText('さくら')).toBe(false);
    expect(isKatakanaText('桜会')).toBe(false);
    expect(isKatakanaText('ABC')).toBe(false);
  });

  it('B2 dash-like characters between digits become "-"', () => {
    expect(normaliseNumberInput('０３－１２３４ー５６７８')).toBe('03-1234-5678');
    expect(normaliseNumberInput('03‐1234−5678')).toBe('03-1234-5678');
  });

  it.each([
    ['１０４－００６１', '1040061'],
    ['104-0061', '1040061'],
    ['1040061', '1040061'],
    ['〒104-0061', '1040061'],
    [' 104 0061 ', '1040061'],
    ['104ー0061', '1040061'],
  ])('B2 postal code %s → %s', (input, expected) => {
    expect(normalisePostalCode(input)).toBe(expected);
  });

  it.each(['12', '104-006', '10400611', 'abc-defg', ''])('B2 postal code %s is not a postal code', (input) => {
    expect(normalisePostalCode(input)).toBeNull();
  });

  it('B2 法人番号 typed with full-width digits, hyphens or spaces', () => {
    expect(normaliseCorporateNumberInput('７０００－０１２０－５０００２')).toBe('7000012050002');
    expect(normaliseCorporateNumberInput('7 0000 1205 0002')).toBe('7000012050002');
  });

  it('B2 phone numbers are normalised and checked', () => {
    expect(normalisePhone('０３（１２３４）５６７８')).toBe('03-1234-5678');
    expect(normalisePhone('(03) 1234-5678')).toBe('03-1234-5678');
    expect(normalisePhone('０９０ー１２３４ー５６７８')).toBe('090-1234-5678');
    for (const valid of ['03-1234-5678', '0312345678', '090-1234-5678', '0120-123-456', '+81-3-1234-5678']) {
      expect(isPhoneNumber(valid), valid).toBe(true);
    }
    for (const invalid of ['03-1234', '1234567890', '03--1234-5678', '03-1234-5678-9999', 'abc', '', '+12']) {
      expect(isPhoneNumber(invalid), invalid).toBe(false);
    }
  });
});

describe('formatAddress', () => {
  it('B4a D3 prints 〒 with the hyphen, the street run together and the building after a space', () => {
    expect(formatAddress({ postalCode: '1040061', prefecture: '東京都', city: '中央区', town: '銀座1-2-3', building: 'さくらビル' })).toBe(
      '〒104-0061 東京都中央区銀座1-2-3 さくらビル',
    );
    expect(formatAddress({ postalCode: null, prefecture: '東京都', city: '中央区', town: '銀座1-2-3' })).toBe('東京都中央区銀座1-2-3');
    expect(formatAddress({ postalCode: '104', prefecture: '東京都', city: ' ', town: '銀座' })).toBe('東京都銀座');
  });
});
