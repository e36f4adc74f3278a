import { schema, type TenantTx } from '@kyogikai/db';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { attachPendingDocuments, discardPendingDocuments } from '../documents/pending-change-documents';
import { replaceWorkerLinks } from '../registered-data/workers';
import { AppError } from '../trpc/app-error';
import { markItemApplied } from './applied-item';
import type { TChangeItemRow } from './change-items';

/** The ids an item lists (`establishmentIds` of a worker addition or a links change). */
export function establishmentIdsOf(values: Record<string, unknown> | null | undefined): string[] {
  const ids = values?.establishmentIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * The registered establishments an item's ids stand for: an establishment being added (D4) is named
 * by its item's id until approval; `added` maps such ids to the rows created earlier in the same
 * approval, and an addition approved in an earlier request is found through its item's entity_id.
 * Every result must be a registered, not archived establishment of the organisation (row-level
 * security hides the others), else the request cannot be applied any more: CONFLICT.
 */
async function resolveEstablishments(tx: TenantTx, ids: readonly string[], added: ReadonlyMap<string, string>): Promise<string[]> {
  const resolved = ids.map((id) => added.get(id) ?? id);
  const unresolved = resolved.filter((id) => ids.includes(id));
  if (unresolved.length > 0) {
    const i = schema.changeItems;
    const earlier = await tx
      .select({ id: i.id, entityId: i.entityId })
      .from(i)
      .where(and(inArray(i.id, unresolved), eq(i.kind, 'establishment_add'), isNotNull(i.entityId)));
    const byItem = new Map(earlier.map((row) => [row.id, row.entityId ?? row.id]));
    for (let index = 0; index < resolved.length; index += 1) {
      const id = resolved[index] as string;
      resolved[index] = byItem.get(id) ?? id;
    }
  }
  const unique = [...new Set(resolved)];
  const e = schema.establishments;
  const found = await tx
    .select({ id: e.id })
    .from(e)
    .where(and(inArray(e.id, unique), isNull(e.archivedAt)));
  if (found.length !== unique.length || unique.length === 0) {
    throw new AppError('CONFLICT', 'changeRequest.valueChanged', { field: 'establishmentIds' });
  }
  return unique;
}

/**
 * D2 「特定技能外国人の追加」 on approval: the worker row and its establishment links are created,
 * the documents uploaded for the addition become the worker's (attachPendingDocuments), and the
 * item records the new worker (entity_id) and the establishments resolved to their rows.
 */
export async function applyWorkerAdd(tx: TenantTx, item: TChangeItemRow, now: Date, added: ReadonlyMap<string, string>): Promise<void> {
  const p = item.proposed;
  const establishmentIds = await resolveEstablishments(tx, establishmentIdsOf(p), added);
  const w = schema.workers;
  const [worker] = await tx
    .insert(w)
    .values({
      tenantId: item.tenantId,
      organisationId: item.organisationId,
      nameLatin: String(p.nameLatin ?? ''),
      nationality: String(p.nationality ?? ''),
      nameKana: typeof p.nameKana === 'string' ? p.nameKana : null,
      extra: (p.extra ?? {}) as Record<string, string>,
    })
    .returning({ id: w.id });
  if (!worker) throw new Error('insert returned no worker');
  await replaceWorkerLinks(tx, item, worker.id, establishmentIds);
  await attachPendingDocuments(tx, { itemId: item.id, workerId: worker.id });
  await markItemApplied(tx, item, now, { entityId: worker.id, proposed: { ...p, establishmentIds } });
}

/**
 * D3 a registered worker's establishments on approval: the links must still be the ones the member
 * saw (as a set; else CONFLICT changeRequest.valueChanged), then they are replaced and the worker's
 * version moves on (links are versioned by their worker, ADR 013).
 */
export async function applyWorkerEstablishments(
  tx: TenantTx,
  item: TChangeItemRow,
  now: Date,
  added: ReadonlyMap<string, string>,
): Promise<void> {
  if (!item.entityId) throw new Error(`change item ${item.id}: a links change without its worker`);
  const w = schema.workers;
  const we = schema.workerEstablishments;
  const [worker] = await tx
    .select({ id: w.id, version: w.version })
    .from(w)
    .where(and(eq(w.id, item.entityId), isNull(w.archivedAt)))
    .for('update');
  if (!worker) throw new AppError('CONFLICT', 'changeRequest.valueChanged', { field: 'establishmentIds' });
  const current = (await tx.select({ id: we.establishmentId }).from(we).where(eq(we.workerId, worker.id))).map((link) => link.id);
  if (!sameIds(current, establishmentIdsOf(item.previous))) {
    throw new AppError('CONFLICT', 'changeRequest.valueChanged', { field: 'establishmentIds' });
  }
  const establishmentIds = await resolveEstablishments(tx, establishmentIdsOf(item.proposed), added);
  const [bumped] = await tx
    .update(w)
    .set({ updatedAt: now })
    .where(and(eq(w.id, worker.id), eq(w.version, worker.version)))
    .returning({ id: w.id });
  if (!bumped) throw new AppError('CONFLICT', 'common.conflict');
  await replaceWorkerLinks(tx, item, worker.id, establishmentIds);
  await markItemApplied(tx, item, now, { proposed: { establishmentIds }, previous: { establishmentIds: current } });
}

/** A cancelled or rejected worker addition: its uploads' rows go; the leftover sweep removes the objects (ADR 017). */
export async function discardWorkerAdd(tx: TenantTx, item: Pick<TChangeItemRow, 'id'>, now: Date): Promise<void> {
  await discardPendingDocuments(tx, { itemId: item.id, now });
}
