import { recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import {
  applicantActor,
  checkMemberCanChange,
  planChangeSubmission,
  staffActor,
  SYSTEM_ACTOR,
  type TActor,
  type TChangeItemKind,
  type TChangeRequestEvent,
  type TChangeRequestState,
  type TEffect,
  type TPermission,
  type TStaffRole,
  transitionChangeRequest,
} from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { issueCertificate } from '../certificates/issue-certificate';
import { queueMail } from '../mail/queue-mail';
import { AppError, notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';
import { mailsForChangeRequestEffect } from './change-request-mails';
import { applyChangeItems, discardChangeItems, loadChangeItems } from './change-items';
import { mailChangeLines } from './describe-change-items';

/**
 * Who fires a change-request event. A member acts for the organisation of its session (the
 * transaction is that organisation's); staff act tenant-wide with their role; the system cancels
 * on a withdrawal (`cancelPendingChangeRequests`), recording the user who withdrew.
 */
export type ChangeRequestActor =
  | { kind: 'applicant'; userId: string; organisationId: string; permissions: ReadonlySet<TPermission> }
  | { kind: 'staff'; userId: string; role: TStaffRole }
  | { kind: 'system'; userId: string | null };

export type ApplyChangeRequestTransitionInput = {
  tenant: TenantRecord;
  actor: ChangeRequestActor;
  clientAddress: string | null;
  now: Date;
  tenantUrl: (path: string) => string;
  changeRequestId: string;
  /** The version the page was loaded with (optimistic concurrency); null for the system's cascade. */
  version: number | null;
  event: TChangeRequestEvent;
  /** 変更内容 and 理由, typed with 「上記の内容で変更申請を行う」: required for `submit`. */
  submission?: { content: string; reason: string };
};

export type AppliedChangeRequestTransition = {
  changeRequestId: string;
  organisationId: string;
  from: TChangeRequestState;
  to: TChangeRequestState;
  version: number;
  certificateId: string | null;
};

type TRequestRow = typeof schema.changeRequests.$inferSelect;
type TRequestUpdate = Partial<typeof schema.changeRequests.$inferInsert>;

function machineActor(actor: ChangeRequestActor): TActor {
  if (actor.kind === 'applicant') return applicantActor(actor.permissions);
  if (actor.kind === 'staff') return staffActor(actor.role);
  return SYSTEM_ACTOR;
}

/** The per-transition columns of ADR 010: who and when for each step, the decision and its reason. */
function columnsFor(input: ApplyChangeRequestTransitionInput, to: TChangeRequestState): TRequestUpdate {
  const { event, now } = input;
  const userId = input.actor.userId;
  switch (event.type) {
    case 'submit': {
      if (!input.submission) throw new Error('change request submit: no 変更内容 and 理由');
      const decided = to === 'approved' ? { decidedAt: now, decidedByUserId: userId } : {};
      return {
        state: to,
        content: input.submission.content.trim(),
        reason: input.submission.reason.trim(),
        submittedAt: now,
        submittedByUserId: userId,
        ...decided,
      };
    }
    case 'start_review':
      return { state: to };
    case 'complete_review':
      return to === 'forwarded'
        ? { state: to, forwardedAt: now, forwardedByUserId: userId }
        : { state: to, decidedAt: now, decidedByUserId: userId, decisionReason: null };
    case 'approve':
      return { state: to, decidedAt: now, decidedByUserId: userId, decisionReason: null };
    case 'reject':
      return { state: to, decidedAt: now, decidedByUserId: userId, decisionReason: event.reason.trim() };
    case 'cancel':
      return { state: to, cancelledAt: now, cancelledByUserId: userId };
  }
}

/**
 * The one executor of the change-request machine (SPEC D1-D6; ADR 010, 013, 023), in the caller's
 * transaction (the organisation's for a member, the tenant's for staff and the system), shaped like
 * the application's (ADR 020):
 *
 * 1. lock the organisation, then the request (FOR UPDATE), and check the version the page showed;
 * 2. fire the machine with the actor and the context (the tenant's approval steps, the kinds of the
 *    request's items); a refusal becomes CONFLICT / FORBIDDEN / BAD_REQUEST with its key. A member
 *    must still be an active member to submit (ADR 012), and staff decide only for active members;
 * 3. record the state and the per-transition columns;
 * 4. carry out every effect in the machine's order: apply or discard items (ADR 013), mails through
 *    the outbox, audit entries, and the new certificate (`issueCertificate`, which supersedes the
 *    old one; its own mail follows once the PDF is stored). An effect it does not know throws and
 *    rolls everything back: nothing is skipped silently.
 */
export async function applyChangeRequestTransition(
  tx: TenantTx,
  input: ApplyChangeRequestTransitionInput,
): Promise<AppliedChangeRequestTransition> {
  const r = schema.changeRequests;
  const o = schema.organisations;
  const [target] = await tx
    .select({ organisationId: r.organisationId, tenantId: r.tenantId })
    .from(r)
    .where(eq(r.id, input.changeRequestId));
  if (!target || target.tenantId !== input.tenant.id) throw notFound('changeRequest.notFound');
  if (input.actor.kind === 'applicant' && target.organisationId !== input.actor.organisationId) throw notFound('changeRequest.notFound');
  const [organisationBefore] = await tx.select().from(o).where(eq(o.id, target.organisationId)).for('update');
  if (!organisationBefore) throw notFound('organisation.notFound');
  const [request] = await tx.select().from(r).where(eq(r.id, input.changeRequestId)).for('update');
  if (!request) throw notFound('changeRequest.notFound');
  if (input.version !== null && request.version !== input.version) {
    throw new AppError('CONFLICT', 'common.conflict', { currentVersion: request.version });
  }

  const items = await loadChangeItems(tx, request.id);
  const kinds = [...new Set(items.map((item) => item.kind))] as TChangeItemKind[];
  const actor = machineActor(input.actor);
  const context = { approvalSteps: input.tenant.config.approvalSteps, kinds };
  const transition = transitionChangeRequest(request.state, input.event, actor, context);
  if (!transition.ok) throw transitionAppError(transition.error);
  if (input.event.type === 'submit') {
    const member = checkMemberCanChange(organisationBefore.membershipState, actor);
    if (!member.ok) throw transitionAppError(member.error);
  }
  const isApproval = transition.effects.some((effect) => effect.type === 'apply-change-items') && input.event.type !== 'submit';
  if (isApproval && organisationBefore.membershipState !== 'active') throw new AppError('CONFLICT', 'membership.notActive');

  const [saved] = await tx.update(r).set(columnsFor(input, transition.to)).where(eq(r.id, request.id)).returning();
  if (!saved) throw new AppError('CONFLICT', 'common.conflict');

  const result: AppliedChangeRequestTransition = {
    changeRequestId: saved.id,
    organisationId: request.organisationId,
    from: request.state,
    to: transition.to,
    version: saved.version,
    certificateId: null,
  };
  const plan = planChangeSubmission(kinds, input.tenant.config.approvalSteps);

  const carryOut = async (effect: TEffect): Promise<void> => {
    switch (effect.type) {
      case 'apply-change-items':
        await applyChangeItems(tx, saved.id, effect.kinds, input.now);
        return;
      case 'discard-change-items':
        await discardChangeItems(tx, saved.id, effect.kinds, input.now);
        return;
      case 'mail': {
        // Built from the rows as they are now: the new values once applied, `previous` for "before".
        const [organisation] = await tx.select().from(o).where(eq(o.id, request.organisationId));
        if (!organisation) throw notFound('organisation.notFound');
        const current = await loadChangeItems(tx, saved.id);
        const mailed = mailedItems(effect, current, saved);
        const mails = await mailsForChangeRequestEffect(tx, effect, {
          tenant: input.tenant,
          tenantUrl: input.tenantUrl,
          request: saved,
          organisation,
          previousContactEmail: organisationBefore.contactEmail,
          changes: await mailChangeLines(tx, mailed),
          issuesCertificate: plan.issuesCertificate,
          at: input.now,
        });
        for (const mail of mails) await queueMail(tx, input.tenant.id, mail.to, mail.content);
        return;
      }
      case 'audit': {
        const changes = (await mailChangeLines(tx, await loadChangeItems(tx, saved.id))).map(({ label, before, after }) => ({
          label,
          before,
          after,
        }));
        await recordAudit(tx, {
          tenantId: input.tenant.id,
          actorUserId: input.actor.userId,
          action: effect.action,
          targetType: 'change_request',
          targetId: saved.id,
          before: { state: request.state },
          after: {
            state: transition.to,
            organisationId: request.organisationId,
            changes,
            ...(input.event.type === 'submit' ? { content: saved.content, reason: saved.reason } : {}),
            ...(input.event.type === 'reject' ? { reason: saved.decisionReason } : {}),
            ...(result.certificateId ? { certificateId: result.certificateId } : {}),
          },
          ip: input.clientAddress,
        });
        return;
      }
      case 'job': {
        if (effect.reason !== 'certificate_item_change') throw new Error(`change request transition: no certificate for ${effect.reason}`);
        // Only staff approve (ADR 010): the system never issues a certificate.
        if (input.actor.kind !== 'staff') throw new Error('change request transition: a certificate without a deciding staff member');
        const issued = await issueCertificate(tx, {
          tenant: input.tenant,
          organisationId: request.organisationId,
          actorUserId: input.actor.userId,
          reason: effect.reason,
          // The certificate job's own mail once the PDF is stored ("a new certificate is ready");
          // change-request-approved has already said that one follows.
          notifyTemplate: 'certificate-reissued',
          now: input.now,
        });
        result.certificateId = issued.certificateId;
        return;
      }
      default:
        throw new Error(`change request transition: no executor for effect ${effect.type}`);
    }
  };

  for (const effect of transition.effects) {
    await carryOut(effect);
  }
  return result;
}

/**
 * Which items a mail is about: the applied ones for "applied" (D5 at submission), the ones waiting
 * for review for the notices of a mixed submission, all of them otherwise.
 */
function mailedItems(effect: Extract<TEffect, { type: 'mail' }>, items: Awaited<ReturnType<typeof loadChangeItems>>, saved: TRequestRow) {
  if (effect.template === 'change-request-applied') return items.filter((item) => item.appliedAt !== null);
  if (effect.template === 'change-request-received' || effect.template === 'change-request-submitted-notice') {
    const waiting = items.filter((item) => item.appliedAt === null);
    return waiting.length > 0 ? waiting : items;
  }
  if (effect.template === 'change-request-forwarded-notice') return items.filter((item) => item.kind === 'certificate_items');
  if (saved.state === 'approved') {
    const decided = items.filter((item) => item.kind !== 'other');
    return decided.length > 0 ? decided : items;
  }
  return items.filter((item) => item.kind !== 'other');
}
