import { CONSENT_DOCUMENT_KEYS } from '@kyogikai/domain';
import { z } from 'zod';

export const ZListConsentDocumentsOutput = z.array(
  z.object({ key: z.enum(CONSENT_DOCUMENT_KEYS), titleJa: z.string(), titleEn: z.string(), version: z.string(), body: z.string() }),
);
