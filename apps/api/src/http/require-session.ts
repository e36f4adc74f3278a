import { withTenant } from '@kyogikai/db';
import type { TSessionApp, TUserRole } from '@kyogikai/domain';
import type { MiddlewareHandler } from 'hono';
import type { ApiDeps } from '../app-deps';
import { readSessionCookie } from '../auth/session-cookie';
import { findSession, touchSession } from '../auth/sessions';
import type { SessionEnv } from './tenant-env';

/**
 * The session and role check of the tRPC procedure builders, for plain streaming HTTP routes
 * (file uploads and downloads, CSV exports) that sit beside tRPC. A person clicked a link to get
 * here, so the request counts as activity. Errors are JSON with a message key, like tRPC's.
 */
export function requireSession(
  deps: Pick<ApiDeps, 'database' | 'clock' | 'sessionPolicy' | 'mode'>,
  app: TSessionApp,
  roles?: readonly TUserRole[],
): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c, app, { isSecure: deps.mode === 'production', prefix: c.var.tenantPrefix });
    if (!token) return c.json({ error: { messageKey: 'common.unauthorized', message: 'Sign in first' } }, 401);
    const now = deps.clock.now();
    const lookup = await withTenant(deps.database, c.var.tenant.id, async (tx) => {
      const found = await findSession(tx, { token, app, now, policy: deps.sessionPolicy });
      if (found.status === 'valid') await touchSession(tx, found.session.id, now);
      return found;
    });
    if (lookup.status !== 'valid') {
      const messageKey = lookup.status === 'expired' ? 'auth.sessionExpired' : 'common.unauthorized';
      return c.json({ error: { messageKey, message: 'Sign in first' } }, 401);
    }
    if (roles && !roles.includes(lookup.session.user.role)) {
      return c.json({ error: { messageKey: 'common.forbidden', message: 'Not allowed' } }, 403);
    }
    c.set('session', lookup.session);
    return next();
  };
}
