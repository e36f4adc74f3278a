import type { Database } from '@kyogikai/db';
import {
  type CertificateQueue,
  consoleJobLogger,
  createBullMqCertificateQueue,
  createInlineCertificateQueue,
  type InlineCertificateQueue,
  type TCertificateQueueConfig,
  type TJobLogger,
  type TRedisConnection,
} from '@kyogikai/jobs';
import { type CertificateFileStore, createCertificateProcessor } from './generate-certificate';
import { startCertificateWorker, type TCertificateWorker } from './start-certificate-worker';

/**
 * The certificate path after its outbox row commits (ADR 018): relay → certificate queue →
 * processor → object store + member's mail in the outbox. The relay itself is the mail
 * delivery's (one relay dispatches both kinds): pass `queue` to it. Two shapes, same parts:
 * queued (worker process, API in test mode) on BullMQ, inline (embedded mode) in-process.
 */
export interface CertificateGeneration {
  queue: CertificateQueue;
  close(): Promise<void>;
}

type CertificateGenerationOptions = {
  database: Database;
  store: CertificateFileStore;
  logger?: TJobLogger;
  config?: TCertificateQueueConfig;
};

export function startQueuedCertificateGeneration(
  options: CertificateGenerationOptions & { connection: TRedisConnection; prefix?: string },
): CertificateGeneration & { worker: TCertificateWorker } {
  const logger = options.logger ?? consoleJobLogger;
  const processor = createCertificateProcessor({ database: options.database, store: options.store, logger });
  const common = {
    connection: options.connection,
    logger,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    ...(options.config === undefined ? {} : { config: options.config }),
  };
  const queue = createBullMqCertificateQueue(common);
  const worker = startCertificateWorker({ ...common, process: processor.process, onFinalFailure: processor.recordFinalFailure });
  return {
    queue,
    worker,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}

export function startInlineCertificateGeneration(
  options: CertificateGenerationOptions,
): CertificateGeneration & { queue: InlineCertificateQueue } {
  const logger = options.logger ?? consoleJobLogger;
  const processor = createCertificateProcessor({ database: options.database, store: options.store, logger });
  const queue = createInlineCertificateQueue(processor.process, {
    logger,
    ...(options.config === undefined ? {} : { config: options.config }),
    onFailed: (job, error) => {
      processor
        .recordFinalFailure(job, error)
        .catch((recordError: unknown) => logger.error({ err: recordError }, 'could not mark the certificate job failed'));
    },
  });
  return { queue, close: () => queue.close() };
}
