import { type Database, lockOutboxMessage, markOutboxAttemptFailed, markOutboxSent, withTenant } from '@kyogikai/db';
import { consoleJobLogger, type TJobLogger, type TMailJob } from '@kyogikai/jobs';
import type { TMailProcessor } from '../processors/mail/send-mail';

/**
 * Wraps the mail processor with the outbox bookkeeping that makes delivery idempotent:
 * - a job whose outbox row is already `sent` is skipped (a retry after a crash mails once);
 * - a job with no outbox row is skipped too: its message was re-issued under a new id by a staff
 *   retry, and only that new job may send;
 * - after a successful send the row becomes `sent`; every failed attempt records its error, and
 *   the last one marks the row `failed` so staff see it (issue 6 adds the screen).
 * The one window left is a crash between the SMTP server accepting the message and the row being
 * marked; the retry then sends again with the same Message-ID, which receivers can de-duplicate.
 */
export function createOutboxMailProcessor(options: { database: Database; send: TMailProcessor; logger?: TJobLogger }) {
  const logger = options.logger ?? consoleJobLogger;
  const { database } = options;

  const process: TMailProcessor = async (job) => {
    const row = await withTenant(database, job.tenantId, (tx) => lockOutboxMessage(tx, job.messageId));
    if (!row) {
      logger.warn({ messageId: job.messageId, tenantId: job.tenantId }, 'mail job has no outbox row (re-issued or unknown): not sent');
      return;
    }
    if (row.status === 'sent') {
      logger.info({ messageId: job.messageId, tenantId: job.tenantId }, 'mail already sent: skipped');
      return;
    }
    try {
      await options.send(job);
    } catch (error) {
      await withTenant(database, job.tenantId, (tx) =>
        markOutboxAttemptFailed(tx, job.messageId, errorText(error), { final: false }),
      ).catch((recordError: unknown) =>
        logger.error({ err: recordError, messageId: job.messageId }, 'could not record the failed attempt'),
      );
      throw error;
    }
    await withTenant(database, job.tenantId, (tx) => markOutboxSent(tx, job.messageId));
  };

  async function recordFinalFailure(job: TMailJob, error: unknown): Promise<void> {
    // The failed attempt itself was already counted by `process`; this only marks the row failed.
    await withTenant(database, job.tenantId, (tx) =>
      markOutboxAttemptFailed(tx, job.messageId, errorText(error), { final: true, countAttempt: false }),
    );
  }

  return { process, recordFinalFailure };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
