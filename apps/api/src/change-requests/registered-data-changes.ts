import { recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { checkCustomFields, type TChangeItemKind, type TEstablishmentValues, type TWorkerValues } from '@kyogikai/domain';
import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { discardPendingDocuments } from '../documents/pending-change-documents';
import { AppError, type FieldError, notFound } from '../trpc/app-error';
import type { TChangeItemRow } from './change-items';
import { establishmentFieldValues } from './establishment-change-items';
import { type DraftSaveContext, ensureDraft, lockDraftForSave, type TDraftForSave, touchDraft } from './open-draft';
import { establishmentIdsOf, sameIds } from './worker-change-items';

// SPEC D2-D4 after joining (manual p.11-14): a member adds a worker, moves a registered worker to
// other establishments, edits or adds an establishment — each an item of the organisation's one
// draft change request (ADR 023, like ◆会員情報). Nothing registered changes until the secretariat
// approves (the appliers in establishment-change-items.ts and worker-change-items.ts).

export type SavedDraftItem = { id: string; version: number; itemId: string | null; draftDeleted: boolean };

const i = schema.changeItems;

/** A field error of a save: BAD_REQUEST changeRequest.invalid, as saveChangeDraft answers. */
function invalid(errors: FieldError[]): AppError {
  return new AppError('BAD_REQUEST', 'changeRequest.invalid', undefined, errors);
}

/** An item of the organisation's draft, of one kind; anything else (another request, another organisation) is not found. */
async function draftItem(tx: TenantTx, opened: TDraftForSave, itemId: string, kinds: readonly TChangeItemKind[]): Promise<TChangeItemRow> {
  if (!opened.draftId) throw notFound('changeRequest.notFound');
  const [item] = await tx
    .select()
    .from(i)
    .where(and(eq(i.id, itemId), eq(i.changeRequestId, opened.draftId), inArray(i.kind, [...kinds]), ne(i.entityType, 'organisation')))
    .for('update');
  if (!item) throw notFound('changeRequest.notFound');
  return item;
}

/** The tenant's custom fields of a form, checked like worker.create / establishment.create (`values.extra.<key>`). */
function checkedExtra(
  tenant: TenantRecord,
  form: 'worker' | 'establishment',
  extra: Readonly<Record<string, string>>,
): { extra: Record<string, string>; errors: FieldError[] } {
  const { values, issues } = checkCustomFields(tenant.config.customFields[form], extra);
  return { extra: values, errors: issues.map((issue) => ({ ...issue, path: `values.${issue.path}` })) };
}

/**
 * The establishments a worker may be registered at in a change (ADR 025): the organisation's
 * registered ones (not archived; row-level security hides every other organisation's) and the
 * ones being added — `establishment_add` items of its draft or of its requests still waiting —
 * named by their item's id (D4). Anything else: `establishment.notFound` at `path`. On approval an
 * item id resolves to the row its addition created (worker-change-items.ts); an addition that was
 * not approved by then refuses the request (changeRequest.valueChanged).
 */
async function checkEstablishmentChoice(tx: TenantTx, opened: TDraftForSave, ids: readonly string[], path: string): Promise<FieldError[]> {
  if (ids.length === 0) return [{ path, messageKey: 'worker.establishmentRequired' }];
  const e = schema.establishments;
  const registered = await tx
    .select({ id: e.id })
    .from(e)
    .where(and(inArray(e.id, [...ids]), isNull(e.archivedAt)));
  const known = new Set(registered.map((row) => row.id));
  const requests = [...(opened.draftId ? [opened.draftId] : []), ...opened.submittedIds];
  if (requests.length > 0 && known.size < ids.length) {
    const adding = await tx
      .select({ id: i.id })
      .from(i)
      .where(and(inArray(i.id, [...ids]), inArray(i.changeRequestId, requests), eq(i.kind, 'establishment_add'), isNull(i.appliedAt)));
    for (const row of adding) known.add(row.id);
  }
  return ids.every((id) => known.has(id)) ? [] : [{ path, messageKey: 'establishment.notFound' }];
}

/** Items of the organisation's submitted requests still waiting, of one entity. */
async function waitingItems(tx: TenantTx, opened: TDraftForSave, entityType: TChangeItemRow['entityType'], entityId: string) {
  if (opened.submittedIds.length === 0) return [];
  return tx
    .select()
    .from(i)
    .where(
      and(inArray(i.changeRequestId, opened.submittedIds), eq(i.entityType, entityType), eq(i.entityId, entityId), isNull(i.appliedAt)),
    );
}

/** Records a save into the draft or a removal from it (the audit trail of change_request). */
function auditDraft(
  tx: TenantTx,
  context: DraftSaveContext,
  draftId: string,
  change: { action: 'change_request.draft_saved' | 'change_request.draft_item_removed'; before: unknown; after: unknown },
) {
  return recordAudit(tx, {
    tenantId: context.tenant.id,
    actorUserId: context.userId,
    action: change.action,
    targetType: 'change_request',
    targetId: draftId,
    before: change.before,
    after: change.after,
    ip: context.clientAddress,
  });
}

/**
 * Takes an item out of the draft, moves the draft's version on and records it; a draft left with
 * no items is deleted (nothing to submit; `version` is then 0). `documents`: how many uploads of a
 * worker addition went with it.
 */
async function takeOutOfDraft(
  tx: TenantTx,
  context: DraftSaveContext,
  draftId: string,
  item: TChangeItemRow,
  documents?: number,
): Promise<{ version: number; draftDeleted: boolean }> {
  await tx.delete(i).where(and(eq(i.id, item.id), eq(i.changeRequestId, draftId)));
  const [left] = await tx.select({ items: count() }).from(i).where(eq(i.changeRequestId, draftId));
  let draftDeleted = false;
  if ((left?.items ?? 0) === 0) {
    const r = schema.changeRequests;
    await tx.delete(r).where(and(eq(r.id, draftId), eq(r.state, 'draft')));
    draftDeleted = true;
  }
  const version = draftDeleted ? 0 : await touchDraft(tx, draftId, context.now);
  await auditDraft(tx, context, draftId, {
    action: 'change_request.draft_item_removed',
    before: {
      itemId: item.id,
      kind: item.kind,
      entityId: item.entityId,
      proposed: item.proposed,
      ...(documents === undefined ? {} : { documents }),
    },
    after: draftDeleted ? { draftDeleted: true } : null,
  });
  return { version, draftDeleted };
}

/** Inserts or replaces the item, moves the draft's version on and records the save. */
async function storeItem(
  tx: TenantTx,
  context: DraftSaveContext,
  opened: TDraftForSave,
  item: {
    existingId: string | null;
    kind: TChangeItemKind;
    entityType: TChangeItemRow['entityType'];
    entityId: string | null;
    proposed: Record<string, unknown>;
    previous: Record<string, unknown> | null;
    baseVersion: number | null;
  },
): Promise<SavedDraftItem> {
  const draftId = await ensureDraft(tx, opened, { tenantId: context.tenant.id, userId: context.userId });
  let itemId = item.existingId;
  if (itemId) {
    await tx
      .update(i)
      .set({ proposed: item.proposed, previous: item.previous, baseVersion: item.baseVersion })
      .where(and(eq(i.id, itemId), eq(i.changeRequestId, draftId)));
  } else {
    const [created] = await tx
      .insert(i)
      .values({
        tenantId: context.tenant.id,
        organisationId: opened.organisation.id,
        changeRequestId: draftId,
        kind: item.kind,
        entityType: item.entityType,
        entityId: item.entityId,
        proposed: item.proposed,
        previous: item.previous,
        baseVersion: item.baseVersion,
      })
      .returning({ id: i.id });
    if (!created) throw new Error('insert returned no change item');
    itemId = created.id;
  }
  const version = await touchDraft(tx, draftId, context.now);
  await auditDraft(tx, context, draftId, {
    action: 'change_request.draft_saved',
    before: item.previous,
    after: { itemId, kind: item.kind, entityId: item.entityId, proposed: item.proposed },
  });
  return { id: draftId, version, itemId, draftDeleted: false };
}

/**
 * An edit of a registered entity (D3): stored as the draft's one item of that kind for it, or —
 * when the entity is back to its registered values (not `changed`) — the draft's item for it goes
 * (itemId null), and without one the save is changeRequest.noChanges.
 */
async function storeEdit(
  tx: TenantTx,
  context: DraftSaveContext,
  opened: TDraftForSave,
  changed: boolean,
  edit: {
    kind: 'worker_establishments' | 'establishment_edit';
    entityType: TChangeItemRow['entityType'];
    entityId: string;
    proposed: Record<string, unknown>;
    previous: Record<string, unknown>;
    baseVersion: number;
  },
): Promise<SavedDraftItem> {
  const [existing] = opened.draftId
    ? await tx
        .select()
        .from(i)
        .where(and(eq(i.changeRequestId, opened.draftId), eq(i.kind, edit.kind), eq(i.entityId, edit.entityId)))
        .for('update')
    : [];
  if (!changed) {
    if (!existing) throw new AppError('BAD_REQUEST', 'changeRequest.noChanges');
    const draftId = opened.draftId as string;
    return { id: draftId, ...(await takeOutOfDraft(tx, context, draftId, existing)), itemId: null };
  }
  return storeItem(tx, context, opened, { ...edit, existingId: existing?.id ?? null });
}

/**
 * D2 「特定技能外国人の追加」 → 「申請登録情報を変更する」: a new worker (itemId null) or an edit of
 * one being added, as a worker_add item of the draft (entity_id null until approval). Checked like
 * worker.create: the tenant's custom fields, and establishments that are the organisation's or being
 * added (in the draft or a request still waiting).
 */
export async function saveWorkerAdd(
  tx: TenantTx,
  context: DraftSaveContext,
  input: { itemId: string | null; values: TWorkerValues },
): Promise<SavedDraftItem> {
  const opened = await lockDraftForSave(tx, context);
  const existing = input.itemId ? await draftItem(tx, opened, input.itemId, ['worker_add']) : null;
  const { extra, errors } = checkedExtra(context.tenant, 'worker', input.values.extra);
  errors.push(...(await checkEstablishmentChoice(tx, opened, input.values.establishmentIds, 'values.establishmentIds')));
  if (errors.length > 0) throw invalid(errors);
  return storeItem(tx, context, opened, {
    existingId: existing?.id ?? null,
    kind: 'worker_add',
    entityType: 'worker',
    entityId: null,
    proposed: {
      nameLatin: input.values.nameLatin,
      nationality: input.values.nationality,
      nameKana: input.values.nameKana ?? null,
      extra,
      establishmentIds: input.values.establishmentIds,
    },
    previous: null,
    baseVersion: null,
  });
}

/**
 * D3: the establishments a registered worker moves to, as the draft's one worker_establishments
 * item for that worker (`previous` the links the member saw, base_version the worker's version).
 * Back to the registered links: the item goes (itemId null). Refused while a links change of the
 * worker waits in a submitted request (changeRequest.fieldPending).
 */
export async function saveWorkerEstablishments(
  tx: TenantTx,
  context: DraftSaveContext,
  input: { workerId: string; establishmentIds: string[] },
): Promise<SavedDraftItem> {
  const opened = await lockDraftForSave(tx, context);
  const w = schema.workers;
  const we = schema.workerEstablishments;
  const [worker] = await tx
    .select({ id: w.id, version: w.version })
    .from(w)
    .where(and(eq(w.id, input.workerId), isNull(w.archivedAt)));
  if (!worker) throw notFound('worker.notFound');
  if ((await waitingItems(tx, opened, 'worker_establishments', worker.id)).length > 0) {
    throw invalid([{ path: 'establishmentIds', messageKey: 'changeRequest.fieldPending' }]);
  }
  const errors = await checkEstablishmentChoice(tx, opened, input.establishmentIds, 'establishmentIds');
  if (errors.length > 0) throw invalid(errors);
  const current = (await tx.select({ id: we.establishmentId }).from(we).where(eq(we.workerId, worker.id))).map((link) => link.id);
  return storeEdit(tx, context, opened, !sameIds(current, input.establishmentIds), {
    kind: 'worker_establishments',
    entityType: 'worker_establishments',
    entityId: worker.id,
    proposed: { establishmentIds: input.establishmentIds },
    previous: { establishmentIds: current },
    baseVersion: worker.version,
  });
}

/**
 * D3 「受入れ事業所の変更」 → 「上記内容に変更する」: the fields of a registered establishment that
 * differ from the registered values, as the draft's one establishment_edit item for it (`previous`
 * the values seen, ADR 023). A field waiting in a submitted request is refused
 * (changeRequest.fieldPending); nothing changed is changeRequest.noChanges, unless the draft held an
 * edit of it, which then goes (itemId null). `workerCount`: the registered workers the edit reaches.
 */
export async function saveEstablishmentEdit(
  tx: TenantTx,
  context: DraftSaveContext,
  input: { establishmentId: string; values: TEstablishmentValues },
): Promise<SavedDraftItem & { workerCount: number }> {
  const opened = await lockDraftForSave(tx, context);
  const e = schema.establishments;
  const we = schema.workerEstablishments;
  const [establishment] = await tx
    .select()
    .from(e)
    .where(and(eq(e.id, input.establishmentId), isNull(e.archivedAt)));
  if (!establishment) throw notFound('establishment.notFound');
  const [linked] = await tx.select({ workers: count() }).from(we).where(eq(we.establishmentId, establishment.id));
  const workerCount = linked?.workers ?? 0;
  const { extra, errors } = checkedExtra(context.tenant, 'establishment', input.values.extra);
  const current = establishmentFieldValues(establishment);
  const wanted = establishmentFieldValues({ ...input.values, extra });
  // A custom field emptied is a change too (to null).
  for (const field of context.tenant.config.customFields.establishment) wanted[`extra.${field.key}`] ??= null;
  const pending = new Set<string>();
  for (const item of await waitingItems(tx, opened, 'establishment', establishment.id)) {
    for (const field of Object.keys(item.proposed)) pending.add(field);
  }
  const proposed: Record<string, unknown> = {};
  const seen: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    const before = current[field] ?? null;
    if (value === before) continue;
    if (pending.has(field)) {
      errors.push({ path: `values.${field}`, messageKey: 'changeRequest.fieldPending' });
      continue;
    }
    proposed[field] = value;
    seen[field] = before;
  }
  if (errors.length > 0) throw invalid(errors);
  const saved = await storeEdit(tx, context, opened, Object.keys(proposed).length > 0, {
    kind: 'establishment_edit',
    entityType: 'establishment',
    entityId: establishment.id,
    proposed,
    previous: seen,
    baseVersion: establishment.version,
  });
  return { ...saved, workerCount };
}

/**
 * D4 「受入れ事業所の追加」: a new establishment (itemId null) or an edit of one being added, as an
 * establishment_add item of the draft (entity_id null until approval); custom fields checked like
 * establishment.create. Workers of the same draft name it by the item's id.
 */
export async function saveEstablishmentAdd(
  tx: TenantTx,
  context: DraftSaveContext,
  input: { itemId: string | null; values: TEstablishmentValues },
): Promise<SavedDraftItem> {
  const opened = await lockDraftForSave(tx, context);
  const existing = input.itemId ? await draftItem(tx, opened, input.itemId, ['establishment_add']) : null;
  const { extra, errors } = checkedExtra(context.tenant, 'establishment', input.values.extra);
  if (errors.length > 0) throw invalid(errors);
  return storeItem(tx, context, opened, {
    existingId: existing?.id ?? null,
    kind: 'establishment_add',
    entityType: 'establishment',
    entityId: null,
    proposed: { ...input.values, extra },
    previous: null,
    baseVersion: null,
  });
}

export type RemovedDraftItem = { id: string; version: number; draftDeleted: boolean; objectKeys: string[] };

/**
 * Takes one worker/establishment item out of the draft. An establishment being added that a worker
 * of the draft names stays (changeRequest.establishmentInUse). A worker addition's uploads go with
 * it (discardPendingDocuments deletes their rows, which name the item) and the caller deletes the
 * objects once this has committed (`objectKeys`; one left by a failed delete is an orphan the
 * leftover sweep removes).
 * The organisation's own items, and items of submitted requests, are not found here.
 */
export async function removeDraftItem(tx: TenantTx, context: DraftSaveContext, input: { itemId: string }): Promise<RemovedDraftItem> {
  const opened = await lockDraftForSave(tx, context);
  const item = await draftItem(tx, opened, input.itemId, [
    'worker_add',
    'worker_establishments',
    'establishment_edit',
    'establishment_add',
  ]);
  const draftId = opened.draftId as string;
  if (item.kind === 'establishment_add') {
    const others = await tx
      .select({ proposed: i.proposed })
      .from(i)
      .where(and(eq(i.changeRequestId, draftId), inArray(i.kind, ['worker_add', 'worker_establishments'])));
    if (others.some((other) => establishmentIdsOf(other.proposed).includes(item.id))) {
      throw new AppError('BAD_REQUEST', 'changeRequest.establishmentInUse');
    }
  }
  let objectKeys: string[] = [];
  if (item.kind === 'worker_add') {
    // The objects go right after the commit (the sweep would find them unnamed an hour later anyway).
    const d = schema.documents;
    objectKeys = (await tx.select({ objectKey: d.objectKey }).from(d).where(eq(d.pendingChangeItemId, item.id))).map(
      (doc) => doc.objectKey,
    );
    await discardPendingDocuments(tx, { itemId: item.id, now: context.now });
  }
  return { id: draftId, ...(await takeOutOfDraft(tx, context, draftId, item, objectKeys.length)), objectKeys };
}
