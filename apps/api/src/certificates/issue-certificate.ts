import {
  queueCertificateGeneration,
  recordAudit,
  schema,
  type TCertificateNotifyTemplate,
  type TenantRecord,
  type TenantTx,
} from '@kyogikai/db';
import {
  buildCertificateSnapshot,
  CERTIFICATE_CURRENT_STATES,
  SYSTEM_ACTOR,
  type TCertificateIssueCause,
  transitionCertificate,
} from '@kyogikai/domain';
import { and, eq, inArray, max } from 'drizzle-orm';

export type IssueCertificateInput = {
  tenant: TenantRecord;
  organisationId: string;
  /** Who approved (the staff user); recorded in the audit entry. */
  actorUserId: string;
  reason: TCertificateIssueCause;
  /** Mailed to the organisation's contact once the PDF is stored. */
  notifyTemplate: TCertificateNotifyTemplate;
  now: Date;
};

export type IssuedCertificate = { certificateId: string; issueNumber: number; membershipNumber: string };

/** The organisation has no membership number: the caller must make it a member first. */
export class CertificateWithoutMembershipError extends Error {
  override readonly name = 'CertificateWithoutMembershipError';
  constructor(readonly organisationId: string) {
    super(`issueCertificate: organisation ${organisationId} has no membership number`);
  }
}

/**
 * Issues a certificate (SPEC C3, E1, D1) inside the caller's transaction, which approves an
 * application, a reissue or a certificate-item change and has already given the organisation its
 * membership number. It snapshots what is printed (the tenant's `certificate` settings and the
 * organisation's approved values), takes the next issue number of that membership number,
 * supersedes the current certificate, inserts the new row (state 'issued', no PDF yet), records
 * both in the audit log and asks the worker for the PDF through the outbox (ADR 018). The worker
 * mails `notifyTemplate` once the PDF is stored, so the member is never told about a file that
 * is not there.
 *
 * The organisation row is locked first, so two approvals of one member issue one after the other;
 * the unique (membership number, issue number) and "one valid certificate per organisation"
 * constraints stand behind it.
 */
export async function issueCertificate(tx: TenantTx, input: IssueCertificateInput): Promise<IssuedCertificate> {
  const o = schema.organisations;
  const c = schema.certificates;
  const tenantId = input.tenant.id;

  const [organisation] = await tx
    .select()
    .from(o)
    .where(and(eq(o.tenantId, tenantId), eq(o.id, input.organisationId)))
    .for('update');
  if (!organisation) throw new Error(`issueCertificate: organisation ${input.organisationId} not found in tenant ${input.tenant.slug}`);
  const membershipNumber = organisation.membershipNumber;
  if (!membershipNumber) throw new CertificateWithoutMembershipError(input.organisationId);

  const [last] = await tx
    .select({ issueNumber: max(c.issueNumber) })
    .from(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.membershipNumber, membershipNumber)));
  const issueNumber = (last?.issueNumber ?? 0) + 1;

  const fields = buildCertificateSnapshot({
    settings: input.tenant.config.certificate,
    councilNameJa: input.tenant.nameJa,
    membershipNumber,
    issueNumber,
    issuedAt: input.now,
    source: organisation,
  });

  const current = await tx
    .select({ id: c.id, state: c.state, issueNumber: c.issueNumber })
    .from(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.organisationId, input.organisationId), inArray(c.state, [...CERTIFICATE_CURRENT_STATES])))
    .for('update');
  for (const previous of current) {
    const transition = transitionCertificate(previous.state, { type: 'supersede' }, SYSTEM_ACTOR);
    if (!transition.ok) throw transition.error;
    await tx.update(c).set({ state: transition.to, supersededAt: input.now }).where(eq(c.id, previous.id));
    for (const effect of transition.effects) {
      if (effect.type !== 'audit') throw new Error(`issueCertificate: unexpected effect ${effect.type} of supersede`);
      await recordAudit(tx, {
        tenantId,
        actorUserId: null,
        action: effect.action,
        targetType: 'certificate',
        targetId: previous.id,
        before: { state: previous.state },
        after: { state: transition.to, issueNumber: previous.issueNumber },
      });
    }
  }

  const [inserted] = await tx
    .insert(c)
    .values({
      tenantId,
      organisationId: input.organisationId,
      membershipNumber,
      issueNumber,
      state: 'issued',
      verificationCodeHash: null,
      objectKey: null,
      fields,
      issuedAt: input.now,
    })
    .returning({ id: c.id });
  if (!inserted) throw new Error('issueCertificate: insert returned no row');

  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: 'certificate.issued',
    targetType: 'certificate',
    targetId: inserted.id,
    after: { reason: input.reason, membershipNumber, issueNumber, supersededIds: current.map((row) => row.id) },
  });
  await queueCertificateGeneration(tx, { tenantId, certificateId: inserted.id, notifyTemplate: input.notifyTemplate });

  return { certificateId: inserted.id, issueNumber, membershipNumber };
}
