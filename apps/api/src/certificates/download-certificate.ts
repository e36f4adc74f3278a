import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { type Database, recordAudit, schema, type TenantTx, withOrganisation } from '@kyogikai/db';
import { applicantActor, CERTIFICATE_CURRENT_STATES, type TPermission, transitionCertificate } from '@kyogikai/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { FileStore } from '../storage/object-storage';
import { AppError, notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';

/**
 * How long a download may hold its claim on the certificate (ADR 011, ADR 019). A certificate is
 * under 300 KB, so a transfer that has not finished in five minutes has died with its process;
 * after that another request may take the claim over. A transfer that breaks while the process
 * lives releases its claim at once.
 */
export const CERTIFICATE_DOWNLOAD_LEASE_MS = 5 * 60_000;

export type CertificateDownloadDeps = { database: Database; storage: FileStore; clock: Clock; leaseMs?: number };

/** The member's user asking for the file: the organisation comes from the session, never from the request. */
export type CertificateDownloader = {
  tenantId: string;
  organisationId: string;
  userId: string;
  permissions: ReadonlySet<TPermission>;
  clientAddress: string;
};

export type CertificateDownloadClaim = {
  certificateId: string;
  claimId: string;
  objectKey: string;
  membershipNumber: string;
  issueNumber: number;
};

const tokyoMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 2026-11-26 09:30 (Japan time): readable in both languages, inside a message parameter. */
export function formatTokyoMinute(date: Date): string {
  return tokyoMinute.format(date);
}

/** The organisation's current certificate (issued or downloaded), locked for this transaction. */
async function lockCurrentCertificate(tx: TenantTx, organisationId: string) {
  const c = schema.certificates;
  const [row] = await tx
    .select()
    .from(c)
    .where(and(eq(c.organisationId, organisationId), inArray(c.state, [...CERTIFICATE_CURRENT_STATES])))
    .for('update');
  return row ?? null;
}

async function displayNameOf(tx: TenantTx, userId: string | null): Promise<string> {
  if (!userId) return '';
  const [user] = await tx.select({ name: schema.users.displayName }).from(schema.users).where(eq(schema.users.id, userId));
  return user?.name ?? '';
}

/**
 * Claims the organisation's current certificate for one download (SPEC C4). In one transaction,
 * with the row locked: no certificate → NOT_FOUND; not rendered yet → CONFLICT
 * `certificate.preparing`; already downloaded → CONFLICT `certificate.alreadyDownloadedBy` with when
 * and by whom; another download holding a live claim → CONFLICT `certificate.downloadInProgress`.
 * Otherwise the claim is written (a stale one taken over) and the opening audited. Two
 * simultaneous requests queue on the row lock, so exactly one gets the claim.
 */
export async function claimCertificateDownload(
  deps: CertificateDownloadDeps,
  who: CertificateDownloader,
): Promise<CertificateDownloadClaim> {
  const leaseMs = deps.leaseMs ?? CERTIFICATE_DOWNLOAD_LEASE_MS;
  return withOrganisation(deps.database, who.tenantId, who.organisationId, async (tx) => {
    const certificate = await lockCurrentCertificate(tx, who.organisationId);
    if (!certificate) throw notFound('certificate.notFound');
    if (!certificate.objectKey) throw new AppError('CONFLICT', 'certificate.preparing');
    const transition = transitionCertificate(certificate.state, { type: 'download' }, applicantActor(who.permissions));
    if (!transition.ok) {
      if (certificate.state === 'downloaded' && certificate.downloadedAt) {
        throw new AppError('CONFLICT', 'certificate.alreadyDownloadedBy', {
          downloadedAt: formatTokyoMinute(certificate.downloadedAt),
          downloadedBy: await displayNameOf(tx, certificate.downloadedByUserId),
        });
      }
      throw transitionAppError(transition.error);
    }
    const now = deps.clock.now();
    const heldSince = certificate.downloadClaimedAt;
    if (heldSince && now.getTime() - heldSince.getTime() < leaseMs) {
      throw new AppError('CONFLICT', 'certificate.downloadInProgress');
    }
    const claimId = randomUUID();
    const c = schema.certificates;
    await tx.update(c).set({ downloadClaimId: claimId, downloadClaimedAt: now }).where(eq(c.id, certificate.id));
    await recordAudit(tx, {
      tenantId: who.tenantId,
      actorUserId: who.userId,
      action: 'certificate.opened',
      targetType: 'certificate',
      targetId: certificate.id,
      after: {
        organisationId: who.organisationId,
        membershipNumber: certificate.membershipNumber,
        issueNumber: certificate.issueNumber,
        claimId,
        takenOverClaimId: certificate.downloadClaimId,
      },
      ip: who.clientAddress,
    });
    return {
      certificateId: certificate.id,
      claimId,
      objectKey: certificate.objectKey,
      membershipNumber: certificate.membershipNumber,
      issueNumber: certificate.issueNumber,
    };
  });
}

/**
 * The last byte went out: the certificate machine's `download` (issued → downloaded) with who and
 * when, the claim cleared, and the machine's audit effect. If the claim was taken over meanwhile
 * and the other transfer already completed, there is nothing left to record.
 */
export async function completeCertificateDownload(
  deps: CertificateDownloadDeps,
  who: CertificateDownloader,
  claim: CertificateDownloadClaim,
): Promise<void> {
  await withOrganisation(deps.database, who.tenantId, who.organisationId, async (tx) => {
    const c = schema.certificates;
    const [certificate] = await tx.select().from(c).where(eq(c.id, claim.certificateId)).for('update');
    if (!certificate) return;
    const transition = transitionCertificate(certificate.state, { type: 'download' }, applicantActor(who.permissions));
    if (!transition.ok) return;
    const now = deps.clock.now();
    await tx
      .update(c)
      .set({ state: transition.to, downloadedAt: now, downloadedByUserId: who.userId, downloadClaimId: null, downloadClaimedAt: null })
      .where(eq(c.id, certificate.id));
    for (const effect of transition.effects) {
      if (effect.type !== 'audit') throw new Error(`certificate download: unexpected effect ${effect.type}`);
      await recordAudit(tx, {
        tenantId: who.tenantId,
        actorUserId: who.userId,
        action: effect.action,
        targetType: 'certificate',
        targetId: certificate.id,
        before: { state: certificate.state },
        after: { state: transition.to, downloadedAt: now.toISOString(), claimId: claim.claimId },
        ip: who.clientAddress,
      });
    }
  });
}

export type DownloadInterruption = 'client_closed' | 'storage_failed';

/** The transfer broke: the claim is given back (only ours), so the member can simply try again. */
export async function releaseCertificateDownload(
  deps: CertificateDownloadDeps,
  who: CertificateDownloader,
  claim: CertificateDownloadClaim,
  why: DownloadInterruption,
): Promise<void> {
  await withOrganisation(deps.database, who.tenantId, who.organisationId, async (tx) => {
    const c = schema.certificates;
    const released = await tx
      .update(c)
      .set({ downloadClaimId: null, downloadClaimedAt: null })
      .where(and(eq(c.id, claim.certificateId), eq(c.downloadClaimId, claim.claimId)))
      .returning({ id: c.id });
    if (released.length === 0) return;
    await recordAudit(tx, {
      tenantId: who.tenantId,
      actorUserId: who.userId,
      action: 'certificate.download_interrupted',
      targetType: 'certificate',
      targetId: claim.certificateId,
      after: { claimId: claim.claimId, reason: why },
      ip: who.clientAddress,
    });
  });
}

type Settlement = { complete(): Promise<void>; release(why: DownloadInterruption): Promise<void> };

/**
 * The certificate's bytes as a web stream that settles the claim exactly once:
 * - under @hono/node-server (`response` given: production, embedded, real-server tests) the
 *   download counts when the response has finished (every byte handed to the socket and the
 *   response ended); a response closed before that releases the claim;
 * - elsewhere (Hono's `app.request`, another runtime) it counts when the reader asks past the last
 *   byte, and is recorded before the stream reports its end; a cancelled reader releases it.
 * The stream pulls one chunk per read (high-water mark 0), so nothing is read ahead of the client.
 */
export function certificateBodyStream(body: Readable, settlement: Settlement, response?: ServerResponse): ReadableStream<Uint8Array> {
  let isSettled = false;
  const settle = async (action: () => Promise<void>) => {
    if (isSettled) return;
    isSettled = true;
    await action().catch((error: unknown) => console.error('certificate download: could not record the outcome', error));
  };
  if (response) {
    response.once('finish', () => void settle(() => settlement.complete()));
    response.once('close', () => {
      if (!response.writableFinished) void settle(() => settlement.release('client_closed'));
    });
  }
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          await settle(() => settlement.release('storage_failed'));
          controller.error(error);
          return;
        }
        if (!next.done) {
          controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
          return;
        }
        if (!response) await settle(() => settlement.complete());
        controller.close();
      },
      async cancel() {
        body.destroy();
        await settle(() => settlement.release('client_closed'));
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Opens the claimed certificate's object. If the store cannot deliver it, the claim is released
 * before the error goes up, so the member can try again.
 */
export async function openClaimedCertificate(
  deps: CertificateDownloadDeps,
  who: CertificateDownloader,
  claim: CertificateDownloadClaim,
): Promise<Readable> {
  try {
    return await deps.storage.getStream(claim.objectKey);
  } catch (error) {
    await releaseCertificateDownload(deps, who, claim, 'storage_failed');
    throw error;
  }
}

/** 入会証明書_<membership number>_<issue number>.pdf, the download name. */
export function certificateFileName(claim: Pick<CertificateDownloadClaim, 'membershipNumber' | 'issueNumber'>): string {
  return `入会証明書_${claim.membershipNumber}_${claim.issueNumber}.pdf`;
}
