import { pgConstraintName, pgErrorCode, recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import {
  applicantActor,
  CHANGE_REQUEST_PENDING_STATES,
  checkMemberCanChange,
  missingOrganisationFields,
  type TChangeItemKind,
  type TPermission,
} from '@kyogikai/domain';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { AppError, type FieldError } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';
import { CHANGEABLE_ORGANISATION_FIELDS, organisationFieldKind, type TChangeableOrganisationField } from './organisation-change-fields';

export type SaveChangeDraftInput = {
  tenant: TenantRecord;
  organisationId: string;
  userId: string;
  permissions: ReadonlySet<TPermission>;
  clientAddress: string;
  now: Date;
  /** The draft's version as the detail screen loaded it; null when it showed no draft. */
  draftVersion: number | null;
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
  const o = schema.organisations;
  const r = schema.changeRequests;
  const i = schema.changeItems;
  const [organisation] = await tx.select().from(o).where(eq(o.id, input.organisationId)).for('update');
  if (!organisation) throw new AppError('NOT_FOUND', 'organisation.notFound');
  const member = checkMemberCanChange(organisation.membershipState, applicantActor(input.permissions));
  if (!member.ok) throw transitionAppError(member.error);

  const open = await tx
    .select({ id: r.id, state: r.state, version: r.version })
    .from(r)
    .where(and(eq(r.organisationId, organisation.id), inArray(r.state, [...CHANGE_REQUEST_PENDING_STATES])))
    .for('update');
  const draft = open.find((request) => request.state === 'draft') ?? null;
  if ((draft?.version ?? null) !== input.draftVersion) {
    throw new AppError('CONFLICT', 'changeRequest.draftChanged', draft ? { currentVersion: draft.version } : undefined);
  }
  const submittedIds = open.filter((request) => request.state !== 'draft').map((request) => request.id);
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

  let requestId: string;
  if (draft) {
    requestId = draft.id;
    await tx.delete(i).where(and(eq(i.changeRequestId, draft.id), eq(i.entityType, 'organisation')));
  } else {
    try {
      const [created] = await tx.transaction((savepoint) =>
        savepoint
          .insert(r)
          .values({ tenantId: input.tenant.id, organisationId: organisation.id, state: 'draft', createdByUserId: input.userId })
          .returning({ id: r.id }),
      );
      if (!created) throw new Error('insert returned no change request');
      requestId = created.id;
    } catch (error) {
      if (pgErrorCode(error) === '23505' && pgConstraintName(error) === 'change_requests_one_draft_per_organisation') {
        throw new AppError('CONFLICT', 'changeRequest.draftChanged');
      }
      throw error;
    }
  }
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
  // Every save moves the draft's version on (bump_row_version), so a second tab is told.
  const [saved] = await tx
    .update(r)
    .set({ updatedAt: input.now })
    .where(and(eq(r.id, requestId), ne(r.state, 'cancelled')))
    .returning({ version: r.version });
  if (!saved) throw new AppError('CONFLICT', 'changeRequest.draftChanged');
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
  return { id: requestId, version: saved.version, changedFields };
}
