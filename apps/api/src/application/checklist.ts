import { schema, type TenantTx } from '@kyogikai/db';
import { applicationChecklist, type TChecklistItem, type TTenantConfig } from '@kyogikai/domain';
import { asc, count, eq, isNull } from 'drizzle-orm';
import { currentDocumentsOf } from '../registered-data/workers';
import { notFound } from '../trpc/app-error';

/**
 * What still blocks submission (SPEC B5), read in the organisation transaction: STEP1, at least
 * one worker, and each worker's establishment and required documents. Four queries whatever the
 * number of workers.
 */
export async function loadChecklist(
  tx: TenantTx,
  config: TTenantConfig,
  organisationId: string,
): Promise<{ isComplete: boolean; items: TChecklistItem[]; workerCount: number }> {
  const o = schema.organisations;
  const w = schema.workers;
  const we = schema.workerEstablishments;
  const d = schema.documents;
  const [organisation] = await tx.select().from(o).where(eq(o.id, organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  const workers = await tx
    .select({ id: w.id, nameLatin: w.nameLatin })
    .from(w)
    .where(isNull(w.archivedAt))
    .orderBy(asc(w.createdAt), asc(w.id));
  const ids = workers.map((worker) => worker.id);
  const links = ids.length === 0 ? [] : await tx.select({ workerId: we.workerId, establishments: count() }).from(we).groupBy(we.workerId);
  const documents =
    ids.length === 0 ? [] : await tx.select({ workerId: d.workerId, documentKey: d.documentKey }).from(d).where(currentDocumentsOf(ids));
  const linkCount = new Map(links.map((link) => [link.workerId, link.establishments]));
  const keys = new Map<string, string[]>();
  for (const doc of documents) if (doc.workerId) keys.set(doc.workerId, [...(keys.get(doc.workerId) ?? []), doc.documentKey]);
  const result = applicationChecklist({
    organisation,
    config,
    workers: workers.map((worker) => ({
      id: worker.id,
      nameLatin: worker.nameLatin,
      establishmentCount: linkCount.get(worker.id) ?? 0,
      documentKeys: keys.get(worker.id) ?? [],
    })),
  });
  return { ...result, workerCount: workers.length };
}
