import { schema, type TenantTx } from '@kyogikai/db';
import {
  availableChangeRequestEvents,
  planChangeSubmission,
  staffActor,
  type TChangeItemKind,
  type TChangeRequestEventType,
  type TChangeRequestState,
  type TStaffRole,
  type TTenantConfig,
} from '@kyogikai/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../trpc/app-error';
import { fieldChanges } from './change-items';

/** What the staff queue lists: waiting for the secretariat, or (forwarded) for the ministry. */
const QUEUE_STATES_BY_ROLE: Record<TStaffRole, readonly TChangeRequestState[]> = {
  secretariat: ['submitted', 'under_review', 'forwarded'],
  tenant_admin: ['submitted', 'under_review', 'forwarded'],
  // The ministry decides forwarded requests only (certificate items where the tenant has the step).
  ministry: ['forwarded'],
};

export type TQueuedChangeRequest = {
  id: string;
  version: number;
  state: TChangeRequestState;
  corporateName: string;
  membershipNumber: string;
  submittedAt: Date | null;
  submittedByName: string;
  kinds: TChangeItemKind[];
  issuesCertificate: boolean;
};

/** Change requests waiting for staff, oldest submission first (the order they should be decided in). */
export async function listQueuedChangeRequests(tx: TenantTx, role: TStaffRole, config: Pick<TTenantConfig, 'approvalSteps'>) {
  const r = schema.changeRequests;
  const o = schema.organisations;
  const u = schema.users;
  const i = schema.changeItems;
  const rows = await tx
    .select({
      id: r.id,
      version: r.version,
      state: r.state,
      corporateName: o.corporateName,
      membershipNumber: o.membershipNumber,
      submittedAt: r.submittedAt,
      submittedByName: u.displayName,
    })
    .from(r)
    .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.organisationId)))
    .leftJoin(u, and(eq(u.tenantId, r.tenantId), eq(u.id, r.submittedByUserId)))
    .where(inArray(r.state, [...QUEUE_STATES_BY_ROLE[role]]))
    .orderBy(asc(r.submittedAt), asc(r.id))
    .limit(500);
  const kinds = rows.length
    ? await tx
        .selectDistinct({ changeRequestId: i.changeRequestId, kind: i.kind })
        .from(i)
        .where(
          inArray(
            i.changeRequestId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return rows.map((row): TQueuedChangeRequest => {
    const own = kinds.filter((k) => k.changeRequestId === row.id).map((k) => k.kind);
    return {
      ...row,
      corporateName: row.corporateName ?? '',
      membershipNumber: row.membershipNumber ?? '',
      submittedByName: row.submittedByName ?? '',
      kinds: own,
      issuesCertificate: planChangeSubmission(own, config.approvalSteps).issuesCertificate,
    };
  });
}

/**
 * One change request for the staff console: who asked, 変更内容 and 理由, every change before/after
 * (applied ones marked: D5 items are in force since submission), the review trail, and the events
 * this staff member may fire now (from the machine, so the buttons never offer a refused step).
 */
export async function getChangeRequestForStaff(
  tx: TenantTx,
  input: { id: string; role: TStaffRole; config: Pick<TTenantConfig, 'approvalSteps'> },
) {
  const r = schema.changeRequests;
  const o = schema.organisations;
  const i = schema.changeItems;
  const submitter = alias(schema.users, 'submitter');
  const decider = alias(schema.users, 'decider');
  const [row] = await tx
    .select({
      request: r,
      corporateName: o.corporateName,
      membershipNumber: o.membershipNumber,
      membershipState: o.membershipState,
      submittedByName: submitter.displayName,
      decidedByName: decider.displayName,
    })
    .from(r)
    .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.organisationId)))
    .leftJoin(submitter, and(eq(submitter.tenantId, r.tenantId), eq(submitter.id, r.submittedByUserId)))
    .leftJoin(decider, and(eq(decider.tenantId, r.tenantId), eq(decider.id, r.decidedByUserId)))
    .where(eq(r.id, input.id));
  // A draft is the member's own, not yet the council's to read; the ministry sees what it decides.
  if (!row || row.request.state === 'draft') throw notFound('changeRequest.notFound');
  if (input.role === 'ministry' && !['forwarded', 'approved', 'rejected'].includes(row.request.state))
    throw notFound('changeRequest.notFound');
  const items = await tx.select().from(i).where(eq(i.changeRequestId, row.request.id)).orderBy(asc(i.createdAt), asc(i.id));
  const kinds = [...new Set(items.map((item) => item.kind))];
  const events = availableChangeRequestEvents(row.request.state, staffActor(input.role), {
    approvalSteps: input.config.approvalSteps,
    kinds,
  }).filter((event): event is Exclude<TChangeRequestEventType, 'submit' | 'cancel'> => event !== 'submit' && event !== 'cancel');
  const applied = new Set(items.filter((item) => item.appliedAt !== null).map((item) => item.id));
  const { request } = row;
  return {
    id: request.id,
    version: request.version,
    state: request.state,
    corporateName: row.corporateName ?? '',
    membershipNumber: row.membershipNumber ?? '',
    membershipState: row.membershipState,
    content: request.content ?? '',
    reason: request.reason ?? '',
    submittedAt: request.submittedAt,
    submittedByName: row.submittedByName ?? '',
    forwardedAt: request.forwardedAt,
    decidedAt: request.decidedAt,
    decidedByName: row.decidedByName,
    decisionReason: request.decisionReason,
    issuesCertificate: planChangeSubmission(kinds, input.config.approvalSteps).issuesCertificate,
    needsMinistry: planChangeSubmission(kinds, input.config.approvalSteps).needsMinistry,
    changes: fieldChanges(items).map((change) => ({
      field: change.field,
      kind: change.kind,
      before: change.before,
      after: change.after,
      isApplied: applied.has(change.itemId),
    })),
    events,
  };
}
