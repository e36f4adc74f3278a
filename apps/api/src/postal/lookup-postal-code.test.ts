import { describe, expect, it } from 'vitest';
import { lookupPostalCode, preloadPostalData } from './lookup-postal-code';

describe('B2 postal code lookup (offline data)', () => {
  it('B2 loads the data once; later lookups are fast', () => {
    const started = performance.now();
    preloadPostalData();
    const firstMs = performance.now() - started;
    const again = performance.now();
    for (let i = 0; i < 100; i++) lookupPostalCode('1040061');
    const hundredMs = performance.now() - again;
    // Loose bounds (shared CI machine): the point is that the tables are not reloaded per call.
    expect(hundredMs).toBeLessThan(Math.max(50, firstMs));
  });

  it('B2 a known code fills 都道府県 / 市区町村 / 町域', () => {
    expect(lookupPostalCode('1040061')).toEqual({
      status: 'found',
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座',
    });
  });

  it.each(['１０４－００６１', '104-0061', '〒104-0061', ' 1040061 '])('B2 %s is normalised before the lookup', (input) => {
    expect(lookupPostalCode(input)).toMatchObject({ status: 'found', postalCode: '1040061', town: '銀座' });
  });

  it('B2 an unknown code says so', () => {
    expect(lookupPostalCode('0000000')).toEqual({ status: 'not_found' });
  });

  it.each(['12', '104-006', 'abcdefg', ''])('B2 %s is not a postal code', (input) => {
    expect(lookupPostalCode(input)).toEqual({ status: 'invalid' });
  });

  it('B2 a code covering several 町域 fills what they share', () => {
    expect(lookupPostalCode('4520961')).toEqual({
      status: 'found',
      postalCode: '4520961',
      prefecture: '愛知県',
      city: '清須市',
      town: '春日',
    });
  });

  it('B2 a code for a whole city leaves 町域 empty for the user', () => {
    expect(lookupPostalCode('0600000')).toEqual({
      status: 'found',
      postalCode: '0600000',
      prefecture: '北海道',
      city: '札幌市中央区',
      town: '',
    });
  });
});
