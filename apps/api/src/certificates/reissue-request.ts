import { pgConstraintName, pgErrorCode, recordAudit, schema, type TenantTx } from '@kyogikai/db';
import {
  applicantActor,
  CERTIFICATE_CURRENT_STATES,
  type TEffect,
  isReissueRequestOpen,
  requestReissue,
  transitionReissue,
} from '@kyogikai/domain';
import type { TEmailContent } from '@kyogikai/email';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { queueMail } from '../mail/queue-mail';
import { AppError, notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';
import type { MemberAction } from '../organisation/member-action';

export type RequestReissueInput = MemberAction & {
  tenantUrl: (path: string) => string;
  reason: string;
};

/** The admin page where the secretariat decides (apps/admin/src/routes/reissue-requests.tsx). */
export const REISSUE_ADMIN_PATH = '/admin/reissue-requests';

/** The organisation's current certificate, locked: concurrent requests of one member queue here. */
async function lockCurrentCertificate(tx: TenantTx, organisationId: string) {
  const c = schema.certificates;
  const [row] = await tx
    .select({ id: c.id, state: c.state, membershipNumber: c.membershipNumber })
    .from(c)
    .where(and(eq(c.organisationId, organisationId), inArray(c.state, [...CERTIFICATE_CURRENT_STATES])))
    .for('update');
  return row ?? null;
}

/** The organisation's open request (state requested), if any. */
export async function findOpenReissueRequest(tx: TenantTx, organisationId: string) {
  const r = schema.reissueRequests;
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.organisationId, organisationId), eq(r.state, 'requested')))
    .orderBy(desc(r.createdAt))
    .limit(1);
  return row && isReissueRequestOpen(row.state) ? row : null;
}

/**
 * 「入会証明書再発行申請」 → reason → 「申請を行う」 (SPEC E1; ADR 011). In the member's transaction: lock the
 * current certificate, ask the reissue machine (the certificate must have been downloaded, no
 * request may be open, the user needs `request_reissue`, the reason must be given), insert the
 * request, then carry out the machine's effects in order: the receipt to the organisation's
 * contact, the notice to the secretariat (both through the outbox) and the audit entry. The
 * partial unique index on open requests refuses a race the lock did not see.
 */
export async function requestCertificateReissue(tx: TenantTx, input: RequestReissueInput): Promise<{ id: string; requestedAt: Date }> {
  const certificate = await lockCurrentCertificate(tx, input.organisationId);
  if (!certificate) throw notFound('certificate.notFound');
  const open = await findOpenReissueRequest(tx, input.organisationId);
  const result = requestReissue(
    applicantActor(input.permissions),
    { certificateState: certificate.state, hasOpenRequest: open !== null },
    { reason: input.reason },
  );
  if (!result.ok) throw transitionAppError(result.error);

  const r = schema.reissueRequests;
  const reason = input.reason.trim();
  let created: { id: string; createdAt: Date } | undefined;
  try {
    [created] = await tx.transaction((savepoint) =>
      savepoint
        .insert(r)
        .values({
          tenantId: input.tenant.id,
          organisationId: input.organisationId,
          certificateId: certificate.id,
          state: result.to,
          reason,
          requestedByUserId: input.userId,
          createdAt: input.now,
        })
        .returning({ id: r.id, createdAt: r.createdAt }),
    );
  } catch (error) {
    if (pgErrorCode(error) === '23505' && pgConstraintName(error) === 'reissue_requests_one_open_per_organisation') {
      throw new AppError('CONFLICT', 'reissue.alreadyRequested');
    }
    throw error;
  }
  if (!created) throw new Error('insert returned no reissue request');

  const o = schema.organisations;
  const [organisation] = await tx
    .select({ corporateName: o.corporateName, contactName: o.contactName, contactEmail: o.contactEmail })
    .from(o)
    .where(eq(o.id, input.organisationId));
  const corporateName = organisation?.corporateName ?? '';
  const requestedAt = created.createdAt.toISOString();
  const mailFor = (effect: Extract<TEffect, { type: 'mail' }>): { to: string; content: TEmailContent } => {
    if (effect.template === 'reissue-request-received' && effect.to === 'applicant') {
      return {
        to: organisation?.contactEmail ?? '',
        content: {
          template: 'reissue-request-received',
          props: {
            corporateName,
            recipientName: organisation?.contactName ?? corporateName,
            reason,
            requestedAt,
            myPageUrl: input.tenantUrl('/'),
          },
        },
      };
    }
    if (effect.template === 'reissue-requested-notice' && effect.to === 'secretariat') {
      return {
        to: input.tenant.config.secretariatContact.email,
        content: {
          template: 'reissue-requested-notice',
          props: {
            corporateName,
            membershipNumber: certificate.membershipNumber,
            reason,
            requestedAt,
            adminUrl: input.tenantUrl(REISSUE_ADMIN_PATH),
          },
        },
      };
    }
    throw new Error(`reissue request: no mail for ${effect.template} → ${effect.to}`);
  };
  for (const effect of result.effects) {
    if (effect.type === 'mail') {
      const mail = mailFor(effect);
      // An organisation without a contact address still gets its request; only the receipt is skipped.
      if (mail.to) await queueMail(tx, input.tenant.id, mail.to, mail.content);
    } else if (effect.type === 'audit') {
      await recordAudit(tx, {
        tenantId: input.tenant.id,
        actorUserId: input.userId,
        action: effect.action,
        targetType: 'reissue_request',
        targetId: created.id,
        after: { state: result.to, organisationId: input.organisationId, certificateId: certificate.id, reason },
        ip: input.clientAddress,
      });
    } else {
      throw new Error(`reissue request: unexpected effect ${effect.type}`);
    }
  }
  return { id: created.id, requestedAt: created.createdAt };
}

/**
 * The member takes its open request back (reissue machine `cancel`, ADR 011), e.g. to ask again
 * with a better reason. Only the organisation's own open request; nothing is mailed, the
 * secretariat's list simply no longer shows it.
 */
export async function cancelCertificateReissue(tx: TenantTx, input: MemberAction): Promise<void> {
  const r = schema.reissueRequests;
  const [open] = await tx
    .select()
    .from(r)
    .where(and(eq(r.organisationId, input.organisationId), eq(r.state, 'requested')))
    .for('update');
  if (!open) throw notFound('reissue.notFound');
  const transition = transitionReissue(open.state, { type: 'cancel' }, applicantActor(input.permissions));
  if (!transition.ok) throw transitionAppError(transition.error);
  await tx.update(r).set({ state: transition.to, decidedByUserId: input.userId, decidedAt: input.now }).where(eq(r.id, open.id));
  for (const effect of transition.effects) {
    if (effect.type !== 'audit') throw new Error(`reissue cancel: unexpected effect ${effect.type}`);
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actorUserId: input.userId,
      action: effect.action,
      targetType: 'reissue_request',
      targetId: open.id,
      before: { state: open.state },
      after: { state: transition.to, organisationId: input.organisationId },
      ip: input.clientAddress,
    });
  }
}
