import { Readable } from 'node:stream';
import { isUuid } from '@kyogikai/db';
import { OTHER_DOCUMENT_KEY, ZDocumentName } from '@kyogikai/domain';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiDeps } from '../app-deps';
import { ClientClosedError, type DocumentDeps, type DocumentTarget, uploadDocument } from '../documents/document-files';
import { openDocument } from '../documents/open-document';
import { UploadRejectedError } from '../documents/pdf-checks';
import { releaseUploadBuffers } from '../http/release-upload-buffers';
import { requireMember } from '../http/require-member';
import type { MemberEnv, TenantEnv } from '../http/tenant-env';
import { clientAddress } from '../http/client-address';
import { AppError } from '../trpc/app-error';

const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_REQUEST: 400,
};

/** Errors as JSON with a message key, like tRPC's (`{ error: { messageKey, messageParams? } }`). */
function errorResponse(c: Context, error: unknown) {
  if (error instanceof UploadRejectedError) {
    const { status, messageKey } = error.rejection;
    const messageParams = 'messageParams' in error.rejection ? error.rejection.messageParams : undefined;
    // The client may still be sending: close the connection after answering instead of reading on.
    c.header('Connection', 'close');
    return c.json({ error: messageParams ? { messageKey, messageParams } : { messageKey } }, status);
  }
  if (error instanceof AppError) {
    const status = STATUS_BY_CODE[error.code] ?? 500;
    return c.json(
      {
        error: error.messageParams
          ? { messageKey: error.messageKey, messageParams: error.messageParams }
          : { messageKey: error.messageKey },
      },
      status,
    );
  }
  // Nobody is left to read an answer; the upload was cleaned up.
  if (error instanceof ClientClosedError) return c.json({ error: { messageKey: 'common.network' } }, 400);
  console.error(error);
  return c.json({ error: { messageKey: 'common.internal' } }, 500);
}

/** A percent-encoded header value as text; the raw value if it is not valid percent-encoding. */
function decodeHeader(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The original file name, for display and as the download name only (never part of a key): NFC,
 * no control characters, at most 255 characters. Slashes stay text (browsers send a bare name).
 */
export function cleanFileName(raw: string | null): string {
  const cleaned = (raw ?? '')
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return cleaned === '' ? 'document.pdf' : Array.from(cleaned).slice(0, 255).join('');
}

/**
 * The request body as a Node stream. Under @hono/node-server the IncomingMessage itself (its
 * backpressure reaches the socket); elsewhere (tests through `app.request`) the web stream. Node
 * 20's `Readable.toWeb`, which the Request body goes through, queues chunks by count rather than
 * bytes, so a fast client could fill memory with the whole file before S3 catches up.
 */
function requestBody(c: Context): Readable {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (incoming instanceof Readable) return incoming;
  const raw = c.req.raw.body;
  return raw ? Readable.fromWeb(raw as import('node:stream/web').ReadableStream<Uint8Array>) : Readable.from([]);
}

/** RFC 6266/5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Uploads and downloads of the portal's documents (SPEC B4c, G9; ADR 017): plain streaming HTTP
 * beside tRPC, one upload route per scope (`workers/:workerId`, `change-items/:itemId` for a worker
 * being added after joining, `establishments/:establishmentId`, `organisation`), behind the same session, tenant, organisation and permission checks (CSRF is checked
 * for the PUT by the tenant app's middleware).
 */
export function portalFileRoutes(deps: Pick<ApiDeps, 'database' | 'clock' | 'sessionPolicy' | 'mode' | 'storage' | 'trustedProxyHops'>) {
  const documentDeps: DocumentDeps = { database: deps.database, storage: deps.storage, clock: deps.clock };
  /** One PUT of a raw PDF into a slot of `target` (the same path for every scope: ADR 017). */
  async function upload(c: Context<MemberEnv>, target: DocumentTarget, documentKey: string) {
    try {
      let customName: string | null = null;
      // User-named documents are a worker's only; elsewhere `other` is an unknown slot (404 below).
      if (documentKey === OTHER_DOCUMENT_KEY && (target.scope === 'worker' || target.scope === 'worker-addition')) {
        const parsed = ZDocumentName.safeParse(decodeHeader(c.req.header('x-document-name')) ?? '');
        if (!parsed.success) {
          const messageKey = parsed.error.issues[0]?.message ?? 'document.nameRequired';
          return c.json(
            { error: messageKey === 'document.nameTooLong' ? { messageKey, messageParams: { max: 100 } } : { messageKey } },
            400,
          );
        }
        customName = parsed.data;
      }
      const length = c.req.header('content-length');
      const declaredLength = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
      const body = requestBody(c);
      const document = await uploadDocument(documentDeps, {
        tenant: c.var.tenant,
        organisationId: c.var.organisationId,
        userId: c.var.session.user.id,
        clientAddress: clientAddress(c, deps.trustedProxyHops),
        target,
        documentKey,
        customName,
        fileName: cleanFileName(decodeHeader(c.req.header('x-file-name'))),
        body,
        declaredLength,
      });
      return c.json({ document }, 201);
    } catch (error) {
      return errorResponse(c, error);
    }
  }
  /** Each scope's uploads behind the member checks with `edit` (session, tenant, organisation, permission). */
  const uploads = () => new Hono<MemberEnv>().use('*', releaseUploadBuffers(), ...requireMember(deps, 'edit'));
  const workerUploads = uploads().put('/:workerId/documents/:documentKey', (c) => {
    const { workerId, documentKey } = c.req.param() as { workerId: string; documentKey: string };
    if (!isUuid(workerId)) return errorResponse(c, new AppError('NOT_FOUND', 'worker.notFound'));
    return upload(c, { scope: 'worker', workerId }, documentKey);
  });
  const establishmentUploads = uploads().put('/:establishmentId/documents/:documentKey', (c) => {
    const { establishmentId, documentKey } = c.req.param() as { establishmentId: string; documentKey: string };
    if (!isUuid(establishmentId)) return errorResponse(c, new AppError('NOT_FOUND', 'establishment.notFound'));
    return upload(c, { scope: 'establishment', establishmentId }, documentKey);
  });
  // A worker being added after joining (SPEC D2): its `worker_add` item of the draft change request.
  const changeItemUploads = uploads().put('/:itemId/documents/:documentKey', (c) => {
    const { itemId, documentKey } = c.req.param() as { itemId: string; documentKey: string };
    if (!isUuid(itemId)) return errorResponse(c, new AppError('NOT_FOUND', 'changeRequest.notFound'));
    return upload(c, { scope: 'worker-addition', changeItemId: itemId }, documentKey);
  });
  const organisationUploads = uploads().put('/documents/:documentKey', (c) =>
    upload(c, { scope: 'organisation' }, c.req.param('documentKey') ?? ''),
  );
  const downloads = new Hono<MemberEnv>();
  downloads.use('*', ...requireMember(deps, 'view'));
  downloads.get('/:id', async (c) => {
    try {
      const opened = await openDocument(
        documentDeps,
        {
          kind: 'member',
          tenantId: c.var.tenant.id,
          organisationId: c.var.organisationId,
          userId: c.var.session.user.id,
          clientAddress: clientAddress(c, deps.trustedProxyHops),
        },
        c.req.param('id') ?? '',
      );
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Length', String(opened.byteSize));
      c.header('Content-Disposition', contentDisposition(opened.fileName));
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(Readable.toWeb(opened.body) as ReadableStream<Uint8Array>);
    } catch (error) {
      return errorResponse(c, error);
    }
  });
  return new Hono<TenantEnv>()
    .route('/workers', workerUploads)
    .route('/change-items', changeItemUploads)
    .route('/establishments', establishmentUploads)
    .route('/organisation', organisationUploads)
    .route('/documents', downloads);
}
