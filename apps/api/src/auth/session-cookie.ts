import type { TSessionApp } from '@kyogikai/domain';
import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';

/**
 * Portal and admin use different cookie names so they never overwrite each other (they share a
 * host). In production the `__Host-` prefix pins the cookie to this exact host, path / and https.
 * Without https (embedded and test modes) tenants share localhost, so each cookie is limited to its
 * tenant's path prefix instead.
 */
export interface CookieSettings {
  isSecure: boolean;
  /** The tenant's path prefix ('/t/kaigo') or '' when the tenant comes from the host. */
  prefix: string;
}

export function sessionCookieName(app: TSessionApp, settings: Pick<CookieSettings, 'isSecure'>): string {
  return settings.isSecure ? `__Host-kyogikai-${app}-session` : `kyogikai-${app}-session`;
}

function cookieOptions(settings: CookieSettings) {
  return {
    path: settings.isSecure ? '/' : `${settings.prefix}/`,
    httpOnly: true,
    secure: settings.isSecure,
    sameSite: 'Lax' as const,
  };
}

export function readSessionCookie(c: Context, app: TSessionApp, settings: CookieSettings): string | null {
  return getCookie(c, sessionCookieName(app, settings)) ?? null;
}

/**
 * Set-Cookie values are appended to the headers tRPC puts on its own response (`resHeaders`):
 * the tRPC adapter builds a fresh Response, so headers set on the Hono context would be lost.
 */
export function writeSessionCookie(headers: Headers, app: TSessionApp, settings: CookieSettings, token: string, expiresAt: Date) {
  headers.append('Set-Cookie', generateCookie(sessionCookieName(app, settings), token, { ...cookieOptions(settings), expires: expiresAt }));
}

export function clearSessionCookie(headers: Headers, app: TSessionApp, settings: CookieSettings) {
  headers.append(
    'Set-Cookie',
    generateCookie(sessionCookieName(app, settings), '', { ...cookieOptions(settings), maxAge: 0, expires: new Date(0) }),
  );
}
