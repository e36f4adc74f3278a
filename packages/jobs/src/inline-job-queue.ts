import { createInlineQueue } from './inline-queue';
import type { JobQueue, TJobLogger } from './job-queue';
import { parseMailJob, type TMailJob, type TMailTemplateCatalog } from './mail-job';
import { MAIL_QUEUE_CONFIG, type TMailQueueConfig } from './mail-queue.config';

export type TInlineJobQueueOptions = {
  /** Which templates a mail job may name and how to check their props: `emailTemplateCatalog`. */
  templates: TMailTemplateCatalog;
  /** Defaults to `MAIL_QUEUE_CONFIG` (the production settings); tests shorten the backoff. */
  config?: TMailQueueConfig;
  logger?: TJobLogger;
  /** Called once when a job is given up (permanent error or last attempt failed); must not throw. */
  onFailed?: (job: TMailJob, error: unknown) => void;
};

export type InlineJobQueue = JobQueue & {
  /** Resolves when nothing is running, waiting to run or waiting for a retry. */
  whenIdle(): Promise<void>;
};

/**
 * Embedded mode's mail `JobQueue` (createInlineQueue): no Redis, the worker's mail processor runs
 * in this process with the production queue settings and the same dedupe by messageId. Jobs live
 * in memory only, which is acceptable where the mail goes to a local capture, not to people.
 */
export function createInlineJobQueue(processMail: (job: TMailJob) => Promise<void>, options: TInlineJobQueueOptions): InlineJobQueue {
  const queue = createInlineQueue(processMail, {
    kind: 'mail',
    parse: (input) => parseMailJob(input, options.templates),
    describe: (job) => ({ id: job.messageId, messageId: job.messageId, tenantId: job.tenantId }),
    config: options.config ?? MAIL_QUEUE_CONFIG,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onFailed ? { onFailed: options.onFailed } : {}),
  });
  return {
    enqueueMail: (job) => queue.enqueue(job),
    close: () => queue.close(),
    health: () => queue.health(),
    whenIdle: () => queue.whenIdle(),
  };
}
