import type { TMailQueueConfig } from './mail-queue.config';

/** The mail queue's settings plus how long a worker holds a job before another may take it over. */
export type TCertificateQueueConfig = TMailQueueConfig & {
  /** A job whose worker died is taken over once its lock expired (BullMQ stalled-job check). */
  lockDurationMs: number;
  stalledIntervalMs: number;
};

/**
 * Settings of the certificate queue (ADR 018), read by the producer, the BullMQ worker and the
 * embedded in-process queue alike.
 */
export const CERTIFICATE_QUEUE_CONFIG: TCertificateQueueConfig = {
  // Rendering and storing fail only when the database or object store is away: 10 tries spanning
  // about 40 minutes (5 s … 21 min) ride out a restart; the last failure shows to staff, who can
  // retry. A missing glyph is not retried at all (permanent).
  attempts: 10,
  backoff: { delayMs: 5_000, jitter: 0.2 },
  // Rendering is CPU-bound (font subsetting, deflate): one at a time per worker process; run more
  // processes to scale (bench/certificate-throughput.ts).
  concurrency: 1,
  // The job id (certificate.<id>) dedupes while the job exists: a week, as for mail.
  keepCompletedSeconds: 7 * 24 * 60 * 60,
  keepFailedSeconds: 30 * 24 * 60 * 60,
  enqueueTimeoutMs: 5_000,
  workerCloseGraceMs: 25_000,
  // A render takes well under a second; 30 s (BullMQ's default) before a dead worker's job moves.
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
};
