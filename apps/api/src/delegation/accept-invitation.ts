import { pgConstraintName, pgErrorCode, recordAudit, schema, type TenantTx } from '@kyogikai/db';
import { isMembershipSuspended, type TInvitationNewAccount, type TInvitationStatus, type TOrganisationRole } from '@kyogikai/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type AccountContext, consumeAddressAllowance } from '../account/account-context';
import { outdatedConsents, recordConsents } from '../account/consents';
import { generateLoginId } from '../account/login-id';
import { hashPassword } from '../auth/passwords';
import { createSession, deleteSession, setActingOrganisation } from '../auth/sessions';
import { sessionIdFromToken } from '../auth/session-token';
import { AppError, fieldErrors } from '../trpc/app-error';
import { inTenant } from '../trpc/context';
import { consumeInvitation, type FoundInvitation, findInvitationByToken, invitationError } from './invitations';

/** Rounds before giving up on a ユーザーID collision. */
const MAX_ATTEMPTS = 5;

export interface InvitationOverview {
  status: TInvitationStatus | 'invalid';
  corporateName: string | null;
  role: TOrganisationRole | null;
  email: string | null;
  /** The address already has an applicant account: the invitee signs in and links it. */
  accountExists: boolean;
}

/**
 * What the acceptance page needs before the invitee types anything; never uses the link. Only a
 * holder of the mailed link learns whether its address has an account, which is the mailbox owner.
 */
export async function checkInvitation(ctx: AccountContext, token: string): Promise<InvitationOverview> {
  return inTenant(ctx, async (tx) => {
    const invitation = await findInvitationByToken(tx, token, ctx.clock.now());
    if (!invitation) return { status: 'invalid', corporateName: null, role: null, email: null, accountExists: false };
    const [organisation] = await tx
      .select({ corporateName: schema.organisations.corporateName })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, invitation.organisationId));
    const pending = invitation.status === 'pending';
    return {
      status: invitation.status,
      corporateName: organisation?.corporateName ?? null,
      role: pending ? invitation.role : null,
      email: pending ? invitation.email : null,
      accountExists: pending && (await findUserByEmail(tx, invitation.email)) !== null,
    };
  });
}

async function findUserByEmail(tx: TenantTx, email: string): Promise<{ id: string } | null> {
  const u = schema.users;
  const [row] = await tx
    .select({ id: u.id })
    .from(u)
    .where(eq(sql`lower(${u.email})`, email.toLowerCase()));
  return row ?? null;
}

/** Locks nothing yet; refuses what no acceptance can change (used, expired, cancelled, suspended). */
async function usableInvitation(ctx: AccountContext, tx: TenantTx, token: string): Promise<FoundInvitation> {
  const invitation = await findInvitationByToken(tx, token, ctx.clock.now());
  if (!invitation) throw invitationError('invalid');
  if (invitation.status !== 'pending') throw invitationError(invitation.status);
  // The council switched support organisations off after the invitation was sent (ADR 008).
  if (isMembershipSuspended(invitation.role, ctx.tenant.config.allowSupportOrganisations)) {
    throw new AppError('FORBIDDEN', 'delegation.supportOrganisationsDisabled');
  }
  return invitation;
}

/** Uses the invitation for `userId` and grants the membership, audited; in the caller's transaction. */
async function grantFromInvitation(ctx: AccountContext, tx: TenantTx, token: string, invitation: FoundInvitation, userId: string) {
  const now = ctx.clock.now();
  if (!(await consumeInvitation(tx, invitation.id, userId, now))) {
    const again = await findInvitationByToken(tx, token, now);
    throw invitationError(!again ? 'invalid' : again.status === 'pending' ? 'accepted' : again.status);
  }
  const m = schema.organisationMemberships;
  const [existing] = await tx
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.organisationId, invitation.organisationId), eq(m.userId, userId), eq(m.status, 'active')));
  if (existing) throw new AppError('CONFLICT', 'delegation.alreadyMember');
  const [membership] = await tx
    .insert(m)
    .values({
      tenantId: ctx.tenant.id,
      organisationId: invitation.organisationId,
      userId,
      role: invitation.role,
      grantedByUserId: invitation.invitedByUserId,
    })
    .returning({ id: m.id });
  await recordAudit(tx, {
    tenantId: ctx.tenant.id,
    actorUserId: userId,
    action: 'delegation.accepted',
    targetType: 'organisation',
    targetId: invitation.organisationId,
    after: { invitationId: invitation.id, membershipId: membership?.id ?? null, userId, role: invitation.role },
    ip: ctx.clientAddress,
  });
}

/**
 * Accepting with a new account (SPEC G7): the link proves the address, so the account is active at
 * once (no provisional step as in A4-A5); it gets a new ユーザーID, shown on the page (and in any
 * later password-reset mail). A portal session starts, acting for the inviting organisation.
 * An address that already has an account is refused: its owner signs in and links it instead.
 * The privacy policy the person ticked is recorded with its version (SPEC A3).
 */
export async function acceptWithNewAccount(
  ctx: AccountContext,
  input: { token: string } & TInvitationNewAccount,
): Promise<{ token: string; expiresAt: Date; loginId: string; user: { id: string; displayName: string } }> {
  const outdated = outdatedConsents(ctx.tenant.config, input.consents);
  if (outdated.length > 0) throw fieldErrors(outdated);
  await consumeAddressAllowance(ctx, 'signup');
  await inTenant(ctx, (tx) => usableInvitation(ctx, tx, input.token));
  const passwordHash = await hashPassword(input.password);

  for (let attempt = 1; ; attempt++) {
    try {
      return await inTenant(ctx, async (tx) => {
        const invitation = await usableInvitation(ctx, tx, input.token);
        if (await findUserByEmail(tx, invitation.email)) throw new AppError('CONFLICT', 'delegation.accountExists');
        const now = ctx.clock.now();
        const loginId = generateLoginId();
        const [user] = await tx
          .insert(schema.users)
          .values({
            tenantId: ctx.tenant.id,
            kind: 'applicant',
            role: 'applicant',
            loginId,
            email: invitation.email,
            displayName: input.displayName,
            passwordHash,
            status: 'active',
          })
          .returning({ id: schema.users.id });
        if (!user) throw new Error('insert returned no user');
        await recordConsents(tx, { tenantId: ctx.tenant.id, userId: user.id, consents: input.consents, now });
        await recordAudit(tx, {
          tenantId: ctx.tenant.id,
          actorUserId: user.id,
          action: 'account.created_by_invitation',
          targetType: 'user',
          targetId: user.id,
          after: { loginId, email: invitation.email, invitationId: invitation.id },
          ip: ctx.clientAddress,
        });
        await grantFromInvitation(ctx, tx, input.token, invitation, user.id);
        if (ctx.sessionToken) await deleteSession(tx, sessionIdFromToken(ctx.sessionToken));
        const session = await createSession(tx, {
          tenantId: ctx.tenant.id,
          userId: user.id,
          app: 'portal',
          now,
          policy: ctx.sessionPolicy,
          actingOrganisationId: invitation.organisationId,
        });
        await recordAudit(tx, {
          tenantId: ctx.tenant.id,
          actorUserId: user.id,
          action: 'portal.signed_in',
          targetType: 'user',
          targetId: user.id,
          ip: ctx.clientAddress,
        });
        return { ...session, loginId, user: { id: user.id, displayName: input.displayName } };
      });
    } catch (error) {
      if (pgErrorCode(error) !== '23505') throw error;
      const constraint = pgConstraintName(error);
      if (constraint === 'users_tenant_id_login_id_unique' && attempt < MAX_ATTEMPTS) continue;
      // The address got an account meanwhile: its owner signs in and links it.
      if (constraint === 'users_tenant_id_email_lower_unique') throw new AppError('CONFLICT', 'delegation.accountExists');
      throw error;
    }
  }
}

/**
 * Accepting with the account the invitee is signed in to (SPEC G7: linking an existing account).
 * The mailed link is the proof, as for activation (ADR 016); the session switches to the
 * inviting organisation at once.
 */
export async function acceptAsSignedInUser(
  ctx: AccountContext,
  input: { token: string; userId: string; sessionId: string },
): Promise<{ organisationId: string }> {
  return inTenant(ctx, async (tx) => {
    const invitation = await usableInvitation(ctx, tx, input.token);
    await grantFromInvitation(ctx, tx, input.token, invitation, input.userId);
    await setActingOrganisation(tx, input.sessionId, invitation.organisationId);
    return { organisationId: invitation.organisationId };
  });
}
