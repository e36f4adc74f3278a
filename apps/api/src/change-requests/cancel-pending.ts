import { schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { CHANGE_REQUEST_PENDING_STATES } from '@kyogikai/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { applyChangeRequestTransition } from './apply-transition';

export type CancelPendingChangeRequestsInput = {
  tenant: TenantRecord;
  organisationId: string;
  /** Who caused the cascade (the member who withdrew, or the staff member); recorded as the canceller. */
  actorUserId: string | null;
  now: Date;
  /** Where the request came from, for the audit log; null for a job. */
  clientAddress?: string | null;
};

/**
 * Cancels every pending change request of an organisation (draft, submitted, under review,
 * forwarded) as the system, in the caller's transaction: what a withdrawal does (SPEC D6, F1;
 * the membership machine's `cancel-pending-change-requests` effect). Each goes through the
 * change-request machine's `cancel` like any other transition: registered values stay untouched,
 * the items stay as the record of what was asked, every cancellation is audited, nobody is mailed
 * (the withdrawal has its own mails). Returns the ids cancelled, oldest first.
 */
export async function cancelPendingChangeRequests(tx: TenantTx, input: CancelPendingChangeRequestsInput): Promise<string[]> {
  const r = schema.changeRequests;
  const pending = await tx
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.tenantId, input.tenant.id),
        eq(r.organisationId, input.organisationId),
        inArray(r.state, [...CHANGE_REQUEST_PENDING_STATES]),
      ),
    )
    .orderBy(asc(r.createdAt), asc(r.id));
  const cancelled: string[] = [];
  for (const { id } of pending) {
    await applyChangeRequestTransition(tx, {
      tenant: input.tenant,
      actor: { kind: 'system', userId: input.actorUserId },
      clientAddress: input.clientAddress ?? null,
      now: input.now,
      tenantUrl: () => {
        throw new Error('cancelPendingChangeRequests: a cancellation mails nobody');
      },
      changeRequestId: id,
      version: null,
      event: { type: 'cancel' },
    });
    cancelled.push(id);
  }
  return cancelled;
}
