import type { MiddlewareHandler } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a page on another origin could have sent. Browsers attach
 * `Origin` to every cross-origin and every POST request; it must equal the tenant's configured
 * origin. Where a client sends no Origin, `Sec-Fetch-Site` must say same-origin. Cookies are also
 * SameSite=Lax; this check does not rely on that.
 */
export function rejectCrossOriginWrites(allowedOrigin: (c: Parameters<MiddlewareHandler>[0]) => string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const isSameOrigin = origin ? origin === allowedOrigin(c) : fetchSite === 'same-origin';
    if (!isSameOrigin) {
      return c.json({ error: { messageKey: 'common.crossOriginRefused', message: 'Cross-origin request refused' } }, 403);
    }
    return next();
  };
}
