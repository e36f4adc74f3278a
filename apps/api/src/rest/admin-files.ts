import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { ApiDeps } from '../app-deps';
import { openDocument } from '../documents/open-document';
import { clientAddress } from '../http/client-address';
import { requireSession } from '../http/require-session';
import type { SessionEnv, TenantEnv } from '../http/tenant-env';
import { AppError } from '../trpc/app-error';
import { contentDisposition } from './portal-files';

/** Roles that review applications and so may open their documents (issue 6 item 2). */
const REVIEWER_ROLES = ['secretariat', 'ministry'] as const;

/**
 * The staff side of the audited file route (SPEC G9, issue 6): a reviewer opens any document of
 * the tenant, never of another tenant, each opening in the audit trail. Shown inline so the admin
 * can preview the PDF in an <iframe> on the application page; `?download=1` asks for a download.
 * Only this response may be framed, and only by the admin's own origin.
 */
export function adminFileRoutes(deps: Pick<ApiDeps, 'database' | 'clock' | 'sessionPolicy' | 'mode' | 'storage' | 'trustedProxyHops'>) {
  const files = new Hono<SessionEnv>();
  files.use('*', requireSession(deps, 'admin', REVIEWER_ROLES));
  files.get('/documents/:id', async (c) => {
    try {
      const opened = await openDocument(
        { database: deps.database, storage: deps.storage },
        { kind: 'staff', tenantId: c.var.tenant.id, userId: c.var.session.user.id, clientAddress: clientAddress(c, deps.trustedProxyHops) },
        c.req.param('id') ?? '',
      );
      const disposition = contentDisposition(opened.fileName);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Length', String(opened.byteSize));
      c.header('Content-Disposition', c.req.query('download') === '1' ? disposition : disposition.replace(/^attachment/, 'inline'));
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('X-Frame-Options', 'SAMEORIGIN');
      c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'self'");
      return c.body(Readable.toWeb(opened.body) as ReadableStream<Uint8Array>);
    } catch (error) {
      if (error instanceof AppError) {
        return c.json({ error: { messageKey: error.messageKey } }, error.code === 'NOT_FOUND' ? 404 : 400);
      }
      console.error(error);
      return c.json({ error: { messageKey: 'common.internal' } }, 500);
    }
  });
  return new Hono<TenantEnv>().route('/', files);
}
