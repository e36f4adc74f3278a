import { recordAudit, schema, type TenantTx } from '@kyogikai/db';
import { revocationRefusal } from '@kyogikai/domain';
import { and, count, eq } from 'drizzle-orm';
import { queueMail } from '../mail/queue-mail';
import { AppError } from '../trpc/app-error';

export interface RevokeAccessInput {
  tenantId: string;
  organisationId: string;
  membershipId: string;
  actorUserId: string;
  now: Date;
  clientAddress: string;
}

/**
 * 「アクセス権を取り消す」 (SPEC G7): the membership becomes revoked (kept as the record) and every
 * session of that user acting for this organisation is deleted in the same transaction, so their
 * next request is refused at once (ADR 008); memberProcedure re-checks the membership on every
 * request besides. The user is mailed that their access ended. The organisation row is locked
 * first so two administrators revoking each other at the same moment cannot leave it without one.
 */
export async function revokeAccess(tx: TenantTx, input: RevokeAccessInput): Promise<{ sessionsEnded: number }> {
  const { organisationId } = input;
  const [organisation] = await tx
    .select({ id: schema.organisations.id, corporateName: schema.organisations.corporateName })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, organisationId))
    .for('update');

  const m = schema.organisationMemberships;
  const [target] = await tx
    .select({ id: m.id, userId: m.userId, role: m.role, status: m.status })
    .from(m)
    .where(and(eq(m.id, input.membershipId), eq(m.organisationId, organisationId)))
    .for('update');
  // Another organisation's membership is invisible here (RLS) and reads as not found.
  if (!target) throw new AppError('NOT_FOUND', 'delegation.notFound');

  const [admins] = await tx
    .select({ n: count() })
    .from(m)
    .where(and(eq(m.organisationId, organisationId), eq(m.role, 'org_admin'), eq(m.status, 'active')));
  const refusal = revocationRefusal({ actorUserId: input.actorUserId, target, activeAdministrators: admins?.n ?? 0 });
  if (refusal) throw new AppError(refusal === 'delegation.alreadyRevoked' ? 'CONFLICT' : 'FORBIDDEN', refusal);

  await tx.update(m).set({ status: 'revoked', revokedAt: input.now, revokedByUserId: input.actorUserId }).where(eq(m.id, target.id));
  const s = schema.sessions;
  const ended = await tx
    .delete(s)
    .where(and(eq(s.userId, target.userId), eq(s.actingOrganisationId, organisationId)))
    .returning({ id: s.id });

  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'delegation.revoked',
    targetType: 'organisation',
    targetId: organisationId,
    before: { membershipId: target.id, userId: target.userId, role: target.role, status: 'active' },
    after: { status: 'revoked', sessionsEnded: ended.length },
    ip: input.clientAddress,
  });
  // The user learns it from a mail rather than from a refused request (in this transaction:
  // no mail for a revocation that rolled back).
  const u = schema.users;
  const [user] = await tx.select({ email: u.email, displayName: u.displayName }).from(u).where(eq(u.id, target.userId));
  if (user) {
    await queueMail(tx, input.tenantId, user.email, {
      template: 'organisation-access-revoked',
      props: {
        corporateName: organisation?.corporateName ?? '—',
        recipientName: user.displayName,
        revokedAt: input.now.toISOString(),
      },
    });
  }
  return { sessionsEnded: ended.length };
}
