import { findSession, idleExpiresAt } from '../../../auth/sessions';
import { inTenant } from '../../context';
import { publicProcedure } from '../../init';
import { ZCurrentUserOutput } from './session.schema';

/** Who is signed in, or null; like the status call it does not count as activity by itself. */
export const getCurrentUser = publicProcedure.output(ZCurrentUserOutput).query(async ({ ctx }) => {
  const token = ctx.sessionToken;
  if (!token) return null;
  const lookup = await inTenant(ctx, (tx) => findSession(tx, { token, app: ctx.app, now: ctx.clock.now(), policy: ctx.sessionPolicy }));
  if (lookup.status !== 'valid') return null;
  const { session } = lookup;
  return { user: session.user, idleExpiresAt: idleExpiresAt(session, ctx.sessionPolicy), expiresAt: session.expiresAt };
});
