import { recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { CHANGE_REQUEST_PENDING_STATES, SYSTEM_ACTOR, type TChangeItemKind, transitionChangeRequest } from '@kyogikai/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';

export type CancelPendingChangeRequestsInput = {
  tenant: TenantRecord;
  organisationId: string;
  /** Who caused the cancellation (the member user who withdrew); recorded as cancelled_by. */
  userId: string;
  clientAddress: string;
  now: Date;
};

/**
 * The withdrawal's cascade `cancel-pending-change-requests` (ADR 012, SPEC D6/F1): fires the change
 * request machine's `cancel` as the system on every request of the organisation that is not yet
 * decided, in the withdrawal's transaction, and carries out the cancel's effects: the proposals of
 * the discarded kinds never reached the registered data (ADR 013), so discarding only retires the
 * documents uploaded for those items (deleted_at; the document sweep removes their objects), and
 * the audit entry. Returns how many requests were cancelled.
 *
 * Kept here, small, until the change-request flow (issue 7 items 1-8) has its own executor of the
 * machine; then this should call that executor instead.
 */
export async function cancelPendingChangeRequests(tx: TenantTx, input: CancelPendingChangeRequestsInput): Promise<number> {
  const r = schema.changeRequests;
  const i = schema.changeItems;
  const pending = await tx
    .select({ id: r.id, state: r.state })
    .from(r)
    .where(and(eq(r.organisationId, input.organisationId), inArray(r.state, [...CHANGE_REQUEST_PENDING_STATES])))
    .orderBy(r.createdAt)
    .for('update');
  for (const request of pending) {
    const items = await tx.select({ id: i.id, kind: i.kind }).from(i).where(eq(i.changeRequestId, request.id));
    const kinds = [...new Set(items.map((item) => item.kind))];
    const transition = transitionChangeRequest(request.state, { type: 'cancel' }, SYSTEM_ACTOR, {
      approvalSteps: input.tenant.config.approvalSteps,
      kinds,
    });
    if (!transition.ok) throw transition.error;
    await tx.update(r).set({ state: transition.to, cancelledAt: input.now, cancelledByUserId: input.userId }).where(eq(r.id, request.id));
    for (const effect of transition.effects) {
      if (effect.type === 'discard-change-items') {
        await retirePendingDocuments(
          tx,
          items.filter((item) => (effect.kinds as readonly TChangeItemKind[]).includes(item.kind)).map((item) => item.id),
          input.now,
        );
      } else if (effect.type === 'audit') {
        await recordAudit(tx, {
          tenantId: input.tenant.id,
          actorUserId: input.userId,
          action: effect.action,
          targetType: 'change_request',
          targetId: request.id,
          before: { state: request.state },
          after: { state: transition.to, organisationId: input.organisationId, cause: 'membership.withdrawn' },
          ip: input.clientAddress,
        });
      } else {
        throw new Error(`change request cancel: unexpected effect ${effect.type}`);
      }
    }
  }
  return pending.length;
}

/** Documents uploaded for items that will never be applied stop being reachable at once. */
async function retirePendingDocuments(tx: TenantTx, itemIds: string[], now: Date): Promise<void> {
  if (itemIds.length === 0) return;
  const d = schema.documents;
  await tx
    .update(d)
    .set({ deletedAt: now })
    .where(and(inArray(d.pendingChangeItemId, itemIds), isNull(d.deletedAt)));
}
