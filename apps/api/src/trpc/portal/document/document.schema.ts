import { z } from 'zod';

/** A registered worker's slots, or (SPEC D2) those of a worker being added: its `worker_add` change item. Exactly one. */
export const ZDocumentSlotsInput = z.union([z.strictObject({ workerId: z.uuid() }), z.strictObject({ changeItemId: z.uuid() })]);
const ZFile = { id: z.uuid(), fileName: z.string(), byteSize: z.number().int(), uploadedAt: z.date() };
/** One upload slot (a document the tenant asks for) with its current file, if any. */
const ZSlot = z.object({
  key: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  required: z.boolean(),
  noteJa: z.string().nullable(),
  maxBytes: z.number().int(),
  document: z.object(ZFile).nullable(),
});
export const ZDocumentSlotsOutput = z.object({
  required: z.array(ZSlot),
  others: z.array(z.object({ ...ZFile, customName: z.string() })),
});

/** 法人・事業所の書類: the organisation's slots and each establishment's. */
export const ZOrganisationSlotsOutput = z.object({
  establishmentDocuments: z.array(z.object({ key: z.string(), nameJa: z.string(), nameEn: z.string(), required: z.boolean() })),
  organisation: z.array(ZSlot),
  establishments: z.array(z.object({ id: z.uuid(), name: z.string(), workerCount: z.number().int(), slots: z.array(ZSlot) })),
});

export const ZDeleteDocumentInput = z.object({ id: z.uuid() });
export const ZDeleteDocumentOutput = z.object({ ok: z.literal(true) });
