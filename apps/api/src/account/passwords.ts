import { recordAudit, schema } from '@kyogikai/db';
import { and, eq, ne } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { clearAccountFailures, readThrottle, recordFailure, throttleKeys } from '../auth/sign-in-throttle';
import { AppError } from '../trpc/app-error';
import { inTenant } from '../trpc/context';
import { type AccountContext, signInThrottled } from './account-context';
import { accountLinkError, consumeAccountLink, findAccountLink } from './account-links';

/**
 * SPEC G4: a new password from a reset link. The link works once; every session of the user ends
 * (whoever knew the old password is signed out everywhere), and the account's sign-in lock is
 * lifted. Hashing happens between the two short transactions.
 */
export async function resetPassword(ctx: AccountContext, input: { token: string; password: string }): Promise<void> {
  const found = await inTenant(ctx, async (tx) => {
    const link = await findAccountLink(tx, input.token, 'password_reset', ctx.clock.now());
    if (link.status !== 'valid' || !link.userId) return { link, user: null };
    const u = schema.users;
    const [user] = await tx.select({ id: u.id, loginId: u.loginId, status: u.status }).from(u).where(eq(u.id, link.userId));
    return { link, user: user ?? null };
  });
  if (found.link.status !== 'valid') throw accountLinkError(found.link.status);
  const { user } = found;
  const linkId = found.link.id;
  if (!user || !linkId || user.status !== 'active') throw accountLinkError('invalid');

  const passwordHash = await hashPassword(input.password);
  await inTenant(ctx, async (tx) => {
    const now = ctx.clock.now();
    if (!(await consumeAccountLink(tx, linkId, now))) {
      const again = await findAccountLink(tx, input.token, 'password_reset', now);
      throw accountLinkError(again.status === 'valid' ? 'used' : again.status);
    }
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, user.id));
    const ended = await tx.delete(schema.sessions).where(eq(schema.sessions.userId, user.id)).returning({ id: schema.sessions.id });
    if (user.loginId) await clearAccountFailures(tx, throttleKeys(user.loginId, ctx.clientAddress));
    await recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actorUserId: user.id,
      action: 'account.password_reset',
      targetType: 'user',
      targetId: user.id,
      after: { sessionsEnded: ended.length },
      ip: ctx.clientAddress,
    });
  });
}

/**
 * SPEC G4: changing the password on マイページ. The current password must be right (a field
 * error next to it otherwise); the user's other sessions end, this one stays.
 */
export async function changePassword(
  ctx: AccountContext,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const current = await inTenant(ctx, async (tx) => {
    const u = schema.users;
    const [row] = await tx.select({ passwordHash: u.passwordHash, loginId: u.loginId }).from(u).where(eq(u.id, input.userId));
    return row ?? null;
  });
  // Wrong current passwords count like wrong sign-ins, so a session left open cannot be used to
  // guess the password (which would then work elsewhere).
  const keys = throttleKeys(current?.loginId ?? input.userId, ctx.clientAddress);
  const throttle = await inTenant(ctx, (tx) => readThrottle(tx, keys, ctx.clock.now(), ctx.throttlePolicy));
  if (throttle.status === 'locked') throw signInThrottled(throttle.retryAfterMs);
  if (throttle.delayMs > 0) await ctx.sleep(throttle.delayMs);
  if (!(await verifyPassword(current?.passwordHash ?? null, input.currentPassword))) {
    const lockedForMs = await inTenant(ctx, (tx) => recordFailure(tx, ctx.tenant.id, keys, ctx.clock.now(), ctx.throttlePolicy));
    if (lockedForMs > 0) throw signInThrottled(lockedForMs);
    throw new AppError('BAD_REQUEST', 'account.currentPasswordWrong', undefined, [
      { path: 'currentPassword', messageKey: 'account.currentPasswordWrong' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTenant(ctx, async (tx) => {
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, input.userId));
    await clearAccountFailures(tx, keys);
    const ended = await tx
      .delete(schema.sessions)
      .where(and(eq(schema.sessions.userId, input.userId), ne(schema.sessions.id, input.sessionId)))
      .returning({ id: schema.sessions.id });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actorUserId: input.userId,
      action: 'account.password_changed',
      targetType: 'user',
      targetId: input.userId,
      after: { otherSessionsEnded: ended.length },
      ip: ctx.clientAddress,
    });
  });
}
