import { ZWorkerValues } from '@kyogikai/domain';
import { z } from 'zod';
import { WORKER_PAGE_MAX } from '../../../registered-data/workers';

export const ZListWorkersInput = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(WORKER_PAGE_MAX).optional(),
  })
  .optional();
export const ZListWorkersOutput = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      nameLatin: z.string(),
      /** ISO 3166-1 alpha-2; names from `COUNTRIES` in @kyogikai/domain. */
      nationality: z.string(),
      nameKana: z.string().nullable(),
      establishments: z.array(z.object({ id: z.uuid(), name: z.string() })),
      documentsComplete: z.boolean(),
      missingDocumentKeys: z.array(z.string()),
    }),
  ),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

export const ZWorkerDocument = z.object({
  id: z.uuid(),
  documentKey: z.string(),
  customName: z.string().nullable(),
  fileName: z.string(),
  byteSize: z.number().int(),
  uploadedAt: z.date(),
});

export const ZWorker = z.object({
  id: z.uuid(),
  nameLatin: z.string(),
  nationality: z.string(),
  nameKana: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
  establishmentIds: z.array(z.uuid()),
  version: z.number().int(),
  documents: z.array(ZWorkerDocument),
});

export const ZGetWorkerInput = z.object({ id: z.uuid() });

export const ZCreateWorkerInput = ZWorkerValues;
export const ZCreateWorkerOutput = z.object({ id: z.uuid(), version: z.number().int() });

export const ZUpdateWorkerInput = z.object({ id: z.uuid(), version: z.number().int().min(1), values: ZWorkerValues });
export const ZUpdateWorkerOutput = z.object({ version: z.number().int() });

export const ZDeleteWorkerInput = z.object({ id: z.uuid(), version: z.number().int().min(1) });
export const ZOkOutput = z.object({ ok: z.literal(true) });
