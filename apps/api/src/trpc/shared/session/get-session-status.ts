import { findSession, idleExpiresAt } from '../../../auth/sessions';
import { inTenant } from '../../context';
import { publicProcedure } from '../../init';
import { ZSessionStatusOutput } from './session.schema';

/**
 * Safe to poll: it reads the session without extending it, so a tab left open cannot keep a
 * session alive, and every tab can ask how long is left (SPEC A6, G4).
 */
export const getSessionStatus = publicProcedure.output(ZSessionStatusOutput).query(async ({ ctx }) => {
  const warningSeconds = Math.round(ctx.sessionPolicy.warningMs / 1000);
  const token = ctx.sessionToken;
  if (!token) return { signedIn: false, idleExpiresAt: null, warningSeconds };
  const lookup = await inTenant(ctx, (tx) => findSession(tx, { token, app: ctx.app, now: ctx.clock.now(), policy: ctx.sessionPolicy }));
  if (lookup.status !== 'valid') {
    ctx.cookies.clearSession();
    return { signedIn: false, idleExpiresAt: null, warningSeconds };
  }
  return { signedIn: true, idleExpiresAt: idleExpiresAt(lookup.session, ctx.sessionPolicy), warningSeconds };
});
