/**
 * A job failure that retrying cannot fix (an invalid payload, an unknown tenant, a template that
 * refuses its props). Both queues stop retrying on it: the BullMQ worker turns it into BullMQ's
 * `UnrecoverableError`, the inline queue gives up at once.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
  /** Checked instead of `instanceof`, so two copies of this module still agree. */
  readonly isPermanent = true;
}

/** The payload did not match the job's contract (at enqueue, or when the worker reads it). */
export class InvalidJobPayloadError extends PermanentJobError {
  override name = 'InvalidJobPayloadError';
}

export function isPermanentJobError(error: unknown): error is PermanentJobError {
  return error instanceof Error && (error as Partial<PermanentJobError>).isPermanent === true;
}
