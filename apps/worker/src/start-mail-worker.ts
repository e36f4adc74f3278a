import {
  closeOrDisconnect,
  consoleJobLogger,
  fromMailJobData,
  isPermanentJobError,
  MAIL_JOB_NAME,
  MAIL_QUEUE_CONFIG,
  MAIL_QUEUE_NAME,
  type TJobLogger,
  type TMailQueueConfig,
  type TRedisConnection,
  toBullMqConnection,
} from '@kyogikai/jobs';
import { UnrecoverableError, Worker } from 'bullmq';
import type { TMailProcessor } from './processors/mail/send-mail';
import type { TMailJob } from '@kyogikai/jobs';

export type TStartMailWorkerOptions = {
  connection: TRedisConnection;
  processor: TMailProcessor;
  /** Must match the producer's prefix (BullMQ's default is `bull`). */
  prefix?: string;
  /** Defaults to `MAIL_QUEUE_CONFIG` (concurrency, close grace); attempts/backoff come with each job. */
  config?: TMailQueueConfig;
  logger?: TJobLogger;
  /** Called once when a job is given up (permanent error or last attempt failed); must not throw. */
  onFinalFailure?: (job: TMailJob, error: unknown) => Promise<void> | void;
};

export type TMailWorker = {
  /** Resolves once the worker's Redis connections are up and it is taking jobs. */
  waitUntilReady(): Promise<void>;
  /** Lets running jobs finish (up to the config's grace), then closes every connection it opened. */
  close(): Promise<void>;
};

/** Runs `processor` for the `mail` queue's jobs until `close()`. */
export function startMailWorker(options: TStartMailWorkerOptions): TMailWorker {
  const config = options.config ?? MAIL_QUEUE_CONFIG;
  const logger = options.logger ?? consoleJobLogger;
  const worker = new Worker(
    MAIL_QUEUE_NAME,
    async (job) => {
      if (job.name !== MAIL_JOB_NAME) throw new UnrecoverableError(`unknown job "${job.name}" on the mail queue`);
      try {
        await options.processor(fromMailJobData(job.data));
      } catch (error) {
        // BullMQ retries anything except UnrecoverableError.
        if (isPermanentJobError(error)) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: toBullMqConnection(options.connection),
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      concurrency: config.concurrency,
    },
  );

  let lastErrorMessage: string | undefined;
  worker.on('error', (error) => {
    if (error.message === lastErrorMessage) return;
    lastErrorMessage = error.message;
    logger.error({ err: error, queue: MAIL_QUEUE_NAME }, 'mail worker error');
  });
  worker.on('ready', () => {
    lastErrorMessage = undefined;
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const isFinal = error instanceof UnrecoverableError || job.attemptsMade >= attempts;
    const details = { err: error, messageId: job.id, attemptsMade: job.attemptsMade, attempts };
    if (isFinal) {
      logger.error(details, 'mail job failed for good (kept in the failed set)');
      Promise.resolve()
        .then(() => options.onFinalFailure?.(fromMailJobData(job.data), error))
        .catch((hookError: unknown) => logger.error({ err: hookError, messageId: job.id }, 'recording the final failure failed'));
    } else {
      logger.warn(details, 'mail job failed; will retry');
    }
  });

  return {
    async waitUntilReady() {
      await worker.waitUntilReady();
    },
    close: () => closeOrDisconnect(worker, config.workerCloseGraceMs),
  };
}
