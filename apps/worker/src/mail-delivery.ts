import type { Database } from '@kyogikai/db';
import { emailTemplateCatalog } from '@kyogikai/email';
import {
  type CertificateQueue,
  consoleJobLogger,
  createBullMqJobQueue,
  createInlineJobQueue,
  type JobQueue,
  type TJobLogger,
  type TMailQueueConfig,
  type TRedisConnection,
} from '@kyogikai/jobs';
import type { Transporter } from 'nodemailer';
import { createOutboxMailProcessor } from './outbox/outbox-mail-processor';
import { createOutboxRelay, type OutboxRelay } from './outbox/relay-outbox';
import { createTenantBrandingLoader } from './processors/mail/load-tenant-branding';
import { createMailProcessor } from './processors/mail/send-mail';
import { startMailWorker, type TMailWorker } from './start-mail-worker';

/**
 * The whole path of a mail after its outbox row commits: relay → queue → processor → SMTP, with
 * the outbox bookkeeping. Two shapes, same parts:
 * - queued (production worker process, and the API in test mode): BullMQ on Redis;
 * - inline (embedded mode): the same processor run in-process by the inline queue.
 */
export interface MailDelivery {
  jobs: JobQueue;
  relay: OutboxRelay;
  close(): Promise<void>;
}

interface MailDeliveryOptions {
  database: Database;
  transport: Transporter;
  logger?: TJobLogger;
  config?: TMailQueueConfig;
  /** Pause of the outbox relay between rounds with nothing to do. */
  relayIdleMs?: number;
  /** The certificate queue the relay also feeds (certificate-generation.ts); without it certificate rows wait. */
  certificates?: CertificateQueue;
}

function outboxProcessor(options: MailDeliveryOptions) {
  const logger = options.logger ?? consoleJobLogger;
  const send = createMailProcessor({ loadBranding: createTenantBrandingLoader(options.database), transport: options.transport, logger });
  return createOutboxMailProcessor({ database: options.database, send, logger });
}

function startRelay(options: MailDeliveryOptions, jobs: JobQueue, logger: TJobLogger): OutboxRelay {
  const relay = createOutboxRelay({
    database: options.database,
    jobs,
    logger,
    ...(options.certificates ? { certificates: options.certificates } : {}),
    ...(options.relayIdleMs ? { idleMs: options.relayIdleMs } : {}),
  });
  relay.start();
  return relay;
}

export function startQueuedMailDelivery(
  options: MailDeliveryOptions & { connection: TRedisConnection; prefix?: string },
): MailDelivery & { worker: TMailWorker } {
  const logger = options.logger ?? consoleJobLogger;
  const outbox = outboxProcessor(options);
  const common = {
    connection: options.connection,
    logger,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    ...(options.config === undefined ? {} : { config: options.config }),
  };
  const jobs = createBullMqJobQueue({ ...common, templates: emailTemplateCatalog });
  const worker = startMailWorker({ ...common, processor: outbox.process, onFinalFailure: outbox.recordFinalFailure });
  const relay = startRelay(options, jobs, logger);
  return {
    jobs,
    worker,
    relay,
    async close() {
      await relay.stop();
      await worker.close();
      await jobs.close();
    },
  };
}

export function startInlineMailDelivery(options: MailDeliveryOptions): MailDelivery {
  const logger = options.logger ?? consoleJobLogger;
  const outbox = outboxProcessor(options);
  const jobs = createInlineJobQueue(outbox.process, {
    templates: emailTemplateCatalog,
    logger,
    ...(options.config === undefined ? {} : { config: options.config }),
    onFailed: (job, error) => {
      outbox
        .recordFinalFailure(job, error)
        .catch((recordError: unknown) => logger.error({ err: recordError }, 'could not mark the mail failed'));
    },
  });
  const relay = startRelay(options, jobs, logger);
  return {
    jobs,
    relay,
    async close() {
      await relay.stop();
      await jobs.close();
    },
  };
}
