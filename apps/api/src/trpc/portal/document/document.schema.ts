import { z } from 'zod';

export const ZDocumentSlotsInput = z.object({ workerId: z.uuid() });
const ZFile = { id: z.uuid(), fileName: z.string(), byteSize: z.number().int(), uploadedAt: z.date() };
export const ZDocumentSlotsOutput = z.object({
  required: z.array(
    z.object({
      key: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      required: z.boolean(),
      noteJa: z.string().nullable(),
      maxBytes: z.number().int(),
      document: z.object(ZFile).nullable(),
    }),
  ),
  others: z.array(z.object({ ...ZFile, customName: z.string() })),
});

export const ZDeleteDocumentInput = z.object({ id: z.uuid() });
export const ZDeleteDocumentOutput = z.object({ ok: z.literal(true) });
