import { type Database, markOutboxAttemptFailed, unsafeListPendingOutbox, unsafeMarkOutboxEnqueued, withTenant } from '@kyogikai/db';
import {
  type CertificateQueue,
  consoleJobLogger,
  InvalidJobPayloadError,
  type JobQueue,
  type TCertificateJob,
  type TJobLogger,
  type TMailJob,
} from '@kyogikai/jobs';

export interface OutboxRelayOptions {
  /** The app-role database; pending rows are read through the narrow cross-tenant functions. */
  database: Database;
  jobs: JobQueue;
  /** Where rows of kind `certificate` go (ADR 018); without it they stay pending for a relay that has one. */
  certificates?: CertificateQueue;
  batchSize?: number;
  /** Pause between rounds when there was nothing to do or the queue was unreachable. */
  idleMs?: number;
  logger?: TJobLogger;
}

/**
 * Moves committed outbox rows into their queue by kind: mail into the mail queue (issue 3 item 5),
 * certificates into the certificate queue (ADR 018). A state change writes its mail
 * to the outbox in its own transaction, so it commits even when Redis or SMTP is down; this relay
 * keeps trying and the mail goes out when they are back. Enqueueing is idempotent (the job id is
 * the message id), so two relays, or a relay that crashed between enqueueing and marking, never
 * cause a second mail.
 */
export function createOutboxRelay(options: OutboxRelayOptions) {
  const logger = options.logger ?? consoleJobLogger;
  const batchSize = options.batchSize ?? 100;
  const idleMs = options.idleMs ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let isStopped = true;

  /** One round: enqueue what is pending, oldest first. Stops at the first queue error. */
  async function runOnce(): Promise<{ enqueued: number; rejected: number; queueError: boolean }> {
    const pending = await unsafeListPendingOutbox(options.database, batchSize);
    const enqueued: string[] = [];
    let rejected = 0;
    let queueError = false;
    for (const row of pending) {
      const payload = row.payload as { messageId: string };
      try {
        if (row.kind === 'mail') {
          await options.jobs.enqueueMail(row.payload as TMailJob);
        } else if (row.kind === 'certificate' && options.certificates) {
          await options.certificates.enqueueCertificate(row.payload as TCertificateJob);
        } else {
          continue;
        }
        enqueued.push(row.id);
      } catch (error) {
        if (error instanceof InvalidJobPayloadError) {
          // Retrying cannot fix a payload the queue refuses: show it to staff as failed.
          rejected++;
          await withTenant(options.database, row.tenantId, (tx) =>
            markOutboxAttemptFailed(tx, payload.messageId, `refused by the ${row.kind} queue: ${error.message}`, { final: true }),
          );
          continue;
        }
        queueError = true;
        logger.warn({ err: error, outboxId: row.id, kind: row.kind }, 'queue unreachable; outbox rows stay pending');
        break;
      }
    }
    if (enqueued.length > 0) await unsafeMarkOutboxEnqueued(options.database, enqueued);
    return { enqueued: enqueued.length, rejected, queueError };
  }

  function schedule(delayMs: number) {
    if (isStopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then((result) => schedule(result.queueError || result.enqueued + result.rejected < batchSize ? idleMs : 0))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'outbox relay round failed');
          schedule(idleMs);
        });
    }, delayMs);
  }

  return {
    runOnce,
    start() {
      if (!isStopped) return;
      isStopped = false;
      schedule(0);
    },
    /** Stops after the current round. */
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
