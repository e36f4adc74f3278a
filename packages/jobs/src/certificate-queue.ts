import { Queue } from 'bullmq';
import {
  CERTIFICATE_JOB_NAME,
  CERTIFICATE_QUEUE_NAME,
  parseCertificateJob,
  type TCertificateJob,
  toCertificateJobData,
} from './certificate-job';
import { CERTIFICATE_QUEUE_CONFIG, type TCertificateQueueConfig } from './certificate-queue.config';
import { createInlineQueue } from './inline-queue';
import { consoleJobLogger, type TJobLogger } from './job-queue';
import { type TRedisConnection, toBullMqConnection } from './redis-connection';
import { closeOrDisconnect, withTimeout } from './with-timeout';

/**
 * Where the outbox relay hands certificate jobs (ADR 018). Same contract as `JobQueue` for mail:
 * `enqueueCertificate` validates, resolves once the job is accepted, and ignores a job id it
 * already holds, so the relay may retry freely.
 */
export interface CertificateQueue {
  enqueueCertificate(job: TCertificateJob): Promise<void>;
  close(): Promise<void>;
  health(): Promise<'ok' | string>;
}

export type TBullMqCertificateQueueOptions = {
  connection: TRedisConnection;
  prefix?: string;
  config?: TCertificateQueueConfig;
  logger?: TJobLogger;
};

/** Production and test wiring: the BullMQ `certificate` queue on Redis. */
export function createBullMqCertificateQueue(options: TBullMqCertificateQueueOptions): CertificateQueue {
  const config = options.config ?? CERTIFICATE_QUEUE_CONFIG;
  const logger = options.logger ?? consoleJobLogger;
  const queue = new Queue(CERTIFICATE_QUEUE_NAME, {
    connection: toBullMqConnection(options.connection),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    defaultJobOptions: {
      attempts: config.attempts,
      backoff: { type: 'exponential', delay: config.backoff.delayMs, jitter: config.backoff.jitter },
      removeOnComplete: { age: config.keepCompletedSeconds },
      removeOnFail: { age: config.keepFailedSeconds },
    },
  });
  let lastErrorMessage: string | undefined;
  queue.on('error', (error: Error) => {
    if (error.message !== lastErrorMessage) {
      lastErrorMessage = error.message;
      logger.error({ err: error, queue: CERTIFICATE_QUEUE_NAME }, 'certificate queue: Redis connection error');
    }
  });
  let isClosed = false;
  return {
    async enqueueCertificate(input) {
      const job = parseCertificateJob(input);
      await withTimeout(
        queue.add(CERTIFICATE_JOB_NAME, toCertificateJobData(job), { jobId: job.messageId }),
        config.enqueueTimeoutMs,
        `enqueue certificate ${job.messageId}`,
      );
    },
    async close() {
      isClosed = true;
      await closeOrDisconnect(queue, 2_000);
    },
    async health() {
      if (isClosed) return 'certificate queue closed';
      try {
        await withTimeout(queue.getJobCounts('waiting'), 2_000, 'Redis');
        lastErrorMessage = undefined;
        return 'ok';
      } catch (error) {
        return `certificate queue unavailable: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
  };
}

export type InlineCertificateQueue = CertificateQueue & { whenIdle(): Promise<void> };

/** Embedded mode: the worker's certificate processor in this process (createInlineQueue). */
export function createInlineCertificateQueue(
  process: (job: TCertificateJob) => Promise<void>,
  options: { config?: TCertificateQueueConfig; logger?: TJobLogger; onFailed?: (job: TCertificateJob, error: unknown) => void } = {},
): InlineCertificateQueue {
  const queue = createInlineQueue(process, {
    kind: 'certificate',
    parse: parseCertificateJob,
    describe: (job) => ({ id: job.messageId, messageId: job.messageId, tenantId: job.tenantId, certificateId: job.certificateId }),
    config: options.config ?? CERTIFICATE_QUEUE_CONFIG,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onFailed ? { onFailed: options.onFailed } : {}),
  });
  return {
    enqueueCertificate: (job) => queue.enqueue(job),
    close: () => queue.close(),
    health: () => queue.health(),
    whenIdle: () => queue.whenIdle(),
  };
}
