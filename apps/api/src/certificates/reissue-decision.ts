import { recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { staffActor, type TReissueEvent, type TStaffRole, transitionReissue } from '@kyogikai/domain';
import { and, asc, eq } from 'drizzle-orm';
import { queueMail } from '../mail/queue-mail';
import { AppError, notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';
import { issueCertificate } from './issue-certificate';

/** A pending request as the secretariat's list shows it (no addresses, no workers: not needed to decide). */
export type PendingReissueRequest = {
  id: string;
  version: number;
  organisationId: string;
  corporateName: string;
  membershipNumber: string;
  issueNumber: number;
  downloadedAt: Date | null;
  reason: string;
  requestedAt: Date;
  requestedByName: string;
};

/** Open requests of the tenant, oldest first (the order they should be decided in). */
export async function listPendingReissueRequests(tx: TenantTx): Promise<PendingReissueRequest[]> {
  const r = schema.reissueRequests;
  const c = schema.certificates;
  const o = schema.organisations;
  const u = schema.users;
  const rows = await tx
    .select({
      id: r.id,
      version: r.version,
      organisationId: r.organisationId,
      corporateName: o.corporateName,
      membershipNumber: c.membershipNumber,
      issueNumber: c.issueNumber,
      downloadedAt: c.downloadedAt,
      reason: r.reason,
      requestedAt: r.createdAt,
      requestedByName: u.displayName,
    })
    .from(r)
    .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.organisationId)))
    .innerJoin(c, and(eq(c.tenantId, r.tenantId), eq(c.id, r.certificateId)))
    .innerJoin(u, and(eq(u.tenantId, r.tenantId), eq(u.id, r.requestedByUserId)))
    .where(eq(r.state, 'requested'))
    .orderBy(asc(r.createdAt), asc(r.id))
    .limit(500);
  return rows.map((row) => ({ ...row, corporateName: row.corporateName ?? '' }));
}

export type DecideReissueInput = {
  tenant: TenantRecord;
  staffUserId: string;
  staffRole: TStaffRole;
  clientAddress: string;
  now: Date;
  tenantUrl: (path: string) => string;
  requestId: string;
  /** The version the secretariat saw: a request changed since (cancelled, decided) is a CONFLICT. */
  version: number;
};

/** The request, locked; another tenant's id is simply not found (withTenant + RLS). */
async function lockRequest(tx: TenantTx, input: DecideReissueInput) {
  const r = schema.reissueRequests;
  const [request] = await tx.select().from(r).where(eq(r.id, input.requestId)).for('update');
  if (!request) throw notFound('reissue.notFound');
  if (request.version !== input.version) throw new AppError('CONFLICT', 'common.conflict', { currentVersion: request.version });
  return request;
}

function fire(request: { state: Parameters<typeof transitionReissue>[0] }, event: TReissueEvent, role: TStaffRole) {
  const transition = transitionReissue(request.state, event, staffActor(role));
  if (!transition.ok) throw transitionAppError(transition.error);
  return transition;
}

/**
 * The secretariat approves a reissue request (SPEC E1; ADR 011), in one tenant transaction: lock
 * the request and check its version, fire `approve` as the staff member, then the effects in
 * order. `job generate-certificate` is `issueCertificate` (reason 'reissue'): it snapshots the
 * currently approved values, takes the next issue number under the same membership number,
 * supersedes the previous certificate and queues the PDF through the outbox. `mail
 * reissue-approved` is that generation's notice (template 'certificate-reissued'), sent by the
 * worker once the PDF is stored, so the member is never told to download a file that does not exist
 * yet. Then the audit entry and the request's new state with the certificate it produced.
 */
export async function approveReissueRequest(
  tx: TenantTx,
  input: DecideReissueInput,
): Promise<{ certificateId: string; issueNumber: number; membershipNumber: string }> {
  const request = await lockRequest(tx, input);
  const transition = fire(request, { type: 'approve' }, input.staffRole);
  // A withdrawal cancels open requests; should one still be open, a former member gets no certificate.
  const o = schema.organisations;
  const [organisation] = await tx.select({ membershipState: o.membershipState }).from(o).where(eq(o.id, request.organisationId));
  if (organisation?.membershipState !== 'active') throw new AppError('CONFLICT', 'membership.notActive');
  let issued: { certificateId: string; issueNumber: number; membershipNumber: string } | null = null;
  for (const effect of transition.effects) {
    if (effect.type === 'job') {
      issued = await issueCertificate(tx, {
        tenant: input.tenant,
        organisationId: request.organisationId,
        actorUserId: input.staffUserId,
        reason: effect.reason,
        notifyTemplate: 'certificate-reissued',
        now: input.now,
      });
    } else if (effect.type === 'mail' && effect.template === 'reissue-approved') {
      // Sent by the certificate worker with the 'certificate-reissued' template once the PDF exists.
    } else if (effect.type === 'audit') {
      if (!issued) throw new Error('reissue approve: the audit effect came before the certificate');
      await recordAudit(tx, {
        tenantId: input.tenant.id,
        actorUserId: input.staffUserId,
        action: effect.action,
        targetType: 'reissue_request',
        targetId: request.id,
        before: { state: request.state },
        after: { state: transition.to, organisationId: request.organisationId, issuedCertificateId: issued.certificateId },
        ip: input.clientAddress,
      });
    } else {
      throw new Error(`reissue approve: unexpected effect ${effect.type}`);
    }
  }
  if (!issued) throw new Error('reissue approve: no certificate was issued');
  const r = schema.reissueRequests;
  await tx
    .update(r)
    .set({ state: transition.to, decidedByUserId: input.staffUserId, decidedAt: input.now, issuedCertificateId: issued.certificateId })
    .where(eq(r.id, request.id));
  return issued;
}

/**
 * The secretariat declines a reissue request with a reason (SPEC E1, G3): the state and reason are
 * recorded, the member's contact is mailed the reason through the outbox, and the decision audited.
 * The member may ask again afterwards.
 */
export async function declineReissueRequest(tx: TenantTx, input: DecideReissueInput & { reason: string }): Promise<void> {
  const request = await lockRequest(tx, input);
  const transition = fire(request, { type: 'decline', reason: input.reason }, input.staffRole);
  const declineReason = input.reason.trim();
  const r = schema.reissueRequests;
  await tx
    .update(r)
    .set({ state: transition.to, decidedByUserId: input.staffUserId, decidedAt: input.now, decisionReason: declineReason })
    .where(eq(r.id, request.id));
  const o = schema.organisations;
  const [organisation] = await tx
    .select({ corporateName: o.corporateName, contactName: o.contactName, contactEmail: o.contactEmail })
    .from(o)
    .where(eq(o.id, request.organisationId));
  const corporateName = organisation?.corporateName ?? '';
  for (const effect of transition.effects) {
    if (effect.type === 'mail' && effect.template === 'reissue-declined' && effect.to === 'applicant') {
      if (!organisation?.contactEmail) continue;
      await queueMail(tx, input.tenant.id, organisation.contactEmail, {
        template: 'reissue-declined',
        props: {
          corporateName,
          recipientName: organisation.contactName ?? corporateName,
          requestedAt: request.createdAt.toISOString(),
          declineReason,
          myPageUrl: input.tenantUrl('/'),
        },
      });
    } else if (effect.type === 'audit') {
      await recordAudit(tx, {
        tenantId: input.tenant.id,
        actorUserId: input.staffUserId,
        action: effect.action,
        targetType: 'reissue_request',
        targetId: request.id,
        before: { state: request.state },
        after: { state: transition.to, organisationId: request.organisationId, reason: declineReason },
        ip: input.clientAddress,
      });
    } else {
      throw new Error(`reissue decline: unexpected effect ${effect.type}`);
    }
  }
}
