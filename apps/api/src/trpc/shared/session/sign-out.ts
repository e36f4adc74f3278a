import { schema } from '@kyogikai/db';
import { deleteSession, findSession } from '../../../auth/sessions';
import { inTenant } from '../../context';
import { publicProcedure } from '../../init';
import { ZSignOutOutput } from './session.schema';

/** Deletes the session row (the token is dead everywhere) and clears the cookie. Always succeeds. */
export const signOut = publicProcedure.output(ZSignOutOutput).mutation(async ({ ctx }) => {
  const token = ctx.sessionToken;
  if (token) {
    const now = ctx.clock.now();
    await inTenant(ctx, async (tx) => {
      const lookup = await findSession(tx, { token, app: ctx.app, now, policy: ctx.sessionPolicy });
      if (lookup.status !== 'valid') return;
      await deleteSession(tx, lookup.session.id);
      await tx.insert(schema.auditEvents).values({
        tenantId: ctx.tenant.id,
        actorUserId: lookup.session.user.id,
        action: `${ctx.app}.signed_out`,
        targetType: 'user',
        targetId: lookup.session.user.id,
        ip: ctx.clientAddress,
        occurredAt: now,
      });
    });
  }
  ctx.cookies.clearSession();
  return { ok: true as const };
});
