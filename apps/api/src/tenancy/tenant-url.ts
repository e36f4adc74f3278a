import type { TenantRecord } from '@kyogikai/db';

/**
 * Every link the platform hands out (mail, QR codes, API answers) is built here, from the
 * tenant's configured public origin. The request's Host header is never used: a forged Host must
 * not be able to turn our mail into a phishing link.
 */
export function tenantUrl(tenant: Pick<TenantRecord, 'publicOrigin'>, path: string): string {
  const base = tenant.publicOrigin.replace(/\/+$/, '');
  const suffix = path.startsWith('/') ? path : `/${path}`;
  return `${base}${suffix}`;
}

/** The origin part (scheme, host, port) that browsers send in the Origin header. */
export function tenantOrigin(tenant: Pick<TenantRecord, 'publicOrigin'>): string {
  return new URL(tenant.publicOrigin).origin;
}
