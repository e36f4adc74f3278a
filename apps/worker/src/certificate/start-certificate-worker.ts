import {
  CERTIFICATE_JOB_NAME,
  CERTIFICATE_QUEUE_CONFIG,
  CERTIFICATE_QUEUE_NAME,
  closeOrDisconnect,
  consoleJobLogger,
  fromCertificateJobData,
  isPermanentJobError,
  type TCertificateJob,
  type TCertificateQueueConfig,
  type TJobLogger,
  type TRedisConnection,
  toBullMqConnection,
} from '@kyogikai/jobs';
import { UnrecoverableError, Worker } from 'bullmq';

export type TStartCertificateWorkerOptions = {
  connection: TRedisConnection;
  process: (job: TCertificateJob) => Promise<void>;
  /** Must match the producer's prefix (BullMQ's default is `bull`). */
  prefix?: string;
  config?: TCertificateQueueConfig;
  logger?: TJobLogger;
  /** Called once when a job is given up (permanent error or last attempt failed); must not throw. */
  onFinalFailure?: (job: TCertificateJob, error: unknown) => Promise<void> | void;
};

export type TCertificateWorker = {
  waitUntilReady(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Runs the certificate processor for the `certificate` queue's jobs until `close()` (ADR 018). A
 * worker that dies mid-job leaves its job locked; once the lock expires BullMQ's stalled-job
 * check hands it to a live worker, and the processor's guarded final update keeps it to one file.
 */
export function startCertificateWorker(options: TStartCertificateWorkerOptions): TCertificateWorker {
  const config = options.config ?? CERTIFICATE_QUEUE_CONFIG;
  const logger = options.logger ?? consoleJobLogger;
  const worker = new Worker(
    CERTIFICATE_QUEUE_NAME,
    async (job) => {
      if (job.name !== CERTIFICATE_JOB_NAME) throw new UnrecoverableError(`unknown job "${job.name}" on the certificate queue`);
      try {
        await options.process(fromCertificateJobData(job.data));
      } catch (error) {
        if (isPermanentJobError(error)) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: toBullMqConnection(options.connection),
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      concurrency: config.concurrency,
      lockDuration: config.lockDurationMs,
      stalledInterval: config.stalledIntervalMs,
    },
  );

  let lastErrorMessage: string | undefined;
  worker.on('error', (error) => {
    if (error.message === lastErrorMessage) return;
    lastErrorMessage = error.message;
    logger.error({ err: error, queue: CERTIFICATE_QUEUE_NAME }, 'certificate worker error');
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
      logger.error(details, 'certificate job failed for good (kept in the failed set)');
      Promise.resolve()
        .then(() => options.onFinalFailure?.(fromCertificateJobData(job.data), error))
        .catch((hookError: unknown) => logger.error({ err: hookError, messageId: job.id }, 'recording the final failure failed'));
    } else {
      logger.warn(details, 'certificate job failed; will retry');
    }
  });

  return {
    async waitUntilReady() {
      await worker.waitUntilReady();
    },
    close: () => closeOrDisconnect(worker, config.workerCloseGraceMs),
  };
}
