import { type JobsOptions, Queue } from 'bullmq';
import { consoleJobLogger, type JobQueue, type TJobLogger } from './job-queue';
import { MAIL_JOB_NAME, MAIL_QUEUE_NAME, parseMailJob, type TMailTemplateCatalog, toMailJobData } from './mail-job';
import { MAIL_QUEUE_CONFIG, type TMailQueueConfig } from './mail-queue.config';
import { type TRedisConnection, toBullMqConnection } from './redis-connection';
import { closeOrDisconnect, withTimeout } from './with-timeout';

export type TBullMqJobQueueOptions = {
  connection: TRedisConnection;
  /** Redis key prefix (BullMQ's default is `bull`); tests use a unique one each. */
  prefix?: string;
  /** Which templates a mail job may name and how to check their props: `emailTemplateCatalog`. */
  templates: TMailTemplateCatalog;
  /** Defaults to `MAIL_QUEUE_CONFIG`; tests shorten the backoff. */
  config?: TMailQueueConfig;
  logger?: TJobLogger;
};

const HEALTH_TIMEOUT_MS = 2_000;
const CLOSE_GRACE_MS = 2_000;

/** BullMQ options every mail job gets, from the one queue config. */
export function mailJobOptions(config: TMailQueueConfig): JobsOptions {
  return {
    attempts: config.attempts,
    backoff: { type: 'exponential', delay: config.backoff.delayMs, jitter: config.backoff.jitter },
    removeOnComplete: { age: config.keepCompletedSeconds },
    removeOnFail: { age: config.keepFailedSeconds },
  };
}

/**
 * The production `JobQueue`: validates each mail job, then adds it to the BullMQ `mail` queue
 * with `jobId = messageId` (a second add of the same id is ignored by BullMQ while the first job
 * exists). Owns its Redis connections; `close()` closes them.
 */
export function createBullMqJobQueue(options: TBullMqJobQueueOptions): JobQueue {
  const config = options.config ?? MAIL_QUEUE_CONFIG;
  const logger = options.logger ?? consoleJobLogger;
  const queue = new Queue(MAIL_QUEUE_NAME, {
    connection: toBullMqConnection(options.connection),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    defaultJobOptions: mailJobOptions(config),
  });
  // Without a listener, connection errors surface as noise on every reconnect attempt; log each
  // distinct one once and let `health()` report the state.
  let lastErrorMessage: string | undefined;
  queue.on('error', (error: Error) => {
    if (error.message !== lastErrorMessage) {
      lastErrorMessage = error.message;
      logger.error({ err: error, queue: MAIL_QUEUE_NAME }, 'mail queue: Redis connection error');
    }
  });
  let isClosed = false;

  return {
    async enqueueMail(input) {
      const job = parseMailJob(input, options.templates);
      await withTimeout(
        queue.add(MAIL_JOB_NAME, toMailJobData(job), { jobId: job.messageId }),
        config.enqueueTimeoutMs,
        `enqueue mail ${job.messageId}`,
      );
    },
    async close() {
      isClosed = true;
      await closeOrDisconnect(queue, CLOSE_GRACE_MS);
    },
    async health() {
      if (isClosed) return 'mail queue closed';
      try {
        await withTimeout(queue.getJobCounts('waiting'), HEALTH_TIMEOUT_MS, 'Redis');
        lastErrorMessage = undefined;
        return 'ok';
      } catch (error) {
        return `mail queue unavailable: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
  };
}
