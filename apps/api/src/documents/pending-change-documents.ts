import { schema, type TenantTx } from '@kyogikai/db';
import { and, eq, isNull } from 'drizzle-orm';

/**
 * The documents uploaded for a worker being added after joining (SPEC D2) wait on their change
 * item (`documents.pending_change_item_id`) and are not registered data until the item is applied.
 */
function pendingOf(itemId: string) {
  const d = schema.documents;
  return and(eq(d.pendingChangeItemId, itemId), isNull(d.replacedAt), isNull(d.deletedAt));
}

/**
 * On approval (the item's applier, in its transaction): the item's current documents become the new
 * worker's. Returns how many.
 */
export async function attachPendingDocuments(tx: TenantTx, input: { itemId: string; workerId: string }): Promise<number> {
  const d = schema.documents;
  const attached = await tx
    .update(d)
    .set({ workerId: input.workerId, pendingChangeItemId: null })
    .where(pendingOf(input.itemId))
    .returning({ id: d.id });
  return attached.length;
}

/**
 * On cancellation or rejection (the discard effect, in its transaction): the item's documents are
 * marked removed, like 「削除」 of a file. The rows keep naming the item (the item stays as the
 * record of what was asked); the leftover sweep deletes their objects and then the rows (ADR 017).
 * Returns how many.
 */
export async function discardPendingDocuments(tx: TenantTx, input: { itemId: string; now: Date }): Promise<number> {
  const d = schema.documents;
  const discarded = await tx.update(d).set({ deletedAt: input.now }).where(pendingOf(input.itemId)).returning({ id: d.id });
  return discarded.length;
}
