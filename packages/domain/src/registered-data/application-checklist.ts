import { missingOrganisationFields, type TOrganisationField, type TOrganisationTextField } from '../organisation/organisation-draft';
import type { TTenantConfig } from '../tenant/tenant-config';
import { missingDocumentKeys, requiredWorkerDocumentKeys, workerDocumentSlots } from './documents';

/**
 * What still blocks 「上記内容で申請を行う」 (SPEC B5), in the order マイページ lists it: STEP1 fields,
 * at least one worker, and for each worker (in registration order) an establishment and every
 * required document.
 */
export type TChecklistItem =
  | { kind: 'step1'; field: TOrganisationTextField }
  | { kind: 'workers' }
  | { kind: 'document'; workerId: string; workerName: string; documentKey: string; documentNameJa: string; documentNameEn: string }
  | { kind: 'establishment'; workerId: string; workerName: string };

export type TChecklistWorker = {
  id: string;
  nameLatin: string;
  establishmentCount: number;
  /** Keys of the worker's current documents. */
  documentKeys: Iterable<string>;
};

export function applicationChecklist(input: {
  organisation: Partial<Record<TOrganisationField, unknown>>;
  config: Pick<TTenantConfig, 'requiredDocuments' | 'corporateNumberRequired'>;
  workers: readonly TChecklistWorker[];
}): { isComplete: boolean; items: TChecklistItem[] } {
  const items: TChecklistItem[] = missingOrganisationFields(input.organisation, {
    corporateNumberRequired: input.config.corporateNumberRequired,
  }).map((field) => ({ kind: 'step1', field }));
  if (input.workers.length === 0) items.push({ kind: 'workers' });
  const slots = new Map(workerDocumentSlots(input.config).map((slot) => [slot.key, slot]));
  const required = requiredWorkerDocumentKeys(input.config);
  for (const worker of input.workers) {
    if (worker.establishmentCount === 0) items.push({ kind: 'establishment', workerId: worker.id, workerName: worker.nameLatin });
    for (const key of missingDocumentKeys(required, worker.documentKeys)) {
      const slot = slots.get(key);
      items.push({
        kind: 'document',
        workerId: worker.id,
        workerName: worker.nameLatin,
        documentKey: key,
        documentNameJa: slot?.nameJa ?? key,
        documentNameEn: slot?.nameEn ?? key,
      });
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
