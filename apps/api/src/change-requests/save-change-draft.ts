import { recordAudit, schema, type TenantTx } from '@kyogikai/db';
import { missingOrganisationFields, type TChangeItemKind } from '@kyogikai/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AppError, type FieldError } from '../trpc/app-error';
import { type DraftSaveContext, ensureDraft, lockDraftForSave, touchDraft } from './open-draft';
import { CHANGEABLE_ORGANISATION_FIELDS, organisationFieldKind, type TChangeableOrganisationField } from './organisation-change-fields';

export type SaveChangeDraftInput = DraftSaveContext & {
  /** The ◆会員情報 fields as the form holds them (normalised by the input schema); absent = unchanged. */
  values: Partial<Record<TChangeableOrganisationField, string | null>>;
};

export type SavedChangeDraft = { id: string; version: number; changedFields: TChangeableOrganisationField[] };

/**
 * 「申請登録情報を変更する」 (SPEC D1, D5, D6; manual p.9): stores what the member edited on the
 * detail screen as the organisation's draft change request, in the member's transaction. Every field
 * whose value differs from the registered one becomes part of an item — one item per kind (D1
 * certificate items, D5 other information), `proposed` the new values and `previous` the values the
 * member saw (ADR 023) — replacing the draft's earlier organisation items; nothing registered
 * changes. Refused: a member that is not active (ADR 012), a draft changed elsewhere since the page
 * loaded (CONFLICT changeRequest.draftChanged), a field already waiting in a submitted request
 * (changeRequest.fieldPending), a field needed for membership emptied (validation.required), and a
 * save that changes nothing (changeRequest.noChanges). One draft per organisation (partial unique
 * index): two tabs edit the same draft, and the version check keeps them from overwriting each other.
 */
export async function saveChangeDraft(tx: TenantTx, input: SaveChangeDraftInput): Promise<SavedChangeDraft> {
  const i = schema.changeItems;
  const opened = await lockDraftForSave(tx, input);
  const { organisation, submittedIds } = opened;
  const pendingFields = new Set<string>();
  if (submittedIds.length > 0) {
    const waiting = await tx
      .select({ proposed: i.proposed })
      .from(i)
      .where(and(inArray(i.changeRequestId, submittedIds), eq(i.entityType, 'organisation'), isNull(i.appliedAt)));
    for (const item of waiting) for (const field of Object.keys(item.proposed)) pendingFields.add(field);
  }

  const current = organisation as unknown as Record<TChangeableOrganisationField, string | null>;
  const proposedByKind = new Map<TChangeItemKind, { proposed: Record<string, unknown>; seen: Record<string, unknown> }>();
  const fieldErrors: FieldError[] = [];
  const changedFields: TChangeableOrganisationField[] = [];
  for (const field of CHANGEABLE_ORGANISATION_FIELDS) {
    const value = input.values[field];
    if (value === undefined) continue;
    const before = current[field] ?? null;
    if ((value ?? null) === before) continue;
    if (pendingFields.has(field)) {
      fieldErrors.push({ path: `values.${field}`, messageKey: 'changeRequest.fieldPending' });
      continue;
    }
    const kind = organisationFieldKind(field);
    const entry = proposedByKind.get(kind) ?? { proposed: {}, seen: {} };
    entry.proposed[field] = value ?? null;
    entry.seen[field] = before;
    proposedByKind.set(kind, entry);
    changedFields.push(field);
  }
  // A member's registration stays complete: a field membership needs may not be emptied.
  const merged = {
    ...organisation,
    ...Object.fromEntries([...proposedByKind.values()].flatMap((entry) => Object.entries(entry.proposed))),
  };
  const missing = new Set(missingOrganisationFields(merged, { corporateNumberRequired: input.tenant.config.corporateNumberRequired }));
  for (const field of changedFields)
    if (missing.has(field)) fieldErrors.push({ path: `values.${field}`, messageKey: 'validation.required' });
  if (fieldErrors.length > 0) throw new AppError('BAD_REQUEST', 'changeRequest.invalid', undefined, fieldErrors);
  if (changedFields.length === 0) throw new AppError('BAD_REQUEST', 'changeRequest.noChanges');

  const draftExisted = opened.draftId !== null;
  const requestId = await ensureDraft(tx, opened, { tenantId: input.tenant.id, userId: input.userId });
  if (draftExisted) await tx.delete(i).where(and(eq(i.changeRequestId, requestId), eq(i.entityType, 'organisation')));
  for (const [kind, entry] of proposedByKind) {
    await tx.insert(i).values({
      tenantId: input.tenant.id,
      organisationId: organisation.id,
      changeRequestId: requestId,
      kind,
      entityType: 'organisation',
      entityId: organisation.id,
      proposed: entry.proposed,
      previous: entry.seen,
      baseVersion: organisation.version,
    });
  }
  const version = await touchDraft(tx, requestId, input.now);
  await recordAudit(tx, {
    tenantId: input.tenant.id,
    actorUserId: input.userId,
    action: 'change_request.draft_saved',
    targetType: 'change_request',
    targetId: requestId,
    before: Object.fromEntries(changedFields.map((field) => [field, current[field] ?? null])),
    after: Object.fromEntries([...proposedByKind.values()].flatMap((entry) => Object.entries(entry.proposed))),
    ip: input.clientAddress,
  });
  return { id: requestId, version, changedFields };
}
