import { z } from 'zod';
import { normaliseText } from '../input/japanese-input';
import type { TRequiredDocument, TTenantConfig } from '../tenant/tenant-config';

/** The document_key of a file the user named themselves (SPEC B4c: any number of other documents). */
export const OTHER_DOCUMENT_KEY = 'other';

/** The size limit of a document unless its slot says otherwise, and of every `other` document (issue 5). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Longest name a user may type for an `other` document. */
export const DOCUMENT_NAME_MAX_LENGTH = 100;

/** The name typed for an `other` document (「書類の名称」): normalised like other text, 1-100 characters. */
export const ZDocumentName = z
  .string({ error: 'document.nameRequired' })
  .max(2000, 'document.nameTooLong')
  .transform(normaliseText)
  .pipe(z.string().min(1, 'document.nameRequired').max(DOCUMENT_NAME_MAX_LENGTH, 'document.nameTooLong'));

/** The upload slots of each worker (SPEC B4c): the tenant's documents with scope `worker`, in config order. */
export function workerDocumentSlots(config: Pick<TTenantConfig, 'requiredDocuments'>): TRequiredDocument[] {
  return config.requiredDocuments.filter((doc) => doc.scope === 'worker');
}

/** The worker slots that must hold a file before the application can be submitted. */
export function requiredWorkerDocumentKeys(config: Pick<TTenantConfig, 'requiredDocuments'>): string[] {
  return workerDocumentSlots(config)
    .filter((doc) => doc.required)
    .map((doc) => doc.key);
}

/** Which of the required keys are missing from what was uploaded, in config order. */
export function missingDocumentKeys(requiredKeys: readonly string[], uploadedKeys: Iterable<string>): string[] {
  const uploaded = new Set(uploadedKeys);
  return requiredKeys.filter((key) => !uploaded.has(key));
}

/** A worker slot's size limit: its own `maxBytes`, or the default for `other`. */
export function documentMaxBytes(config: Pick<TTenantConfig, 'requiredDocuments'>, documentKey: string): number | null {
  if (documentKey === OTHER_DOCUMENT_KEY) return DEFAULT_DOCUMENT_MAX_BYTES;
  return workerDocumentSlots(config).find((doc) => doc.key === documentKey)?.maxBytes ?? null;
}
