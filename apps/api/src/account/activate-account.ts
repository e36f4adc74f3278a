import { listMembershipsOfUser, recordAudit, schema } from '@kyogikai/db';
import { normaliseLoginId } from '@kyogikai/domain';
import { and, eq } from 'drizzle-orm';
import { verifyPassword } from '../auth/passwords';
import { createSession, deleteSession } from '../auth/sessions';
import { sessionIdFromToken } from '../auth/session-token';
import { clearAccountFailures, readThrottle, recordFailure, throttleKeys } from '../auth/sign-in-throttle';
import { AppError } from '../trpc/app-error';
import { inTenant } from '../trpc/context';
import { type AccountContext, signInThrottled } from './account-context';
import { accountLinkError, consumeAccountLink, findAccountLink } from './account-links';

export interface ActivateAccountInput {
  token: string;
  loginId: string;
  password: string;
}

/**
 * First login through the mailed URL (SPEC A5): with the ユーザーID from the mail and the password
 * chosen in A1, the provisional account becomes a full one and a portal session starts (acting for
 * the account's only organisation). The link works once: a reused, expired or superseded link is
 * refused with its own message. Wrong credentials count against the sign-in throttle, exactly like
 * the sign-in form, and the answer does not say which of the two was wrong.
 */
export async function activateAccount(
  ctx: AccountContext,
  input: ActivateAccountInput,
): Promise<{ token: string; expiresAt: Date; user: { id: string; displayName: string } }> {
  const tenantId = ctx.tenant.id;
  const loginId = normaliseLoginId(input.loginId);
  const keys = throttleKeys(loginId, ctx.clientAddress);
  const throttle = await inTenant(ctx, (tx) => readThrottle(tx, keys, ctx.clock.now(), ctx.throttlePolicy));
  if (throttle.status === 'locked') throw signInThrottled(throttle.retryAfterMs);
  if (throttle.delayMs > 0) await ctx.sleep(throttle.delayMs);

  const found = await inTenant(ctx, async (tx) => {
    const link = await findAccountLink(tx, input.token, 'activation', ctx.clock.now());
    if (link.status !== 'valid' || !link.id || !link.userId) return { link, user: null };
    const u = schema.users;
    const [user] = await tx
      .select({ id: u.id, loginId: u.loginId, displayName: u.displayName, passwordHash: u.passwordHash, status: u.status })
      .from(u)
      .where(eq(u.id, link.userId));
    return { link, user: user ?? null };
  });
  if (found.link.status !== 'valid') throw accountLinkError(found.link.status);
  const { user } = found;
  const linkId = found.link.id;
  if (!user || !linkId || user.status === 'disabled') throw accountLinkError('invalid');
  if (user.status === 'active') throw accountLinkError('used');

  // Always verified, so a wrong ユーザーID costs the same time as a wrong password.
  const isPasswordValid = await verifyPassword(user.passwordHash, input.password);
  if (!isPasswordValid || user.loginId !== loginId) {
    const lockedForMs = await inTenant(ctx, (tx) => recordFailure(tx, tenantId, keys, ctx.clock.now(), ctx.throttlePolicy));
    if (lockedForMs > 0) throw signInThrottled(lockedForMs);
    throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials');
  }

  return inTenant(ctx, async (tx) => {
    const now = ctx.clock.now();
    if (!(await consumeAccountLink(tx, linkId, now))) {
      // Another request used (or a resend revoked) the link between our read and now.
      const again = await findAccountLink(tx, input.token, 'activation', now);
      throw accountLinkError(again.status === 'valid' ? 'used' : again.status);
    }
    await tx
      .update(schema.users)
      .set({ status: 'active' })
      .where(and(eq(schema.users.id, user.id), eq(schema.users.status, 'provisional')));
    await clearAccountFailures(tx, keys);
    if (ctx.sessionToken) await deleteSession(tx, sessionIdFromToken(ctx.sessionToken));
    const memberships = await listMembershipsOfUser(tx, user.id);
    const session = await createSession(tx, {
      tenantId,
      userId: user.id,
      app: 'portal',
      now,
      policy: ctx.sessionPolicy,
      actingOrganisationId: memberships.length === 1 ? (memberships[0]?.organisationId ?? null) : null,
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId: user.id,
      action: 'account.activated',
      targetType: 'user',
      targetId: user.id,
      before: { status: 'provisional' },
      after: { status: 'active' },
      ip: ctx.clientAddress,
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId: user.id,
      action: 'portal.signed_in',
      targetType: 'user',
      targetId: user.id,
      ip: ctx.clientAddress,
    });
    return { ...session, user: { id: user.id, displayName: user.displayName } };
  });
}
