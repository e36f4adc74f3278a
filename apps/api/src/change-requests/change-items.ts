import { schema, type TenantTx } from '@kyogikai/db';
import type { TChangeItemKind } from '@kyogikai/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../trpc/app-error';
import { checkSeenValues, markItemApplied } from './applied-item';
import { applyEstablishmentAdd, applyEstablishmentEdit } from './establishment-change-items';
import { isChangeableOrganisationField } from './organisation-change-fields';
import { applyWorkerAdd, applyWorkerEstablishments, discardWorkerAdd } from './worker-change-items';

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

/**
 * Writes the proposed values of one organisation item over the organisation's current ones (ADR 013),
 * in the caller's transaction, which holds the organisation's row lock. Optimistic concurrency per
 * field (ADR 023, checkSeenValues): a D5 change of the telephone number does not block a pending
 * change of 法人名, a change of 法人名 since the member saw it does.
 */
async function applyOrganisationItem(tx: TenantTx, item: TChangeItemRow, now: Date): Promise<void> {
  const o = schema.organisations;
  const [organisation] = await tx.select().from(o).where(eq(o.id, item.organisationId)).for('update');
  if (!organisation) throw new AppError('NOT_FOUND', 'organisation.notFound');
  const current = organisation as unknown as Record<string, unknown>;
  const replaced = checkSeenValues(item, (field) => {
    if (!isChangeableOrganisationField(field)) throw new Error(`change item ${item.id}: ${field} is not a changeable organisation field`);
    return current[field] ?? null;
  });
  const [saved] = await tx
    .update(o)
    .set(item.proposed)
    .where(and(eq(o.id, organisation.id), eq(o.version, organisation.version)))
    .returning({ id: o.id });
  if (!saved) throw new AppError('CONFLICT', 'common.conflict');
  await markItemApplied(tx, item, now, { previous: replaced });
}

/**
 * The order items are applied in within a request, whatever order they were proposed in: additions
 * of establishments (D4) exist before their edits, and both before the workers that name them (D2,
 * D3). The organisation's own items (D1, D5) are independent of these.
 */
const APPLY_ORDER: readonly TChangeItemKind[] = [
  'certificate_items',
  'other',
  'establishment_add',
  'establishment_edit',
  'worker_add',
  'worker_establishments',
];

/**
 * The `apply-change-items` effect: the request's not yet applied items of these kinds, in
 * APPLY_ORDER, each with its applier (check, write, record what was replaced, mark applied), all
 * in the transition's transaction: one refusal (CONFLICT changeRequest.valueChanged) rolls back
 * every item of the request, e.g. an establishment edit already written (SPEC D3).
 */
export async function applyChangeItems(tx: TenantTx, changeRequestId: string, kinds: readonly TChangeItemKind[], now: Date) {
  const i = schema.changeItems;
  const items = await tx
    .select()
    .from(i)
    .where(and(eq(i.changeRequestId, changeRequestId), inArray(i.kind, [...kinds]), isNull(i.appliedAt)))
    .orderBy(asc(i.createdAt), asc(i.id));
  items.sort((a, b) => APPLY_ORDER.indexOf(a.kind) - APPLY_ORDER.indexOf(b.kind));
  /** Establishment addition item id → the establishment row created for it in this approval. */
  const added = new Map<string, string>();
  for (const item of items) {
    switch (item.kind) {
      case 'certificate_items':
      case 'other':
        await applyOrganisationItem(tx, item, now);
        break;
      case 'establishment_add':
        added.set(item.id, await applyEstablishmentAdd(tx, item, now));
        break;
      case 'establishment_edit':
        await applyEstablishmentEdit(tx, item, now);
        break;
      case 'worker_add':
        await applyWorkerAdd(tx, item, now, added);
        break;
      case 'worker_establishments':
        await applyWorkerEstablishments(tx, item, now, added);
        break;
      default:
        throw new Error(`change item ${item.id}: no applier for ${item.kind satisfies never}`);
    }
  }
  return items;
}

/**
 * The `discard-change-items` effect (cancelled, rejected; also a withdrawal's cascade). Registered
 * data was never touched by an unapplied item (ADR 013): the items stay as the record of what was
 * asked. A worker addition (D2) carries uploads of its own: their rows are deleted
 * (discardPendingDocuments) and the leftover sweep deletes the objects no row names any more.
 */
export async function discardChangeItems(tx: TenantTx, changeRequestId: string, kinds: readonly TChangeItemKind[], now: Date) {
  const i = schema.changeItems;
  const items = await tx
    .select({ id: i.id, kind: i.kind })
    .from(i)
    .where(and(eq(i.changeRequestId, changeRequestId), inArray(i.kind, [...kinds]), isNull(i.appliedAt)));
  for (const item of items) if (item.kind === 'worker_add') await discardWorkerAdd(tx, item, now);
}
