import { z } from 'zod';
import { optionalText, requiredText, ZExtraInput, ZPhoneField, ZPostalCodeField } from './form-fields';

/**
 * ◆受入れ事業所情報 (SPEC B4a): 「受入れ事業所の追加」 and its edit form. Normalised like STEP1;
 * the tenant's extra fields (e.g. 介護サービスの種類) are checked with `checkCustomFields`.
 */
export const ZEstablishmentValues = z.strictObject({
  /** 事業所名 */
  name: requiredText(200),
  postalCode: ZPostalCodeField,
  prefecture: requiredText(10),
  city: requiredText(100),
  town: requiredText(200),
  /** 建物名等 */
  building: optionalText(200),
  phone: ZPhoneField,
  extra: ZExtraInput,
});
export type TEstablishmentValuesInput = z.input<typeof ZEstablishmentValues>;
export type TEstablishmentValues = z.output<typeof ZEstablishmentValues>;
