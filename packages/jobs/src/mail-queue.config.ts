/**
 * Settings of the mail queue, in one place: the BullMQ producer (`createBullMqJobQueue`), the
 * BullMQ worker (`apps/worker`'s `startMailWorker`) and the embedded in-process queue
 * (`createInlineJobQueue`) all read them, so production and embedded mode retry alike.
 */
export type TMailQueueConfig = {
  attempts: number;
  backoff: { delayMs: number; jitter: number };
  concurrency: number;
  keepCompletedSeconds: number;
  keepFailedSeconds: number;
  enqueueTimeoutMs: number;
  workerCloseGraceMs: number;
};

export const MAIL_QUEUE_CONFIG: TMailQueueConfig = {
  // 8 tries with the backoff below span about an hour (30 s, 1, 2, 4, 8, 16, 32 min): long enough
  // to ride out an SMTP relay restart or a short provider outage, short enough that a mail which
  // still fails reaches the failed set (and a human) the same working day.
  attempts: 8,
  // Exponential so a struggling relay is not hammered; 20 % jitter so the jobs that failed
  // together during an outage do not all come back in the same second.
  backoff: { delayMs: 30_000, jitter: 0.2 },
  // Sending is network-bound (render ~2 ms, SMTP round trips dominate). 4 parallel sends keep
  // a 2-core worker busy while staying under the per-connection limits common relays apply.
  concurrency: 4,
  // A jobId (= messageId) dedupes only while its job still exists in Redis: keep completed jobs
  // a week so an outbox relay that re-sends after a crash, or a double click, mails once.
  keepCompletedSeconds: 7 * 24 * 60 * 60,
  // Failed jobs stay a month for inspection and manual retry; meanwhile the same messageId is
  // not accepted again (retry the failed job instead of enqueueing a new one).
  keepFailedSeconds: 30 * 24 * 60 * 60,
  // The producer gives up after this long when Redis is unreachable instead of hanging the
  // request; the add may still land later, which the jobId dedupe makes harmless on a retry.
  enqueueTimeoutMs: 5_000,
  // On shutdown the worker lets running sends finish for this long, then drops its connections:
  // under the 30 s a container runtime waits between SIGTERM and SIGKILL. A send cut off here is
  // retried (same Message-ID) once its lock expires.
  workerCloseGraceMs: 25_000,
};

/**
 * Delay before the next try after `attemptsMade` failed tries: BullMQ's built-in `exponential`
 * strategy with jitter, re-implemented for the in-process queue (BullMQ computes its own from
 * the same numbers).
 */
export function mailRetryDelayMs(config: TMailQueueConfig, attemptsMade: number, random: () => number = Math.random): number {
  const { delayMs, jitter } = config.backoff;
  const maxDelay = Math.round(2 ** (attemptsMade - 1) * delayMs);
  if (jitter <= 0) return maxDelay;
  const minDelay = maxDelay * (1 - jitter);
  return Math.floor(random() * maxDelay * jitter + minDelay);
}
