import type { ServerResponse } from 'node:http';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiDeps } from '../app-deps';
import {
  type CertificateDownloadDeps,
  type CertificateDownloader,
  certificateBodyStream,
  certificateFileName,
  claimCertificateDownload,
  completeCertificateDownload,
  openClaimedCertificate,
  releaseCertificateDownload,
} from '../certificates/download-certificate';
import { clientAddress } from '../http/client-address';
import { requireMember } from '../http/require-member';
import type { MemberEnv, TenantEnv } from '../http/tenant-env';
import { AppError } from '../trpc/app-error';
import { contentDisposition } from './portal-files';

const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = { FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** Errors as JSON with a message key, like tRPC's; the portal shows the sentence from its catalogue. */
function errorResponse(c: Context, error: unknown) {
  if (error instanceof AppError && STATUS_BY_CODE[error.code]) {
    const body = error.messageParams
      ? { messageKey: error.messageKey, messageParams: error.messageParams }
      : { messageKey: error.messageKey };
    c.header('Cache-Control', 'no-store');
    return c.json({ error: body }, STATUS_BY_CODE[error.code]);
  }
  console.error(error);
  return c.json({ error: { messageKey: 'common.internal' } }, 500);
}

/**
 * The member's certificate (入会証明書), downloadable once (SPEC C3, C4; ADR 011, ADR 019):
 * GET <prefix>/api/portal/files/certificate streams the organisation's current certificate to a
 * member user holding `download_certificate`. The claim is taken before a byte is sent, the
 * download is recorded only once the whole body has gone out, and a broken transfer gives the
 * claim back so the member can retry.
 */
export function certificateFileRoutes(
  deps: Pick<ApiDeps, 'database' | 'clock' | 'sessionPolicy' | 'mode' | 'storage' | 'trustedProxyHops'>,
) {
  const downloadDeps: CertificateDownloadDeps = { database: deps.database, storage: deps.storage, clock: deps.clock };
  const routes = new Hono<MemberEnv>();
  routes.use('*', ...requireMember(deps, 'download_certificate'));
  routes.get('/', async (c) => {
    // Hono answers HEAD with the GET handler and drops the body: that would use up the one download
    // without sending a byte (a link preview or download manager probing the address).
    if (c.req.method === 'HEAD') {
      c.header('Allow', 'GET');
      return c.body(null, 405);
    }
    const who: CertificateDownloader = {
      tenantId: c.var.tenant.id,
      organisationId: c.var.organisationId,
      userId: c.var.session.user.id,
      // What requireMember has just proved for this request; the certificate machine asks for nothing else.
      permissions: new Set(['download_certificate'] as const),
      clientAddress: clientAddress(c, deps.trustedProxyHops),
    };
    try {
      const claim = await claimCertificateDownload(downloadDeps, who);
      const body = await openClaimedCertificate(downloadDeps, who, claim);
      const response = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
      const stream = certificateBodyStream(
        body,
        {
          complete: () => completeCertificateDownload(downloadDeps, who, claim),
          release: (why) => releaseCertificateDownload(downloadDeps, who, claim, why),
        },
        response,
      );
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', contentDisposition(certificateFileName(claim)));
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(stream);
    } catch (error) {
      return errorResponse(c, error);
    }
  });
  return new Hono<TenantEnv>().route('/', routes);
}
