import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../database';
import type { TOutboxKind, TOutboxPayload } from '../schema/outbox';
import { isUuid } from '../tenant-transaction';

/** The relay dispatches by kind; the payload is validated again by the queue it goes to. */
export type PendingOutboxMessage = { id: string; tenantId: string; kind: TOutboxKind; payload: TOutboxPayload };

/** Upper bound of one relay batch (also enforced by the SQL function). */
export const OUTBOX_MAX_BATCH = 1000;

/**
 * Pending outbox messages of every tenant whose available_at has come, oldest first, through
 * the SECURITY DEFINER function `unsafe_outbox_pending`. Safe to call from the app role. Rows are
 * not locked: two relays may both see a row, and the queue dedupes by messageId (jobId).
 */
export async function unsafeListPendingOutbox(app: Database, batch: number): Promise<PendingOutboxMessage[]> {
  if (!Number.isInteger(batch) || batch < 1 || batch > OUTBOX_MAX_BATCH) {
    throw new RangeError(`unsafeListPendingOutbox: batch must be an integer from 1 to ${OUTBOX_MAX_BATCH}`);
  }
  const rows = await queryRows<{ id: string; tenant_id: string; kind: TOutboxKind; payload: TOutboxPayload }>(
    app.db,
    sql`select id, tenant_id, kind, payload from unsafe_outbox_pending(${batch}::integer)`,
  );
  return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, kind: row.kind, payload: row.payload }));
}

/**
 * Marks the given outbox rows enqueued (only those still pending; a worker may already have
 * marked one sent). Returns how many moved.
 */
export async function unsafeMarkOutboxEnqueued(app: Database, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  if (!ids.every(isUuid)) throw new TypeError('unsafeMarkOutboxEnqueued: ids must be uuids');
  // Validated uuids only, so the array literal cannot carry anything else.
  const literal = `{${ids.join(',')}}`;
  const [row] = await queryRows<{ moved: number }>(app.db, sql`select unsafe_outbox_mark_enqueued(${literal}::uuid[]) as moved`);
  return row?.moved ?? 0;
}
