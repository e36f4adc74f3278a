import { describe, expect, it } from 'vitest';
import { EMPTY_STEP1, STEP1_NEEDED_FOR_SUBMIT, STEP1_NORMALISE_ON_BLUR, sameStep1Values, step1ValuesFrom } from './step1-fields';

describe('B2 STEP1 form fields', () => {
  it('marks as needed for submission what the domain requires, except the per-council 法人番号, 建物名等 and 部署', () => {
    expect(STEP1_NEEDED_FOR_SUBMIT.has('corporateName')).toBe(true);
    expect(STEP1_NEEDED_FOR_SUBMIT.has('contactPhone')).toBe(true);
    for (const optional of ['corporateNumber', 'building', 'contactDepartment']) expect(STEP1_NEEDED_FOR_SUBMIT.has(optional)).toBe(false);
  });

  it('normalises on blur as the API stores: postal code, katakana, phone, 法人番号, email', () => {
    expect(STEP1_NORMALISE_ON_BLUR.postalCode('１０４－００６１')).toBe('1040061');
    expect(STEP1_NORMALISE_ON_BLUR.postalCode('104-00')).toBe('104-00');
    expect(STEP1_NORMALISE_ON_BLUR.corporateNameKana('しゃかいふくしほうじん　ｻｸﾗｶｲ')).toBe('シャカイフクシホウジン サクラカイ');
    expect(STEP1_NORMALISE_ON_BLUR.phone('０３－１２３４－５６７８')).toBe('03-1234-5678');
    expect(STEP1_NORMALISE_ON_BLUR.corporateNumber('１２３４ ５６７８ ９０１２３')).toBe('1234567890123');
    expect(STEP1_NORMALISE_ON_BLUR.contactEmail(' ｔａｎｔｏ＠ｅｘａｍｐｌｅ．ｊｐ ')).toBe('tanto@example.jp');
    expect(STEP1_NORMALISE_ON_BLUR.town('  銀座１－２－３ ')).toBe('銀座1-2-3');
  });

  it('holds saved data as strings and compares drafts field by field', () => {
    const values = step1ValuesFrom({ corporateName: 'さくら会', postalCode: null, directoryOptIn: true });
    expect(values.corporateName).toBe('さくら会');
    expect(values.postalCode).toBe('');
    expect(sameStep1Values(values, { ...values })).toBe(true);
    expect(sameStep1Values(values, { ...values, town: '銀座' })).toBe(false);
    expect(sameStep1Values(EMPTY_STEP1, { ...EMPTY_STEP1, directoryOptIn: true })).toBe(false);
  });
});
