/**
 * Where this SPA lives. In embedded/dev/test mode the tenant is a path prefix (`/t/kaigo/...`);
 * in production it comes from the host and the prefix is empty. The server resolves the tenant
 * itself: the slug here only builds URLs, it is never sent as an identifier.
 */
const TENANT_PREFIX = /^\/t\/([a-z][a-z0-9-]*)(?=\/|$)/;

export interface TenantLocation {
  /** The tenant slug when the URL carries one, otherwise null (production host mode). */
  slug: string | null;
  /** `/t/<slug>` or the empty string. Never ends with a slash. */
  prefix: string;
}

export function tenantLocationFromPath(pathname: string): TenantLocation {
  const match = TENANT_PREFIX.exec(pathname);
  if (!match?.[1]) return { slug: null, prefix: '' };
  return { slug: match[1], prefix: `/t/${match[1]}` };
}

export type AppName = 'portal' | 'admin';

export interface AppLocation extends TenantLocation {
  app: AppName;
  /** The react-router basename: the prefix for the portal, prefix + `/admin` for the admin. */
  basename: string;
  /** Absolute path of this app's tRPC endpoint on the same origin. */
  trpcUrl: string;
}

export function appLocationFromPath(pathname: string, app: AppName): AppLocation {
  const tenant = tenantLocationFromPath(pathname);
  const basename = app === 'admin' ? `${tenant.prefix}/admin` : tenant.prefix || '/';
  return { ...tenant, app, basename, trpcUrl: `${tenant.prefix}/api/${app}/trpc` };
}

/** Reads `window.location`; call once at start-up. */
export function currentAppLocation(app: AppName): AppLocation {
  return appLocationFromPath(window.location.pathname, app);
}
