import type { TStaffRole } from '@kyogikai/domain';
import { findSession, touchSession, type ValidSession } from '../auth/sessions';
import { AppError } from './app-error';
import { inTenant } from './context';
import { publicProcedure } from './init';

/**
 * Requires a live session of this app (portal or admin) in this tenant. Only user-initiated
 * requests count as activity: every mutation, and queries the client marks with the activity
 * header. Background refetches and the status poll therefore never keep a session alive (SPEC A6).
 */
export const sessionProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  if (!ctx.sessionToken) throw new AppError('UNAUTHORIZED', 'common.unauthorized');
  const token = ctx.sessionToken;
  const now = ctx.clock.now();
  const session = await inTenant(ctx, async (tx) => {
    const lookup = await findSession(tx, { token, app: ctx.app, now, policy: ctx.sessionPolicy });
    if (lookup.status !== 'valid') return lookup;
    if (type === 'mutation' || ctx.isUserActivity) {
      await touchSession(tx, lookup.session.id, now);
      lookup.session.lastActivityAt = now;
    }
    return lookup;
  });
  if (session.status !== 'valid') {
    ctx.cookies.clearSession();
    throw new AppError('UNAUTHORIZED', session.status === 'expired' ? 'auth.sessionExpired' : 'common.unauthorized');
  }
  return next({ ctx: { ...ctx, session: session.session as ValidSession } });
});

/** Staff procedures name the roles that may call them; everyone else gets FORBIDDEN. */
export function staffProcedure(roles: readonly TStaffRole[]) {
  return sessionProcedure.use(({ ctx, next }) => {
    if (ctx.app !== 'admin' || !(roles as readonly string[]).includes(ctx.session.user.role)) {
      throw new AppError('FORBIDDEN', 'common.forbidden');
    }
    return next();
  });
}

/** Applicant procedures: only portal sessions of applicant users. */
export const applicantProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.app !== 'portal' || ctx.session.user.role !== 'applicant') throw new AppError('FORBIDDEN', 'common.forbidden');
  return next();
});
