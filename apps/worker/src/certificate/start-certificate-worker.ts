import {
  CERTIFICATE_JOB_NAME,
  CERTIFICATE_QUEUE_CONFIG,
  CERTIFICATE_QUEUE_NAME,
  fromCertificateJobData,
  type TCertificateJob,
  type TCertificateQueueConfig,
  type TJobLogger,
  type TRedisConnection,
} from '@kyogikai/jobs';
import { startQueueWorker, type TQueueWorker } from '../start-queue-worker';

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

export type TCertificateWorker = TQueueWorker;

/**
 * Runs the certificate processor for the `certificate` queue's jobs until `close()` (ADR 018). A
 * worker that dies mid-job leaves its job locked; once the lock expires BullMQ's stalled-job
 * check hands it to a live worker, and the processor's guarded final update keeps it to one file.
 */
export function startCertificateWorker(options: TStartCertificateWorkerOptions): TCertificateWorker {
  return startQueueWorker({
    queueName: CERTIFICATE_QUEUE_NAME,
    jobName: CERTIFICATE_JOB_NAME,
    kind: 'certificate',
    connection: options.connection,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    config: options.config ?? CERTIFICATE_QUEUE_CONFIG,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    parse: fromCertificateJobData,
    process: options.process,
    ...(options.onFinalFailure === undefined ? {} : { onFinalFailure: options.onFinalFailure }),
  });
}
