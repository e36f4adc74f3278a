import { z } from 'zod';

export const ZLookupPostalCodeInput = z.object({ postalCode: z.string().max(40) });
export const ZLookupPostalCodeOutput = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    postalCode: z.string().regex(/^[0-9]{7}$/),
    prefecture: z.string(),
    city: z.string(),
    town: z.string(),
  }),
  z.object({ status: z.literal('not_found') }),
  z.object({ status: z.literal('invalid') }),
]);
