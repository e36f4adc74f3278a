import { schema, type TenantTx } from '@kyogikai/db';
import { CERTIFICATE_CURRENT_STATES, isReissueRequestable, type TPermission } from '@kyogikai/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { CERTIFICATE_DOWNLOAD_LEASE_MS } from './download-certificate';

/** What マイページ shows about the member's certificate and reissue request (SPEC C3, C4, E1). */
export type CertificateStatus = {
  certificate: null | {
    membershipNumber: string;
    issueNumber: number;
    issuedAt: Date;
    /** preparing: the PDF is not stored yet; ready: downloadable once; downloaded: used. */
    stage: 'preparing' | 'ready' | 'downloaded';
    downloadedAt: Date | null;
    downloadedByName: string | null;
    isDownloadInProgress: boolean;
  };
  openReissueRequest: null | { reason: string; requestedAt: Date };
  /** The last decision, when it was a decline (shown until the next request). */
  declinedReissueRequest: null | { reason: string; decisionReason: string; decidedAt: Date };
  canDownload: boolean;
  canRequestReissue: boolean;
  canCancelReissue: boolean;
};

/** Read in the member's organisation transaction (row-level security on the organisation). */
export async function loadCertificateStatus(
  tx: TenantTx,
  organisationId: string,
  permissions: ReadonlySet<TPermission>,
  now: Date,
): Promise<CertificateStatus> {
  const c = schema.certificates;
  const u = schema.users;
  const [current] = await tx
    .select({
      membershipNumber: c.membershipNumber,
      issueNumber: c.issueNumber,
      issuedAt: c.issuedAt,
      state: c.state,
      objectKey: c.objectKey,
      downloadedAt: c.downloadedAt,
      downloadedByName: u.displayName,
      downloadClaimedAt: c.downloadClaimedAt,
    })
    .from(c)
    .leftJoin(u, and(eq(u.tenantId, c.tenantId), eq(u.id, c.downloadedByUserId)))
    .where(and(eq(c.organisationId, organisationId), inArray(c.state, [...CERTIFICATE_CURRENT_STATES])));
  const r = schema.reissueRequests;
  const [latest] = await tx
    .select({ state: r.state, reason: r.reason, decisionReason: r.decisionReason, createdAt: r.createdAt, decidedAt: r.decidedAt })
    .from(r)
    .where(eq(r.organisationId, organisationId))
    .orderBy(desc(r.createdAt))
    .limit(1);
  const openReissueRequest = latest?.state === 'requested' ? { reason: latest.reason, requestedAt: latest.createdAt } : null;
  const declinedReissueRequest =
    latest?.state === 'declined' && latest.decidedAt
      ? { reason: latest.reason, decisionReason: latest.decisionReason ?? '', decidedAt: latest.decidedAt }
      : null;
  if (!current) {
    return {
      certificate: null,
      openReissueRequest,
      declinedReissueRequest,
      canDownload: false,
      canRequestReissue: false,
      canCancelReissue: openReissueRequest !== null && permissions.has('request_reissue'),
    };
  }
  const stage = current.state === 'downloaded' ? 'downloaded' : current.objectKey ? 'ready' : 'preparing';
  const isDownloadInProgress =
    current.downloadClaimedAt !== null && now.getTime() - current.downloadClaimedAt.getTime() < CERTIFICATE_DOWNLOAD_LEASE_MS;
  return {
    certificate: {
      membershipNumber: current.membershipNumber,
      issueNumber: current.issueNumber,
      issuedAt: current.issuedAt,
      stage,
      downloadedAt: current.downloadedAt,
      downloadedByName: current.downloadedByName,
      isDownloadInProgress,
    },
    openReissueRequest,
    declinedReissueRequest,
    canDownload: stage === 'ready' && permissions.has('download_certificate'),
    canRequestReissue: isReissueRequestable(current.state) && openReissueRequest === null && permissions.has('request_reissue'),
    canCancelReissue: openReissueRequest !== null && permissions.has('request_reissue'),
  };
}
