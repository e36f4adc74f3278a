import { pgConstraintName, pgErrorCode, schema, type TenantTx } from '@kyogikai/db';
import { applicantActor, CHANGE_REQUEST_PENDING_STATES, checkMemberCanChange } from '@kyogikai/domain';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { MemberAction } from '../organisation/member-action';
import { AppError } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';

export type TOrganisationRow = typeof schema.organisations.$inferSelect;

/** Who saves into the organisation's draft (SPEC D1-D6), and the draft's version the page loaded. */
export type DraftSaveContext = MemberAction & {
  /** The draft's version as the page loaded it; null when it showed no draft. */
  draftVersion: number | null;
};

/** What every save into the organisation's draft starts from, with the locks it holds. */
export type TDraftForSave = {
  organisation: TOrganisationRow;
  /** The organisation's draft, null when it has none yet (`ensureDraft` creates it). */
  draftId: string | null;
  /** The organisation's requests submitted and still waiting for a decision. */
  submittedIds: string[];
};

/**
 * The start of every save into the organisation's one draft change request (SPEC D1-D6, ADR 023):
 * locks the organisation and its pending requests (FOR UPDATE), refuses a member that is not active
 * (ADR 012), and checks the draft's version against the one the page loaded (null: it showed no
 * draft) — CONFLICT changeRequest.draftChanged when another tab saved first.
 */
export async function lockDraftForSave(
  tx: TenantTx,
  input: Pick<DraftSaveContext, 'organisationId' | 'permissions' | 'draftVersion'>,
): Promise<TDraftForSave> {
  const o = schema.organisations;
  const r = schema.changeRequests;
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
  return {
    organisation,
    draftId: draft?.id ?? null,
    submittedIds: open.filter((request) => request.state !== 'draft').map((request) => request.id),
  };
}

/**
 * The draft's id, creating the draft when there is none. One draft per organisation (partial unique
 * index): a draft created concurrently by another tab is CONFLICT changeRequest.draftChanged.
 */
export async function ensureDraft(tx: TenantTx, opened: TDraftForSave, input: { tenantId: string; userId: string }): Promise<string> {
  if (opened.draftId) return opened.draftId;
  const r = schema.changeRequests;
  try {
    const [created] = await tx.transaction((savepoint) =>
      savepoint
        .insert(r)
        .values({ tenantId: input.tenantId, organisationId: opened.organisation.id, state: 'draft', createdByUserId: input.userId })
        .returning({ id: r.id }),
    );
    if (!created) throw new Error('insert returned no change request');
    opened.draftId = created.id;
    return created.id;
  } catch (error) {
    if (pgErrorCode(error) === '23505' && pgConstraintName(error) === 'change_requests_one_draft_per_organisation') {
      throw new AppError('CONFLICT', 'changeRequest.draftChanged');
    }
    throw error;
  }
}

/** Every save moves the draft's version on (bump_row_version), so a second tab is told. Returns the new version. */
export async function touchDraft(tx: TenantTx, draftId: string, now: Date): Promise<number> {
  const r = schema.changeRequests;
  const [saved] = await tx
    .update(r)
    .set({ updatedAt: now })
    .where(and(eq(r.id, draftId), ne(r.state, 'cancelled')))
    .returning({ version: r.version });
  if (!saved) throw new AppError('CONFLICT', 'changeRequest.draftChanged');
  return saved.version;
}
