import type { TMailJob } from './mail-job';

/**
 * How the API hands work to the background. Two implementations with the same behaviour:
 * `createBullMqJobQueue` (production: Redis, separate worker process) and `createInlineJobQueue`
 * (embedded mode: the same processor in-process).
 *
 * `enqueueMail` validates the payload (throws `InvalidJobPayloadError`) and resolves once the job
 * is accepted, not when the mail is sent. Enqueueing a `messageId` that was already accepted
 * (within the dedupe window) is a silent no-op, so callers may retry freely.
 */
export interface JobQueue {
  enqueueMail(job: TMailJob): Promise<void>;
  close(): Promise<void>;
  /** 'ok', or a short description of what is wrong (for a health endpoint; never throws). */
  health(): Promise<'ok' | string>;
}

/** A pino-compatible logger subset, so packages do not choose the app's logger. */
export type TJobLogger = {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
};

export const consoleJobLogger: TJobLogger = {
  info: (details, message) => console.info(message, details),
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};
