import { isPermanentJobError } from './job-errors';
import { consoleJobLogger, type JobQueue, type TJobLogger } from './job-queue';
import { parseMailJob, type TMailJob, type TMailTemplateCatalog } from './mail-job';
import { MAIL_QUEUE_CONFIG, mailRetryDelayMs, type TMailQueueConfig } from './mail-queue.config';

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

type TTask = { job: TMailJob; attempt: number };

/**
 * Embedded mode's `JobQueue`: no Redis, the worker's own processor runs in this process with the
 * production queue settings — same validation, same attempts and exponential backoff (timers),
 * same dedupe by messageId for the same window, same concurrency. Processing failures never reach
 * the caller of `enqueueMail`; they are logged and passed to `onFailed`. Jobs live in memory only:
 * `close()` (and a crash) drops the ones waiting for a retry, which is acceptable where the mail
 * goes to a local capture, not to people.
 */
export function createInlineJobQueue(processMail: (job: TMailJob) => Promise<void>, options: TInlineJobQueueOptions): InlineJobQueue {
  const config = options.config ?? MAIL_QUEUE_CONFIG;
  const logger = options.logger ?? consoleJobLogger;
  const dedupeWindowMs = config.keepCompletedSeconds * 1000;

  /** messageId → when it may be accepted again (mirrors how long BullMQ keeps a completed job). */
  const seen = new Map<string, number>();
  const ready: TTask[] = [];
  const retryTimers = new Map<string, { timer: NodeJS.Timeout; task: TTask }>();
  const running = new Set<Promise<void>>();
  let idleWaiters: Array<() => void> = [];
  let pumpScheduled: NodeJS.Immediate | undefined;
  let isClosed = false;

  const isIdle = () => running.size === 0 && ready.length === 0 && retryTimers.size === 0 && !pumpScheduled;
  const notifyIfIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const giveUp = (task: TTask, error: unknown, reason: string) => {
    logger.error(
      { err: error, messageId: task.job.messageId, tenantId: task.job.tenantId, attempt: task.attempt },
      `mail job given up: ${reason}`,
    );
    try {
      options.onFailed?.(task.job, error);
    } catch (callbackError) {
      logger.error({ err: callbackError, messageId: task.job.messageId }, 'mail job onFailed callback threw');
    }
  };

  const handleFailure = (task: TTask, error: unknown) => {
    if (isPermanentJobError(error)) return giveUp(task, error, 'permanent error');
    if (task.attempt >= config.attempts) return giveUp(task, error, `failed ${task.attempt} attempts`);
    if (isClosed) return giveUp(task, error, 'queue closed before the retry');
    const delayMs = mailRetryDelayMs(config, task.attempt);
    logger.warn(
      { err: error, messageId: task.job.messageId, tenantId: task.job.tenantId, attempt: task.attempt, delayMs },
      'mail job failed; retrying',
    );
    const next: TTask = { job: task.job, attempt: task.attempt + 1 };
    const timer = setTimeout(() => {
      retryTimers.delete(task.job.messageId);
      ready.push(next);
      pump();
    }, delayMs);
    retryTimers.set(task.job.messageId, { timer, task: next });
  };

  const run = (task: TTask) => {
    const attempt = (async () => {
      try {
        await processMail(task.job);
      } catch (error) {
        handleFailure(task, error);
      }
    })().finally(() => {
      running.delete(attempt);
      pump();
    });
    running.add(attempt);
  };

  const pump = () => {
    while (!isClosed && running.size < config.concurrency && ready.length > 0) {
      run(ready.shift() as TTask);
    }
    notifyIfIdle();
  };

  // Start work on a later tick, never inside the caller's stack (it may hold a transaction).
  const schedulePump = () => {
    pumpScheduled ??= setImmediate(() => {
      pumpScheduled = undefined;
      pump();
    });
  };

  return {
    async enqueueMail(input) {
      if (isClosed) throw new Error('inline job queue is closed');
      const job = parseMailJob(input, options.templates);
      const now = Date.now();
      for (const [messageId, until] of seen) if (until <= now) seen.delete(messageId);
      if (seen.has(job.messageId)) {
        logger.info({ messageId: job.messageId, tenantId: job.tenantId }, 'mail job already accepted; ignored');
        return;
      }
      seen.set(job.messageId, now + dedupeWindowMs);
      ready.push({ job, attempt: 1 });
      schedulePump();
    },

    async close() {
      if (!isClosed) {
        isClosed = true;
        if (pumpScheduled) clearImmediate(pumpScheduled);
        pumpScheduled = undefined;
        const dropped = [...ready.map((task) => task.job.messageId), ...retryTimers.keys()];
        for (const { timer } of retryTimers.values()) clearTimeout(timer);
        retryTimers.clear();
        ready.length = 0;
        if (dropped.length > 0) logger.warn({ messageIds: dropped }, 'inline job queue closed; pending mail jobs dropped');
      }
      // In-flight attempts are awaited (not abandoned mid-send); they cannot schedule new retries.
      await Promise.allSettled([...running]);
      notifyIfIdle();
    },

    async health() {
      return isClosed ? 'mail queue closed' : 'ok';
    },

    whenIdle() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
