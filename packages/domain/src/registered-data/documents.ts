import { z } from 'zod';
import { normaliseText } from '../input/japanese-input';
import type { TDocumentScope, TRequiredDocument, TTenantConfig } from '../tenant/tenant-config';

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

/**
 * The upload slots of one scope (SPEC B4c, ADR 017): the tenant's documents with that scope, in
 * config order. `worker`: one set per worker; `establishment`: one set per establishment (e.g.
 * 飲食店営業許可証の写し); `organisation`: one set for the member (e.g. 登記事項証明書).
 */
export function documentSlots(config: Pick<TTenantConfig, 'requiredDocuments'>, scope: TDocumentScope): TRequiredDocument[] {
  return config.requiredDocuments.filter((doc) => doc.scope === scope);
}

/** The slots of one scope that must hold a file before the application can be submitted. */
export function requiredDocumentKeys(config: Pick<TTenantConfig, 'requiredDocuments'>, scope: TDocumentScope): string[] {
  return documentSlots(config, scope)
    .filter((doc) => doc.required)
    .map((doc) => doc.key);
}

/** The worker slots that must hold a file before the application can be submitted. */
export function requiredWorkerDocumentKeys(config: Pick<TTenantConfig, 'requiredDocuments'>): string[] {
  return requiredDocumentKeys(config, 'worker');
}

/** Which of the required keys are missing from what was uploaded, in config order. */
export function missingDocumentKeys(requiredKeys: readonly string[], uploadedKeys: Iterable<string>): string[] {
  const uploaded = new Set(uploadedKeys);
  return requiredKeys.filter((key) => !uploaded.has(key));
}

/**
 * A slot's size limit: its own `maxBytes`, or the default for `other`, which only workers have
 * (SPEC B4c names the user-named documents among a worker's). Null: no such slot in this scope.
 */
export function documentMaxBytes(
  config: Pick<TTenantConfig, 'requiredDocuments'>,
  scope: TDocumentScope,
  documentKey: string,
): number | null {
  if (documentKey === OTHER_DOCUMENT_KEY) return scope === 'worker' ? DEFAULT_DOCUMENT_MAX_BYTES : null;
  return documentSlots(config, scope).find((doc) => doc.key === documentKey)?.maxBytes ?? null;
}
