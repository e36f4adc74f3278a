import { recordAudit, schema, type TenantTx } from '@kyogikai/db';
import { isMembershipEditable } from '@kyogikai/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError, notFound } from '../trpc/app-error';

/**
 * Documents of a worker being added after joining (SPEC D2, ADR 025): uploaded while the worker is
 * only a `worker_add` change item, into rows with `pending_change_item_id` = the item and no worker.
 * They are not registered data: the application's checklist and registered workers' slots skip them.
 */

/**
 * The `worker_add` item may receive or lose documents now, in the transaction that makes the
 * change: the organisation is an active member, and the item belongs to its draft change request
 * (once submitted, the secretariat reviews exactly what was sent). Takes a share lock on the draft,
 * so a submission (which locks it for update) waits for this change to commit and then sees it, or
 * this change waits for the submission and is refused. Another organisation's item is not found
 * (row-level security), the same as a missing one.
 */
export async function assertPendingWorkerEditable(tx: TenantTx, organisationId: string, itemId: string): Promise<void> {
  const o = schema.organisations;
  const [organisation] = await tx.select({ membershipState: o.membershipState }).from(o).where(eq(o.id, organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  if (!isMembershipEditable(organisation.membershipState)) throw new AppError('FORBIDDEN', 'membership.notActive');
  const i = schema.changeItems;
  const r = schema.changeRequests;
  const [item] = await tx
    .select({ changeRequestId: i.changeRequestId })
    .from(i)
    .where(and(eq(i.id, itemId), eq(i.organisationId, organisationId), eq(i.kind, 'worker_add')))
    // Serialises changes of one item's files: two uploads into one slot at once must not both stay
    // current (the one-current-file-per-slot index covers registered documents only).
    .for('update');
  if (!item) throw notFound('changeRequest.notFound');
  const [request] = await tx.select({ state: r.state }).from(r).where(eq(r.id, item.changeRequestId)).for('share');
  if (!request) throw notFound('changeRequest.notFound');
  if (request.state !== 'draft') throw new AppError('FORBIDDEN', 'document.changeSubmitted');
}

/**
 * Approval of a `worker_add` item (called by its applier, in the approval's transaction, after the
 * worker row exists): the item's current documents become the new worker's — worker_id set,
 * pending_change_item_id cleared — so they count as registered from the same commit. Files the
 * member replaced or removed while drafting stay marked and pending; the leftover sweep deletes their
 * objects and rows. Returns how many documents were attached.
 */
export async function attachPendingDocuments(tx: TenantTx, input: { itemId: string; workerId: string }): Promise<number> {
  const d = schema.documents;
  const attached = await tx
    .update(d)
    .set({ workerId: input.workerId, pendingChangeItemId: null })
    .where(and(eq(d.pendingChangeItemId, input.itemId), eq(d.scope, 'worker'), isNull(d.replacedAt), isNull(d.deletedAt)))
    .returning({ id: d.id });
  return attached.length;
}

/**
 * Cancellation, rejection, withdrawal or removal from the draft of a `worker_add` item: its
 * documents will never be anyone's. Their rows are deleted in the caller's transaction (rows marked
 * replaced or removed while drafting too), because a row must not outlive the item it names — the
 * item of a removal is deleted in the same transaction, and the foreign key forbids it while a
 * document still points at it. The objects are then named by no row, and the leftover sweep deletes
 * them (`sweepLeftoverObjects`, orphan objects, ADR 017): the caller has no object store inside a
 * transaction, and a rolled-back discard must not have deleted anything. The audit trail keeps what
 * was discarded and when. Returns how many current (not replaced or removed) documents were discarded.
 */
export async function discardPendingDocuments(tx: TenantTx, input: { itemId: string; now: Date }): Promise<number> {
  const d = schema.documents;
  const discarded = await tx.delete(d).where(eq(d.pendingChangeItemId, input.itemId)).returning({
    id: d.id,
    tenantId: d.tenantId,
    documentKey: d.documentKey,
    customName: d.customName,
    fileName: d.fileName,
    sha256: d.sha256,
    replacedAt: d.replacedAt,
    deletedAt: d.deletedAt,
  });
  const current = discarded.filter((doc) => doc.replacedAt === null && doc.deletedAt === null);
  const tenantId = discarded[0]?.tenantId;
  if (tenantId !== undefined) {
    // The system discards (the caller's own audit entry says who cancelled, rejected or removed).
    await recordAudit(tx, {
      tenantId,
      actorUserId: null,
      action: 'document.discarded',
      targetType: 'change_item',
      targetId: input.itemId,
      before: {
        documents: discarded.map((doc) => ({
          id: doc.id,
          documentKey: doc.documentKey,
          customName: doc.customName,
          fileName: doc.fileName,
          sha256: doc.sha256,
          isCurrent: doc.replacedAt === null && doc.deletedAt === null,
        })),
      },
      after: { discardedAt: input.now.toISOString() },
    });
  }
  return current.length;
}
