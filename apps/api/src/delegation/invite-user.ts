import { recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { invitationRefusal, type TOrganisationInvitationRequest, type TOrganisationRole } from '@kyogikai/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { generateAccountToken, hashAccountToken } from '../auth/account-token';
import { queueMail } from '../mail/queue-mail';
import { AppError } from '../trpc/app-error';

export interface InviteUserInput {
  tenant: TenantRecord;
  organisationId: string;
  inviter: { userId: string; displayName: string; role: TOrganisationRole };
  request: TOrganisationInvitationRequest;
  now: Date;
  clientAddress: string;
  tenantUrl: (path: string) => string;
}

/**
 * 「利用者を招待する」 (SPEC G7): stores an invitation for the address with the role, cancels the
 * organisation's earlier pending invitations to the same address (only the newest mail works),
 * audits, and mails the single-use link through the outbox. Runs in the organisation's
 * transaction: the caller holds manage_users there (memberProcedure); the role rule (support
 * organisations only where the tenant allows them) is the domain's.
 */
export async function inviteUser(tx: TenantTx, input: InviteUserInput): Promise<{ invitationId: string; expiresAt: Date }> {
  const { tenant, organisationId, request, now } = input;
  const refusal = invitationRefusal(input.inviter.role, request.role, tenant.config.allowSupportOrganisations);
  if (refusal) throw new AppError('FORBIDDEN', refusal);

  const email = request.email;
  const u = schema.users;
  const m = schema.organisationMemberships;
  const [alreadyMember] = await tx
    .select({ id: m.id })
    .from(m)
    .innerJoin(u, and(eq(u.tenantId, m.tenantId), eq(u.id, m.userId)))
    .where(and(eq(m.organisationId, organisationId), eq(m.status, 'active'), eq(sql`lower(${u.email})`, email.toLowerCase())));
  if (alreadyMember) {
    throw new AppError('CONFLICT', 'delegation.alreadyMember', undefined, [{ path: 'email', messageKey: 'delegation.alreadyMember' }]);
  }

  const [organisation] = await tx
    .select({ corporateName: schema.organisations.corporateName })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, organisationId));
  if (!organisation) throw new AppError('NOT_FOUND', 'organisation.notFound');

  const t = schema.organisationInvitations;
  const superseded = await tx
    .update(t)
    .set({ cancelledAt: now })
    .where(
      and(
        eq(t.organisationId, organisationId),
        eq(sql`lower(${t.email})`, email.toLowerCase()),
        isNull(t.acceptedAt),
        isNull(t.cancelledAt),
      ),
    )
    .returning({ id: t.id });

  const validityHours = tenant.config.accountLinkValidityHours;
  const token = generateAccountToken();
  const expiresAt = new Date(now.getTime() + validityHours * 3_600_000);
  const [invitation] = await tx
    .insert(t)
    .values({
      tenantId: tenant.id,
      organisationId,
      email,
      role: request.role,
      tokenHash: hashAccountToken(token),
      invitedByUserId: input.inviter.userId,
      expiresAt,
      createdAt: now,
    })
    .returning({ id: t.id });
  if (!invitation) throw new Error('insert returned no invitation');

  await recordAudit(tx, {
    tenantId: tenant.id,
    actorUserId: input.inviter.userId,
    action: 'delegation.invited',
    targetType: 'organisation',
    targetId: organisationId,
    after: {
      invitationId: invitation.id,
      email,
      role: request.role,
      expiresAt: expiresAt.toISOString(),
      supersededInvitationIds: superseded.map((row) => row.id),
    },
    ip: input.clientAddress,
  });
  await queueMail(tx, tenant.id, email, {
    template: 'organisation-invitation',
    props: {
      corporateName: organisation.corporateName ?? '—',
      inviterName: input.inviter.displayName,
      role: request.role,
      acceptUrl: `${input.tenantUrl('/accept-invitation')}?token=${token}`,
      expiresAt: expiresAt.toISOString(),
      validityHours,
    },
  });
  return { invitationId: invitation.id, expiresAt };
}

/** Withdraws a pending invitation of the organisation (its link stops working). */
export async function cancelInvitation(
  tx: TenantTx,
  input: { tenantId: string; organisationId: string; invitationId: string; actorUserId: string; now: Date; clientAddress: string },
): Promise<void> {
  const t = schema.organisationInvitations;
  const rows = await tx
    .update(t)
    .set({ cancelledAt: input.now })
    .where(and(eq(t.id, input.invitationId), eq(t.organisationId, input.organisationId), isNull(t.acceptedAt), isNull(t.cancelledAt)))
    .returning({ id: t.id, email: t.email, role: t.role });
  const [row] = rows;
  if (!row) throw new AppError('NOT_FOUND', 'delegation.notFound');
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: 'delegation.invitation_cancelled',
    targetType: 'organisation',
    targetId: input.organisationId,
    before: { invitationId: row.id, email: row.email, role: row.role },
    ip: input.clientAddress,
  });
}
