export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Rejects after `ms` if `promise` has not settled; the underlying work is not cancelled. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type TRawClient = { status?: string; disconnect(): unknown };
type TBullMqCloseable = {
  /** `Worker.close(force)` skips waiting for running jobs; `Queue.close()` takes no argument. */
  close(force?: boolean): Promise<void>;
  /** BullMQ's Redis backend: `client`, for a worker also `blockingClient`, and `close(force)`. */
  getBackend(): unknown;
};
type TRedisBackend = {
  client?: Promise<TRawClient>;
  blockingClient?: Promise<TRawClient>;
  close?(force?: boolean): Promise<void>;
};

/**
 * Closes a BullMQ Queue or Worker, and makes sure that ends, also with Redis gone. BullMQ's
 * graceful `close()` sends QUIT and waits for the reply; with Redis unreachable that wait never
 * ends (ioredis holds the command until it reconnects, and BullMQ's `disconnect()` waits for an
 * 'end' event ioredis 6 does not emit while reconnecting), and a worker keeps its retry timers.
 * So: Redis not connected → force-close at once (running jobs cannot be recorded anyway; they
 * become stalled and run again later, with the same Message-ID). Connected → graceful close,
 * letting running jobs finish, for at most `graceMs`; then the raw connections are dropped.
 */
export async function closeOrDisconnect(target: TBullMqCloseable, graceMs: number): Promise<void> {
  const backend = target.getBackend() as TRedisBackend;
  const client = backend.client ? await withTimeout(backend.client, 100, 'client').catch(() => undefined) : undefined;
  if (client?.status !== 'ready') {
    await backend.close?.(true).catch(() => {});
    await withTimeout(target.close(true), graceMs, 'close').catch(() => {});
    return;
  }
  const closing = target.close();
  try {
    await withTimeout(closing, graceMs, 'close');
    return;
  } catch {
    // Still closing after the grace period: drop the connections so it can finish.
  }
  for (const pending of [backend.client, backend.blockingClient]) {
    if (!pending) continue;
    const raw = await withTimeout(pending, 100, 'client').catch(() => undefined);
    raw?.disconnect();
  }
  await withTimeout(closing, graceMs, 'close').catch(() => {});
}
