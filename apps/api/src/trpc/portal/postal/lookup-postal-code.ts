import { lookupPostalCode } from '../../../postal/lookup-postal-code';
import { publicProcedure } from '../../init';
import { ZLookupPostalCodeInput, ZLookupPostalCodeOutput } from './lookup-postal-code.schema';

/** SPEC B2, B4a: 郵便番号 → 都道府県 / 市区町村 / 町域 from data shipped with the app (no external call). */
export const lookup = publicProcedure
  .input(ZLookupPostalCodeInput)
  .output(ZLookupPostalCodeOutput)
  .query(({ input }) => lookupPostalCode(input.postalCode));
