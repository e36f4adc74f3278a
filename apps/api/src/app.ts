import type { TenantRecord } from '@kyogikai/db';
import { unsafeFindTenantByHost, unsafeFindTenantBySlug } from '@kyogikai/db';
import type { TSessionApp } from '@kyogikai/domain';
import { trpcServer } from '@hono/trpc-server';
import { compress } from 'hono/compress';
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { ApiDeps } from './app-deps';
import { isPathPrefixAllowed } from './app-deps';
import { clearSessionCookie, readSessionCookie, writeSessionCookie, type CookieSettings } from './auth/session-cookie';
import { clientAddress } from './http/client-address';
import { rejectCrossOriginWrites } from './http/csrf';
import { securityHeaders } from './http/security-headers';
import { type TenantEnv, USER_ACTIVITY_HEADER } from './http/tenant-env';
import { adminFileRoutes } from './rest/admin-files';
import { applicationExportRoutes } from './rest/application-export';
import { auditExportRoutes } from './rest/audit-export';
import { certificateFileRoutes } from './rest/certificate-files';
import { devMailboxRoutes } from './rest/dev-mailbox';
import { healthRoutes } from './rest/health';
import { portalFileRoutes } from './rest/portal-files';
import { createSpaServer } from './rest/spa';
import { tenantOrigin, tenantUrl } from './tenancy/tenant-url';
import { adminRouter } from './trpc/admin/router';
import type { ApiContext } from './trpc/context';
import { portalRouter } from './trpc/portal/router';

/**
 * The HTTP surface. Platform routes (/health, built assets, the dev mailbox) are tenant-free;
 * everything else is tenant-scoped and mounted twice: under /t/<slug> (embedded and test modes)
 * and at the root, where the tenant comes from the Host header (production).
 */
export function createApp(deps: ApiDeps) {
  const isProduction = deps.mode === 'production';
  const portalSpa = createSpaServer(deps.staticRoots.portal);
  const adminSpa = createSpaServer(deps.staticRoots.admin);

  const app = new Hono();
  app.use('*', securityHeaders({ isProduction }));
  app.route('/health', healthRoutes(deps));
  app.get('/_app/portal/*', (c) => portalSpa.asset(c, c.req.path.slice('/_app/portal/'.length)));
  app.get('/_app/admin/*', (c) => adminSpa.asset(c, c.req.path.slice('/_app/admin/'.length)));
  if (deps.mailboxDirectory && !isProduction) {
    app.route('/_dev/mailbox', devMailboxRoutes({ directory: deps.mailboxDirectory, mode: deps.mode }));
  }
  if (deps.devIndex && deps.mode === 'embedded') {
    const tenants = deps.devIndex;
    app.get('/', (c) =>
      c.html(html`<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Kyōgikai (embedded)</title></head>
<body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.7"><main><h1>協議会 入会申請プラットフォーム（開発用）</h1><ul>
${tenants.map((t) => html`<li>${t.nameJa}: <a href="/t/${t.slug}/">ポータル / Portal</a> · <a href="/t/${t.slug}/admin/">管理画面 / Admin</a></li>`)}
</ul><p><a href="/_dev/mailbox">開発用メールボックス / Dev mailbox</a></p></main></body></html>`),
    );
  }

  const scoped = new Hono<TenantEnv>();
  scoped.use('*', async (c, next) => {
    const slug = c.req.param('slug');
    let tenant: TenantRecord | null = null;
    if (slug !== undefined) {
      if (isPathPrefixAllowed(deps.mode)) tenant = await unsafeFindTenantBySlug(deps.database, slug);
    } else {
      const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
      if (host) tenant = await unsafeFindTenantByHost(deps.database, host);
    }
    if (!tenant) return unknownTenant(c);
    c.set('tenant', tenant);
    c.set('tenantPrefix', slug !== undefined ? `/t/${slug}` : '');
    return next();
  });
  scoped.use(
    '*',
    rejectCrossOriginWrites((c) => tenantOrigin(c.get('tenant'))),
  );

  // tRPC answers are JSON and grow with the member (a list of 1,000 workers is ~300 KB, 31 KB
  // gzipped: docs/benchmarks.md). Only JSON: files are PDFs, already compressed. Secrets never sit
  // in an answer beside text an attacker chooses (CSRF is the Origin check, the session a cookie),
  // so compression gives a BREACH-style attack nothing to read.
  scoped.use('/api/:app{portal|admin}/trpc/*', compress({ contentTypeFilter: /^application\/json/ }));
  scoped.all('/api/:app{portal|admin}/trpc/*', (c) => {
    const appName = c.req.param('app') as TSessionApp;
    const cookieSettings: CookieSettings = { isSecure: isProduction, prefix: c.var.tenantPrefix };
    const handler = trpcServer({
      endpoint: `${c.var.tenantPrefix}/api/${appName}/trpc`,
      router: appName === 'portal' ? portalRouter : adminRouter,
      // @hono/trpc-server types the context as a plain record; ours is the typed ApiContext.
      createContext: ({ resHeaders }): Record<string, unknown> & ApiContext => ({
        app: appName,
        tenant: c.var.tenant,
        database: deps.database,
        storage: deps.storage,
        clock: deps.clock,
        sessionPolicy: deps.sessionPolicy,
        throttlePolicy: deps.throttlePolicy,
        sleep: deps.sleep,
        sessionToken: readSessionCookie(c, appName, cookieSettings),
        isUserActivity: c.req.header(USER_ACTIVITY_HEADER) === '1',
        clientAddress: clientAddress(c, deps.trustedProxyHops),
        tenantUrl: (path) => tenantUrl(c.var.tenant, path),
        cookies: {
          setSession: (token, expiresAt) => writeSessionCookie(resHeaders, appName, cookieSettings, token, expiresAt),
          clearSession: () => clearSessionCookie(resHeaders, appName, cookieSettings),
        },
      }),
      onError: ({ error }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(error);
      },
    });
    return handler(c, async () => {});
  });
  // Plain streaming HTTP routes beside tRPC, with the same session, role and tenant checks.
  scoped.route('/api/admin/export', auditExportRoutes(deps));
  scoped.route('/api/admin/export', applicationExportRoutes(deps));
  scoped.route('/api/admin/files', adminFileRoutes(deps));
  scoped.route('/api/portal/files/certificate', certificateFileRoutes(deps));
  scoped.route('/api/portal/files', portalFileRoutes(deps));
  scoped.all('/api/*', (c) => c.json({ error: { messageKey: 'common.notFound', message: 'Not found' } }, 404));
  scoped.get('/admin', (c) => c.redirect(`${c.var.tenantPrefix}/admin/`));
  scoped.get('/admin/*', (c) => adminSpa.index(c));
  scoped.get('*', (c) => portalSpa.index(c));

  app.route('/t/:slug', scoped);
  app.route('/', scoped);
  return app;
}

/** A page, not a crash: the address names no council we serve. */
function unknownTenant(c: Context) {
  if (c.req.path.includes('/api/')) {
    return c.json({ error: { messageKey: 'tenant.unknown', message: 'Unknown council' } }, 404);
  }
  return c.html(
    html`<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ページが見つかりません / Not found</title></head>
<body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.7"><main><h1>ページが見つかりません</h1>
<p>このアドレスに対応する協議会はありません。URL をご確認ください。</p>
<p lang="en">There is no council at this address. Please check the URL.</p></main></body></html>`,
    404,
  );
}
