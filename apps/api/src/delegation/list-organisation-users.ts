import { schema, type TenantTx } from '@kyogikai/db';
import { invitationStatus, isMembershipSuspended, type TOrganisationRole } from '@kyogikai/domain';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';

export interface OrganisationUser {
  membershipId: string;
  userId: string;
  displayName: string;
  email: string;
  role: TOrganisationRole;
  status: 'active' | 'revoked';
  /** A support organisation's access while the tenant switches them off (ADR 008): kept, grants nothing. */
  suspended: boolean;
  grantedAt: Date;
  revokedAt: Date | null;
  isMe: boolean;
}

export interface PendingInvitation {
  invitationId: string;
  email: string;
  role: TOrganisationRole;
  invitedAt: Date;
  expiresAt: Date;
  status: 'pending' | 'expired';
}

/**
 * 「利用者の管理」 (SPEC G7): who acts for the organisation, with role and status (revoked rows
 * stay listed as the record), and the invitations not yet accepted. Runs in the organisation's
 * transaction, so row-level security limits both lists to it.
 */
export async function listOrganisationUsers(
  tx: TenantTx,
  input: { organisationId: string; currentUserId: string; allowSupportOrganisations: boolean; now: Date },
): Promise<{ users: OrganisationUser[]; invitations: PendingInvitation[] }> {
  const m = schema.organisationMemberships;
  const u = schema.users;
  const rows = await tx
    .select({
      membershipId: m.id,
      userId: m.userId,
      displayName: u.displayName,
      email: u.email,
      role: m.role,
      status: m.status,
      grantedAt: m.createdAt,
      revokedAt: m.revokedAt,
    })
    .from(m)
    .innerJoin(u, and(eq(u.tenantId, m.tenantId), eq(u.id, m.userId)))
    .where(eq(m.organisationId, input.organisationId))
    .orderBy(asc(m.status), asc(m.createdAt), asc(m.id));
  const users = rows.map((row) => ({
    ...row,
    suspended: row.status === 'active' && isMembershipSuspended(row.role, input.allowSupportOrganisations),
    isMe: row.userId === input.currentUserId,
  }));

  const t = schema.organisationInvitations;
  const open = await tx
    .select({ invitationId: t.id, email: t.email, role: t.role, invitedAt: t.createdAt, expiresAt: t.expiresAt })
    .from(t)
    .where(and(eq(t.organisationId, input.organisationId), isNull(t.acceptedAt), isNull(t.cancelledAt)))
    .orderBy(desc(t.createdAt))
    .limit(100);
  const invitations = open.map((row) => ({
    ...row,
    status: invitationStatus({ acceptedAt: null, cancelledAt: null, expiresAt: row.expiresAt }, input.now) as 'pending' | 'expired',
  }));
  return { users, invitations };
}
