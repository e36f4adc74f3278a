import { schema, type TenantTx } from '@kyogikai/db';
import { invitationStatus, type TInvitationStatus, type TOrganisationRole } from '@kyogikai/domain';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashAccountToken } from '../auth/account-token';
import { AppError } from '../trpc/app-error';

/**
 * Invitation links (SPEC G7, ADR 022): the same token scheme as the account links (ADR 016: 32
 * random bytes in the mail, only the SHA-256 stored, single use by one conditional update), but
 * in `organisation_invitations`, because an invitation names an address and a role, not a user.
 * Looked up by token in a tenant-wide transaction: the invitee acts for no organisation yet.
 */

export interface FoundInvitation {
  id: string;
  organisationId: string;
  email: string;
  role: TOrganisationRole;
  invitedByUserId: string;
  status: TInvitationStatus;
}

export async function findInvitationByToken(tx: TenantTx, token: string, now: Date): Promise<FoundInvitation | null> {
  const t = schema.organisationInvitations;
  const [row] = await tx
    .select({
      id: t.id,
      organisationId: t.organisationId,
      email: t.email,
      role: t.role,
      invitedByUserId: t.invitedByUserId,
      acceptedAt: t.acceptedAt,
      cancelledAt: t.cancelledAt,
      expiresAt: t.expiresAt,
    })
    .from(t)
    .where(eq(t.tokenHash, hashAccountToken(token)));
  if (!row) return null;
  return { ...row, status: invitationStatus(row, now) };
}

/**
 * Marks the invitation accepted by `userId` if it is still pending at `now`; false if another
 * request accepted it first, or it was cancelled or expired meanwhile. The single-use guarantee.
 */
export async function consumeInvitation(tx: TenantTx, id: string, userId: string, now: Date): Promise<boolean> {
  const t = schema.organisationInvitations;
  const rows = await tx
    .update(t)
    .set({ acceptedAt: now, acceptedByUserId: userId })
    .where(and(eq(t.id, id), isNull(t.acceptedAt), isNull(t.cancelledAt), gt(t.expiresAt, sql`${now.toISOString()}::timestamptz`)))
    .returning({ id: t.id });
  return rows.length > 0;
}

/** The error of an invitation that cannot be used; the link wording is the account links' (A5). */
export function invitationError(status: Exclude<TInvitationStatus, 'pending'> | 'invalid'): AppError {
  if (status === 'expired') return new AppError('BAD_REQUEST', 'account.linkExpired');
  if (status === 'accepted') return new AppError('CONFLICT', 'account.linkUsed');
  if (status === 'cancelled') return new AppError('BAD_REQUEST', 'delegation.invitationCancelled');
  return new AppError('NOT_FOUND', 'account.linkInvalid');
}
