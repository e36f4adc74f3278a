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

type TDisconnectable = { disconnect(): unknown };
type TBullMqCloseable = {
  close(): Promise<void>;
  /** BullMQ's Redis backend: `client` and, for a worker, `blockingClient`. */
  getBackend(): unknown;
};

/**
 * Closes a BullMQ Queue or Worker, and makes sure that ends. BullMQ's `close()` sends QUIT and
 * waits for the reply; with Redis unreachable that wait never ends (ioredis holds the command
 * until it reconnects, and BullMQ's own `disconnect()` waits for an 'end' event that ioredis 6
 * does not emit while reconnecting). After `graceMs` the raw connections are dropped, which fails
 * the pending QUIT and lets `close()` finish.
 */
export async function closeOrDisconnect(target: TBullMqCloseable, graceMs: number): Promise<void> {
  const closing = target.close();
  try {
    await withTimeout(closing, graceMs, 'close');
    return;
  } catch {
    // fall through: force the connections shut
  }
  const backend = target.getBackend() as { client?: Promise<TDisconnectable>; blockingClient?: Promise<TDisconnectable> };
  for (const pending of [backend.client, backend.blockingClient]) {
    if (!pending) continue;
    const client = await withTimeout(pending, 100, 'client').catch(() => undefined);
    client?.disconnect();
  }
  await withTimeout(closing, graceMs, 'close').catch(() => {});
}
