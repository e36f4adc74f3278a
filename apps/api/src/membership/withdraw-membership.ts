import { recordAudit, schema, type TenantTx } from '@kyogikai/db';
import {
  applicantActor,
  CERTIFICATE_CURRENT_STATES,
  SYSTEM_ACTOR,
  type TEffect,
  transitionCertificate,
  transitionMembership,
  transitionReissue,
} from '@kyogikai/domain';
import type { TEmailContent } from '@kyogikai/email';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { cancelPendingChangeRequests } from '../change-requests/cancel-pending';
import { queueMail } from '../mail/queue-mail';
import { notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';
import { retentionUntil } from './retention';
import type { MemberAction } from '../organisation/member-action';

export type WithdrawMembershipInput = MemberAction & {
  tenantUrl: (path: string) => string;
  /** The checkbox 「退会に関する注意事項を読みました」; the machine refuses anything but true. */
  notesAcknowledged: boolean;
};

export type WithdrawMembershipResult = {
  withdrawnAt: Date;
  retentionUntil: string;
  cancelledChangeRequests: number;
  cancelledReissueRequest: boolean;
  revokedCertificate: boolean;
};

/**
 * 「退会する」 → 「本当に退会してもよろしいですか？」 → 「退会する」 (SPEC F1; ADR 012), in the member's
 * transaction. The organisation row is locked first (the fixed order that keeps a concurrent review
 * from deadlocking with this), the membership machine decides (active only, `withdraw` permission,
 * notes acknowledged), the row becomes withdrawn with its retention date, and the machine's effects
 * run in their order: pending change requests cancelled, an open reissue request cancelled, the
 * current certificate revoked (the verification page then answers 「失効」), the member's and the
 * secretariat's mails through the outbox, the audit entry. Any failure rolls all of it back.
 */
export async function withdrawMembership(tx: TenantTx, input: WithdrawMembershipInput): Promise<WithdrawMembershipResult> {
  const o = schema.organisations;
  const [organisation] = await tx
    .select({
      membershipState: o.membershipState,
      membershipNumber: o.membershipNumber,
      corporateName: o.corporateName,
      contactName: o.contactName,
      contactEmail: o.contactEmail,
    })
    .from(o)
    .where(eq(o.id, input.organisationId))
    .for('update');
  if (!organisation) throw notFound('organisation.notFound');

  const transition = transitionMembership(
    organisation.membershipState,
    // The schema refuses anything but `true`; passing what the client sent lets it say so.
    { type: 'withdraw', notesAcknowledged: input.notesAcknowledged as true },
    applicantActor(input.permissions),
  );
  if (!transition.ok) throw transitionAppError(transition.error);

  const keptUntil = retentionUntil(input.now, input.tenant.config.retentionYears);
  await tx
    .update(o)
    .set({ membershipState: transition.to, withdrawnAt: input.now, retentionUntil: keptUntil })
    .where(eq(o.id, input.organisationId));

  const result: WithdrawMembershipResult = {
    withdrawnAt: input.now,
    retentionUntil: keptUntil,
    cancelledChangeRequests: 0,
    cancelledReissueRequest: false,
    revokedCertificate: false,
  };
  const membershipNumber = organisation.membershipNumber ?? '';
  const corporateName = organisation.corporateName ?? '';

  const mailFor = async (effect: Extract<TEffect, { type: 'mail' }>): Promise<{ to: string; content: TEmailContent }> => {
    if (effect.template === 'membership-withdrawn' && effect.to === 'applicant') {
      return {
        to: organisation.contactEmail ?? '',
        content: {
          template: 'membership-withdrawn',
          props: {
            corporateName,
            recipientName: organisation.contactName ?? corporateName,
            membershipNumber,
            withdrawnAt: input.now.toISOString(),
            retentionUntil: keptUntil,
            myPageUrl: input.tenantUrl('/'),
          },
        },
      };
    }
    if (effect.template === 'membership-withdrawn-notice' && effect.to === 'secretariat') {
      return {
        to: input.tenant.config.secretariatContact.email,
        content: {
          template: 'membership-withdrawn-notice',
          props: {
            corporateName,
            membershipNumber,
            withdrawnAt: input.now.toISOString(),
            cancelledChangeRequests: result.cancelledChangeRequests,
            cancelledReissueRequest: result.cancelledReissueRequest,
            revokedCertificate: result.revokedCertificate,
            adminUrl: input.tenantUrl(await adminPathOf(tx, input.organisationId)),
          },
        },
      };
    }
    throw new Error(`withdrawal: no mail for ${effect.template} → ${effect.to}`);
  };

  for (const effect of transition.effects) {
    switch (effect.type) {
      case 'cancel-pending-change-requests':
        // The change-request flow's own executor: the machine's system cancel, audited, nobody mailed.
        result.cancelledChangeRequests = (
          await cancelPendingChangeRequests(tx, {
            tenant: input.tenant,
            organisationId: input.organisationId,
            actorUserId: input.userId,
            now: input.now,
            clientAddress: input.clientAddress,
          })
        ).length;
        break;
      case 'cancel-pending-reissue-requests':
        result.cancelledReissueRequest = await cancelOpenReissueRequest(tx, input);
        break;
      case 'revoke-certificate':
        result.revokedCertificate = await revokeCurrentCertificate(tx, input);
        break;
      case 'mail': {
        const mail = await mailFor(effect);
        // A member without a contact address still withdraws; only its confirmation is skipped.
        if (mail.to) await queueMail(tx, input.tenant.id, mail.to, mail.content);
        break;
      }
      case 'audit':
        await recordAudit(tx, {
          tenantId: input.tenant.id,
          actorUserId: input.userId,
          action: effect.action,
          targetType: 'organisation',
          targetId: input.organisationId,
          before: { membershipState: organisation.membershipState },
          after: {
            membershipState: transition.to,
            withdrawnAt: input.now.toISOString(),
            retentionUntil: keptUntil,
            cancelledChangeRequests: result.cancelledChangeRequests,
            cancelledReissueRequest: result.cancelledReissueRequest,
            revokedCertificate: result.revokedCertificate,
          },
          ip: input.clientAddress,
        });
        break;
      default:
        throw new Error(`withdrawal: unexpected effect ${effect.type}`);
    }
  }
  return result;
}

/** Effect cancel-pending-reissue-requests: the reissue machine's `cancel`, fired as the system. */
async function cancelOpenReissueRequest(tx: TenantTx, input: WithdrawMembershipInput): Promise<boolean> {
  const r = schema.reissueRequests;
  const open = await tx
    .select({ id: r.id, state: r.state })
    .from(r)
    .where(and(eq(r.organisationId, input.organisationId), eq(r.state, 'requested')))
    .for('update');
  for (const request of open) {
    const transition = transitionReissue(request.state, { type: 'cancel' }, SYSTEM_ACTOR);
    if (!transition.ok) throw transition.error;
    await tx.update(r).set({ state: transition.to, decidedByUserId: input.userId, decidedAt: input.now }).where(eq(r.id, request.id));
    for (const effect of transition.effects) {
      if (effect.type !== 'audit') throw new Error(`withdrawal: unexpected effect ${effect.type} of the reissue cancel`);
      await recordAudit(tx, {
        tenantId: input.tenant.id,
        actorUserId: input.userId,
        action: effect.action,
        targetType: 'reissue_request',
        targetId: request.id,
        before: { state: request.state },
        after: { state: transition.to, organisationId: input.organisationId, cause: 'membership.withdrawn' },
        ip: input.clientAddress,
      });
    }
  }
  return open.length > 0;
}

/**
 * Effect revoke-certificate: the certificate machine's `revoke`, fired as the system, on the
 * current certificate (issued or downloaded; at most one). A certificate whose PDF the worker has
 * not stored yet is revoked too: the generate-certificate job skips a certificate that is not current.
 */
async function revokeCurrentCertificate(tx: TenantTx, input: WithdrawMembershipInput): Promise<boolean> {
  const c = schema.certificates;
  const current = await tx
    .select({ id: c.id, state: c.state })
    .from(c)
    .where(and(eq(c.organisationId, input.organisationId), inArray(c.state, [...CERTIFICATE_CURRENT_STATES])))
    .for('update');
  for (const certificate of current) {
    const transition = transitionCertificate(certificate.state, { type: 'revoke' }, SYSTEM_ACTOR);
    if (!transition.ok) throw transition.error;
    await tx.update(c).set({ state: transition.to, revokedAt: input.now }).where(eq(c.id, certificate.id));
    for (const effect of transition.effects) {
      if (effect.type !== 'audit') throw new Error(`withdrawal: unexpected effect ${effect.type} of the certificate revoke`);
      await recordAudit(tx, {
        tenantId: input.tenant.id,
        actorUserId: input.userId,
        action: effect.action,
        targetType: 'certificate',
        targetId: certificate.id,
        before: { state: certificate.state },
        after: { state: transition.to, organisationId: input.organisationId, cause: 'membership.withdrawn' },
        ip: input.clientAddress,
      });
    }
  }
  return current.length > 0;
}

/** The admin page of the member: its approved application, where the secretariat sees 退会 and the date. */
async function adminPathOf(tx: TenantTx, organisationId: string): Promise<string> {
  const a = schema.applications;
  const [approved] = await tx
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.organisationId, organisationId), eq(a.state, 'approved')))
    .orderBy(desc(a.createdAt))
    .limit(1);
  return approved ? `/admin/applications/${approved.id}` : '/admin/applications';
}
