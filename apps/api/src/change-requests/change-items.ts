import { schema, type TenantTx } from '@kyogikai/db';
import type { TChangeItemKind } from '@kyogikai/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../trpc/app-error';
import { isChangeableOrganisationField, ORGANISATION_FIELD_LABELS_JA } from './organisation-change-fields';

export type TChangeItemRow = typeof schema.changeItems.$inferSelect;

/** The items of one request, in the order they were proposed. */
export function loadChangeItems(tx: TenantTx, changeRequestId: string): Promise<TChangeItemRow[]> {
  const i = schema.changeItems;
  return tx.select().from(i).where(eq(i.changeRequestId, changeRequestId)).orderBy(asc(i.createdAt), asc(i.id));
}

/** A value as the before/after views and the mails show it: text, empty for none. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** One changed field of an item, before → after (`before` is the value it replaced or will replace). */
export type TFieldChange = {
  itemId: string;
  kind: TChangeItemKind;
  entityType: TChangeItemRow['entityType'];
  field: string;
  before: string;
  after: string;
};

/**
 * The field-by-field view of items. `previous` holds, for an item not yet applied, the values the
 * member saw when proposing (ADR 023) and, once applied, the values it replaced: either way the
 * "before" of the pair.
 */
export function fieldChanges(items: readonly TChangeItemRow[]): TFieldChange[] {
  return items.flatMap((item) =>
    Object.entries(item.proposed).map(([field, after]) => ({
      itemId: item.id,
      kind: item.kind,
      entityType: item.entityType,
      field,
      before: shownValue(item.previous?.[field]),
      after: shownValue(after),
    })),
  );
}

/** The lines a change-request mail prints: Japanese label, before, after. */
export function mailChangeLines(items: readonly TChangeItemRow[]): { label: string; before: string; after: string }[] {
  return fieldChanges(items).map((change) => ({
    label: isChangeableOrganisationField(change.field) ? ORGANISATION_FIELD_LABELS_JA[change.field] : change.field,
    before: change.before,
    after: change.after,
  }));
}

/**
 * Writes the proposed values of one organisation item over the organisation's current ones (ADR 013),
 * in the caller's transaction, which holds the organisation's row lock. Optimistic concurrency per
 * field (ADR 023): every field the item changes must still hold the value the member saw when
 * proposing; otherwise someone changed it since and the item is refused (CONFLICT
 * changeRequest.valueChanged), never silently overwriting it. Other fields may have moved on (a
 * D5 change of the telephone number does not block a pending change of 法人名).
 */
async function applyOrganisationItem(tx: TenantTx, item: TChangeItemRow, now: Date): Promise<void> {
  const o = schema.organisations;
  const [organisation] = await tx.select().from(o).where(eq(o.id, item.organisationId)).for('update');
  if (!organisation) throw new AppError('NOT_FOUND', 'organisation.notFound');
  const current = organisation as unknown as Record<string, unknown>;
  const replaced: Record<string, unknown> = {};
  const set: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(item.proposed)) {
    if (!isChangeableOrganisationField(field)) throw new Error(`change item ${item.id}: ${field} is not a changeable organisation field`);
    const seen = item.previous?.[field] ?? null;
    if ((current[field] ?? null) !== seen) throw new AppError('CONFLICT', 'changeRequest.valueChanged', { field });
    replaced[field] = current[field] ?? null;
    set[field] = value;
  }
  const [saved] = await tx
    .update(o)
    .set(set)
    .where(and(eq(o.id, organisation.id), eq(o.version, organisation.version)))
    .returning({ id: o.id });
  if (!saved) throw new AppError('CONFLICT', 'common.conflict');
  const i = schema.changeItems;
  await tx
    .update(i)
    .set({ previous: replaced, appliedAt: now })
    .where(and(eq(i.id, item.id), isNull(i.appliedAt)));
}

/**
 * The `apply-change-items` effect: the request's not yet applied items of these kinds, in order.
 * Only the organisation's own fields (D1, D5) are applied here so far; the workers and
 * establishments of D2-D4 get their appliers beside this one (same shape: check, write, record
 * what was replaced, mark applied), and until then such an item refuses rather than being skipped.
 */
export async function applyChangeItems(tx: TenantTx, changeRequestId: string, kinds: readonly TChangeItemKind[], now: Date) {
  const i = schema.changeItems;
  const items = await tx
    .select()
    .from(i)
    .where(and(eq(i.changeRequestId, changeRequestId), inArray(i.kind, [...kinds]), isNull(i.appliedAt)))
    .orderBy(asc(i.createdAt), asc(i.id));
  for (const item of items) {
    if (item.entityType !== 'organisation') throw new Error(`change item ${item.id}: no applier for ${item.entityType} yet`);
    await applyOrganisationItem(tx, item, now);
  }
  return items;
}

/**
 * The `discard-change-items` effect. Registered data was never touched by an unapplied item (ADR
 * 013), so for the organisation's fields there is nothing to undo: the items stay as the record
 * of what was asked. Items that carry uploads (D2 workers) will delete their pending documents
 * here; until D2 exists such an item refuses rather than leaving files behind.
 */
export async function discardChangeItems(tx: TenantTx, changeRequestId: string, kinds: readonly TChangeItemKind[]) {
  const i = schema.changeItems;
  const items = await tx
    .select({ id: i.id, entityType: i.entityType })
    .from(i)
    .where(and(eq(i.changeRequestId, changeRequestId), inArray(i.kind, [...kinds]), isNull(i.appliedAt)));
  for (const item of items) {
    if (item.entityType !== 'organisation') throw new Error(`change item ${item.id}: no discard for ${item.entityType} yet`);
  }
}
