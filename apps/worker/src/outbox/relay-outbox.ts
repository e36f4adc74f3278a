import { type Database, markOutboxAttemptFailed, unsafeListPendingOutbox, unsafeMarkOutboxEnqueued, withTenant } from '@kyogikai/db';
import { consoleJobLogger, InvalidJobPayloadError, type JobQueue, type TJobLogger, type TMailJob } from '@kyogikai/jobs';

export interface OutboxRelayOptions {
  /** The app-role database; pending rows are read through the narrow cross-tenant functions. */
  database: Database;
  jobs: JobQueue;
  batchSize?: number;
  /** Pause between rounds when there was nothing to do or the queue was unreachable. */
  idleMs?: number;
  logger?: TJobLogger;
}

/**
 * Moves committed outbox rows into the mail queue (issue 3 item 5). A state change writes its mail
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
      // Certificate rows (ADR 018) wait for the certificate queue's relay; they stay pending.
      if (row.kind !== 'mail') continue;
      const job = row.payload as TMailJob;
      try {
        await options.jobs.enqueueMail(job);
        enqueued.push(row.id);
      } catch (error) {
        if (error instanceof InvalidJobPayloadError) {
          // Retrying cannot fix a payload the queue refuses: show it to staff as failed.
          rejected++;
          await withTenant(options.database, row.tenantId, (tx) =>
            markOutboxAttemptFailed(tx, job.messageId, `refused by the mail queue: ${error.message}`, { final: true }),
          );
          continue;
        }
        queueError = true;
        logger.warn({ err: error, outboxId: row.id }, 'mail queue unreachable; outbox rows stay pending');
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
