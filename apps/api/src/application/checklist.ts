import { schema, type TenantTx } from '@kyogikai/db';
import { applicationChecklist, type TChecklistItem, type TTenantConfig } from '@kyogikai/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { notFound } from '../trpc/app-error';

/** Appends `value` to the list kept under `key`. */
function push<K>(map: Map<K, string[]>, key: K, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What still blocks submission (SPEC B5), read in the organisation transaction: STEP1, the
 * organisation's documents, at least one worker, the documents of each establishment a worker is
 * registered at, and each worker's establishment and required documents. Five queries whatever the
 * number of workers and establishments.
 */
export async function loadChecklist(
  tx: TenantTx,
  config: TTenantConfig,
  organisationId: string,
): Promise<{ isComplete: boolean; items: TChecklistItem[]; workerCount: number }> {
  const o = schema.organisations;
  const w = schema.workers;
  const e = schema.establishments;
  const we = schema.workerEstablishments;
  const d = schema.documents;
  const [organisation] = await tx.select().from(o).where(eq(o.id, organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  const workers = await tx
    .select({ id: w.id, nameLatin: w.nameLatin })
    .from(w)
    .where(and(eq(w.organisationId, organisationId), isNull(w.archivedAt)))
    .orderBy(asc(w.createdAt), asc(w.id));
  const establishments = await tx
    .select({ id: e.id, name: e.name })
    .from(e)
    .where(and(eq(e.organisationId, organisationId), isNull(e.archivedAt)))
    .orderBy(asc(e.createdAt), asc(e.id));
  const links =
    workers.length === 0
      ? []
      : await tx
          .select({ workerId: we.workerId, establishmentId: we.establishmentId })
          .from(we)
          .where(eq(we.organisationId, organisationId));
  // Every registered (not pending, replaced or removed) document of the organisation, any scope.
  const documents = await tx
    .select({ scope: d.scope, workerId: d.workerId, establishmentId: d.establishmentId, documentKey: d.documentKey })
    .from(d)
    .where(and(eq(d.organisationId, organisationId), isNull(d.replacedAt), isNull(d.deletedAt), isNull(d.pendingChangeItemId)));

  const currentWorkers = new Set(workers.map((worker) => worker.id));
  const establishmentsOf = new Map<string, string[]>();
  const workersAt = new Map<string, string[]>();
  for (const link of links) {
    if (!currentWorkers.has(link.workerId)) continue;
    push(establishmentsOf, link.workerId, link.establishmentId);
    push(workersAt, link.establishmentId, link.workerId);
  }
  const keysOf = new Map<string | null, string[]>();
  const organisationKeys: string[] = [];
  for (const doc of documents) {
    if (doc.scope === 'worker') push(keysOf, doc.workerId, doc.documentKey);
    else if (doc.scope === 'establishment') push(keysOf, doc.establishmentId, doc.documentKey);
    else organisationKeys.push(doc.documentKey);
  }
  const result = applicationChecklist({
    organisation,
    config,
    workers: workers.map((worker) => ({
      id: worker.id,
      nameLatin: worker.nameLatin,
      establishmentCount: establishmentsOf.get(worker.id)?.length ?? 0,
      documentKeys: keysOf.get(worker.id) ?? [],
    })),
    establishments: establishments.map((establishment) => ({
      id: establishment.id,
      name: establishment.name,
      workerCount: workersAt.get(establishment.id)?.length ?? 0,
      documentKeys: keysOf.get(establishment.id) ?? [],
    })),
    organisationDocumentKeys: organisationKeys,
  });
  return { ...result, workerCount: workers.length };
}
