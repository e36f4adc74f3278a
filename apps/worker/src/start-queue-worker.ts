import {
  closeOrDisconnect,
  consoleJobLogger,
  isPermanentJobError,
  type TJobLogger,
  type TMailQueueConfig,
  type TRedisConnection,
  toBullMqConnection,
} from '@kyogikai/jobs';
import { UnrecoverableError, Worker } from 'bullmq';

export type TQueueWorker = {
  /** Resolves once the worker's Redis connections are up and it is taking jobs. */
  waitUntilReady(): Promise<void>;
  /** Lets running jobs finish (up to the config's grace), then closes every connection it opened. */
  close(): Promise<void>;
};

export type TStartQueueWorkerOptions<TJob> = {
  queueName: string;
  jobName: string;
  /** Names the jobs in log lines ('mail', 'certificate'). */
  kind: string;
  connection: TRedisConnection;
  /** Must match the producer's prefix (BullMQ's default is `bull`). */
  prefix?: string;
  config: TMailQueueConfig & { lockDurationMs?: number; stalledIntervalMs?: number };
  logger?: TJobLogger;
  /** Validates a job's data (throws a permanent error on a payload no retry can fix). */
  parse: (data: unknown) => TJob;
  process: (job: TJob) => Promise<void>;
  /** Called once when a job is given up (permanent error or last attempt failed); must not throw. */
  onFinalFailure?: (job: TJob, error: unknown) => Promise<void> | void;
};

/**
 * One BullMQ worker for one queue, the same way for every kind of job: unknown job names and
 * permanent errors are not retried (UnrecoverableError), repeated connection errors are logged
 * once, and the final failure of a job is handed to `onFinalFailure` (which records it for staff).
 */
export function startQueueWorker<TJob>(options: TStartQueueWorkerOptions<TJob>): TQueueWorker {
  const { config, kind, queueName } = options;
  const logger = options.logger ?? consoleJobLogger;
  const worker = new Worker(
    queueName,
    async (job) => {
      if (job.name !== options.jobName) throw new UnrecoverableError(`unknown job "${job.name}" on the ${kind} queue`);
      try {
        await options.process(options.parse(job.data));
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
      ...(config.lockDurationMs === undefined ? {} : { lockDuration: config.lockDurationMs }),
      ...(config.stalledIntervalMs === undefined ? {} : { stalledInterval: config.stalledIntervalMs }),
    },
  );

  let lastErrorMessage: string | undefined;
  worker.on('error', (error) => {
    if (error.message === lastErrorMessage) return;
    lastErrorMessage = error.message;
    logger.error({ err: error, queue: queueName }, `${kind} worker error`);
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
      logger.error(details, `${kind} job failed for good (kept in the failed set)`);
      Promise.resolve()
        .then(() => options.onFinalFailure?.(options.parse(job.data), error))
        .catch((hookError: unknown) => logger.error({ err: hookError, messageId: job.id }, 'recording the final failure failed'));
    } else {
      logger.warn(details, `${kind} job failed; will retry`);
    }
  });

  return {
    async waitUntilReady() {
      await worker.waitUntilReady();
    },
    close: () => closeOrDisconnect(worker, config.workerCloseGraceMs),
  };
}
