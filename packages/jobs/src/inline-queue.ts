import { isPermanentJobError } from './job-errors';
import { consoleJobLogger, type TJobLogger } from './job-queue';
import { mailRetryDelayMs, type TMailQueueConfig } from './mail-queue.config';

export type TInlineQueueOptions<TJob> = {
  /** Which queue this is, for the log (e.g. `mail`, `certificate`). */
  kind: string;
  /** Validates a job at enqueue (throws `InvalidJobPayloadError`). */
  parse: (input: unknown) => TJob;
  /** The job's dedupe id (the BullMQ job id in production) and what the log says about it. */
  describe: (job: TJob) => { id: string } & Record<string, unknown>;
  config: TMailQueueConfig;
  logger?: TJobLogger;
  /** Called once when a job is given up (permanent error or last attempt failed); must not throw. */
  onFailed?: (job: TJob, error: unknown) => void;
};

export type InlineQueue<TJob> = {
  enqueue(input: TJob): Promise<void>;
  close(): Promise<void>;
  health(): Promise<'ok' | string>;
  /** Resolves when nothing is running, waiting to run or waiting for a retry. */
  whenIdle(): Promise<void>;
};

type TTask<TJob> = { job: TJob; id: string; attempt: number };

/**
 * Embedded mode's queue for any job kind: no Redis, the worker's own processor runs in this
 * process with the production queue settings — same validation, same attempts and exponential
 * backoff (timers), same dedupe by job id for the same window, same concurrency. Processing
 * failures never reach the caller of `enqueue`; they are logged and passed to `onFailed`. Jobs
 * live in memory only: `close()` (and a crash) drops the ones waiting for a retry; the outbox rows
 * behind them stay `enqueued` for staff to retry.
 */
export function createInlineQueue<TJob>(process: (job: TJob) => Promise<void>, options: TInlineQueueOptions<TJob>): InlineQueue<TJob> {
  const { config, kind } = options;
  const logger = options.logger ?? consoleJobLogger;
  const dedupeWindowMs = config.keepCompletedSeconds * 1000;

  /** job id → when it may be accepted again (mirrors how long BullMQ keeps a completed job). */
  const seen = new Map<string, number>();
  const ready: TTask<TJob>[] = [];
  const retryTimers = new Map<string, { timer: NodeJS.Timeout; task: TTask<TJob> }>();
  const running = new Set<Promise<void>>();
  let idleWaiters: Array<() => void> = [];
  let pumpScheduled: NodeJS.Immediate | undefined;
  let isClosed = false;

  const details = (task: TTask<TJob>) => {
    const { id: _id, ...rest } = options.describe(task.job);
    return rest;
  };
  const isIdle = () => running.size === 0 && ready.length === 0 && retryTimers.size === 0 && !pumpScheduled;
  const notifyIfIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const giveUp = (task: TTask<TJob>, error: unknown, reason: string) => {
    logger.error({ err: error, ...details(task), attempt: task.attempt }, `${kind} job given up: ${reason}`);
    try {
      options.onFailed?.(task.job, error);
    } catch (callbackError) {
      logger.error({ err: callbackError, ...details(task) }, `${kind} job onFailed callback threw`);
    }
  };

  const handleFailure = (task: TTask<TJob>, error: unknown) => {
    if (isPermanentJobError(error)) return giveUp(task, error, 'permanent error');
    if (task.attempt >= config.attempts) return giveUp(task, error, `failed ${task.attempt} attempts`);
    if (isClosed) return giveUp(task, error, 'queue closed before the retry');
    const delayMs = mailRetryDelayMs(config, task.attempt);
    logger.warn({ err: error, ...details(task), attempt: task.attempt, delayMs }, `${kind} job failed; retrying`);
    const next: TTask<TJob> = { ...task, attempt: task.attempt + 1 };
    const timer = setTimeout(() => {
      retryTimers.delete(task.id);
      ready.push(next);
      pump();
    }, delayMs);
    retryTimers.set(task.id, { timer, task: next });
  };

  const run = (task: TTask<TJob>) => {
    const attempt = (async () => {
      try {
        await process(task.job);
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
      run(ready.shift() as TTask<TJob>);
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
    async enqueue(input) {
      if (isClosed) throw new Error('inline job queue is closed');
      const job = options.parse(input);
      const described = options.describe(job);
      const now = Date.now();
      for (const [id, until] of seen) if (until <= now) seen.delete(id);
      if (seen.has(described.id)) {
        const { id: _id, ...rest } = described;
        logger.info(rest, `${kind} job already accepted; ignored`);
        return;
      }
      seen.set(described.id, now + dedupeWindowMs);
      ready.push({ job, id: described.id, attempt: 1 });
      schedulePump();
    },

    async close() {
      if (!isClosed) {
        isClosed = true;
        if (pumpScheduled) clearImmediate(pumpScheduled);
        pumpScheduled = undefined;
        const dropped = [...ready.map((task) => task.id), ...retryTimers.keys()];
        for (const { timer } of retryTimers.values()) clearTimeout(timer);
        retryTimers.clear();
        ready.length = 0;
        if (dropped.length > 0) logger.warn({ messageIds: dropped }, `inline job queue closed; pending ${kind} jobs dropped`);
      }
      // In-flight attempts are awaited (not abandoned mid-run); they cannot schedule new retries.
      await Promise.allSettled([...running]);
      notifyIfIdle();
    },

    async health() {
      return isClosed ? `${kind} queue closed` : 'ok';
    },

    whenIdle() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
