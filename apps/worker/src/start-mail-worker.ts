import {
  fromMailJobData,
  MAIL_JOB_NAME,
  MAIL_QUEUE_CONFIG,
  MAIL_QUEUE_NAME,
  type TJobLogger,
  type TMailJob,
  type TMailQueueConfig,
  type TRedisConnection,
} from '@kyogikai/jobs';
import { startQueueWorker, type TQueueWorker } from './start-queue-worker';
import type { TMailProcessor } from './processors/mail/send-mail';

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

export type TMailWorker = TQueueWorker;

/** Runs `processor` for the `mail` queue's jobs until `close()`. */
export function startMailWorker(options: TStartMailWorkerOptions): TMailWorker {
  return startQueueWorker({
    queueName: MAIL_QUEUE_NAME,
    jobName: MAIL_JOB_NAME,
    kind: 'mail',
    connection: options.connection,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    config: options.config ?? MAIL_QUEUE_CONFIG,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    parse: fromMailJobData,
    process: options.processor,
    ...(options.onFinalFailure === undefined ? {} : { onFinalFailure: options.onFinalFailure }),
  });
}
