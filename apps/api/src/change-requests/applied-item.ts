import { schema, type TenantTx } from '@kyogikai/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../trpc/app-error';
import type { TChangeItemRow } from './change-items';

/**
 * Optimistic concurrency per field (ADR 023), for the organisation's items (D1, D5) and an
 * establishment edit (D3) alike: every field the item changes must still hold the value the member
 * saw when proposing (`previous`), else someone changed it since and the item is refused (CONFLICT
 * changeRequest.valueChanged), never silently overwriting it. Other fields may have moved on.
 * `currentValue` reads a field of the locked row (and throws for a field that is not changeable).
 * Returns the values the item replaces, field by field.
 */
export function checkSeenValues(item: TChangeItemRow, currentValue: (field: string) => unknown): Record<string, unknown> {
  const replaced: Record<string, unknown> = {};
  for (const field of Object.keys(item.proposed)) {
    const current = currentValue(field);
    if (current !== (item.previous?.[field] ?? null)) throw new AppError('CONFLICT', 'changeRequest.valueChanged', { field });
    replaced[field] = current;
  }
  return replaced;
}

/**
 * Marks an item applied (once: an item already applied stays as it was), recording what the
 * approval resolved — the row an addition created (`entityId`), establishments named by an item's
 * id resolved to their rows (`proposed`) — and the values it replaced (`previous`).
 */
export async function markItemApplied(
  tx: TenantTx,
  item: Pick<TChangeItemRow, 'id'>,
  now: Date,
  recorded: Partial<Pick<TChangeItemRow, 'entityId' | 'proposed' | 'previous'>>,
): Promise<void> {
  const i = schema.changeItems;
  await tx
    .update(i)
    .set({ ...recorded, appliedAt: now })
    .where(and(eq(i.id, item.id), isNull(i.appliedAt)));
}
