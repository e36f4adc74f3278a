import { ZEstablishmentValues } from '@kyogikai/domain';
import { z } from 'zod';

/** An establishment's values as the screens show them (B4a; D3/D4 also for one being added), whitelisted. */
export const ZEstablishmentFields = z.object({
  name: z.string(),
  postalCode: z.string().nullable(),
  prefecture: z.string(),
  city: z.string(),
  town: z.string(),
  building: z.string().nullable(),
  phone: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
});

/** ◆受入れ事業所情報 (SPEC B4a), whitelisted. */
export const ZEstablishment = z.object({
  id: z.uuid(),
  ...ZEstablishmentFields.shape,
  version: z.number().int(),
  workerCount: z.number().int(),
});
export const ZListEstablishmentsOutput = z.array(ZEstablishment);

export const ZCreateEstablishmentInput = ZEstablishmentValues;
export const ZCreateEstablishmentOutput = z.object({ id: z.uuid(), version: z.number().int() });

export const ZUpdateEstablishmentInput = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  values: ZEstablishmentValues,
});
export const ZUpdateEstablishmentOutput = z.object({ version: z.number().int() });
