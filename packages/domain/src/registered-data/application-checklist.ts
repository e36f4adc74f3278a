import { missingOrganisationFields, type TOrganisationField, type TOrganisationTextField } from '../organisation/organisation-draft';
import type { TDocumentScope, TTenantConfig } from '../tenant/tenant-config';
import { documentSlots, missingDocumentKeys, requiredDocumentKeys } from './documents';

/** The names of a missing document, as its slot shows them. */
type TDocumentNames = { documentKey: string; documentNameJa: string; documentNameEn: string };

/**
 * What still blocks 「上記内容で申請を行う」 (SPEC B5), in the order マイページ lists it: STEP1 fields,
 * the organisation's required documents, at least one worker, each establishment's required
 * documents, and for each worker (in registration order) an establishment and every required
 * document. Document items carry the slot's key and the owner's id, which is what the portal needs
 * to link to the upload slot.
 */
export type TChecklistItem =
  | { kind: 'step1'; field: TOrganisationTextField }
  | { kind: 'workers' }
  | ({ kind: 'organisationDocument' } & TDocumentNames)
  | ({ kind: 'establishmentDocument'; establishmentId: string; establishmentName: string } & TDocumentNames)
  | ({ kind: 'document'; workerId: string; workerName: string } & TDocumentNames)
  | { kind: 'establishment'; workerId: string; workerName: string };

export type TChecklistWorker = {
  id: string;
  nameLatin: string;
  establishmentCount: number;
  /** Keys of the worker's current documents. */
  documentKeys: Iterable<string>;
};

export type TChecklistEstablishment = {
  id: string;
  name: string;
  /** How many of the organisation's (non-archived) workers are registered at it. */
  workerCount: number;
  /** Keys of the establishment's current documents. */
  documentKeys: Iterable<string>;
};

/** The missing required documents of one owner (worker, establishment or the organisation), in config order. */
function missingDocuments(
  config: Pick<TTenantConfig, 'requiredDocuments'>,
  scope: TDocumentScope,
  uploadedKeys: Iterable<string>,
): TDocumentNames[] {
  const slots = new Map(documentSlots(config, scope).map((slot) => [slot.key, slot]));
  return missingDocumentKeys(requiredDocumentKeys(config, scope), uploadedKeys).map((key) => ({
    documentKey: key,
    documentNameJa: slots.get(key)?.nameJa ?? key,
    documentNameEn: slots.get(key)?.nameEn ?? key,
  }));
}

/**
 * The checklist (SPEC B5). An establishment's documents are required once at least one worker is
 * registered at it (an establishment nobody works at is not part of the application); the
 * organisation's documents are always required. `establishments` are the organisation's
 * non-archived ones, in the order the portal lists them.
 */
export function applicationChecklist(input: {
  organisation: Partial<Record<TOrganisationField, unknown>>;
  config: Pick<TTenantConfig, 'requiredDocuments' | 'corporateNumberRequired'>;
  workers: readonly TChecklistWorker[];
  establishments: readonly TChecklistEstablishment[];
  /** Keys of the organisation's current documents (scope organisation). */
  organisationDocumentKeys: Iterable<string>;
}): { isComplete: boolean; items: TChecklistItem[] } {
  const { config } = input;
  const items: TChecklistItem[] = missingOrganisationFields(input.organisation, {
    corporateNumberRequired: config.corporateNumberRequired,
  }).map((field) => ({ kind: 'step1', field }));
  for (const missing of missingDocuments(config, 'organisation', input.organisationDocumentKeys)) {
    items.push({ kind: 'organisationDocument', ...missing });
  }
  if (input.workers.length === 0) items.push({ kind: 'workers' });
  for (const establishment of input.establishments) {
    if (establishment.workerCount === 0) continue;
    for (const missing of missingDocuments(config, 'establishment', establishment.documentKeys)) {
      items.push({ kind: 'establishmentDocument', establishmentId: establishment.id, establishmentName: establishment.name, ...missing });
    }
  }
  for (const worker of input.workers) {
    if (worker.establishmentCount === 0) items.push({ kind: 'establishment', workerId: worker.id, workerName: worker.nameLatin });
    for (const missing of missingDocuments(config, 'worker', worker.documentKeys)) {
      items.push({ kind: 'document', workerId: worker.id, workerName: worker.nameLatin, ...missing });
    }
  }
  return { isComplete: items.length === 0, items };
}

/**
 * The number an application gets on submission (SPEC B5): the tenant's slug in capitals, the year
 * (Japan time) and six digits, e.g. KAIGO-2026-048213. Unique per tenant (database constraint).
 */
export function formatReferenceNumber(tenantSlug: string, year: number, serial: number): string {
  return `${tenantSlug.toUpperCase()}-${year}-${String(serial).padStart(6, '0')}`;
}
