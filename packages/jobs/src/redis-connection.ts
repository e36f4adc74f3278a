import type { RedisOptions } from 'bullmq';

/** A Redis URL (`redis://…`, `rediss://…`) or the usual connection fields. */
export type TRedisConnection =
  | string
  | { host: string; port: number; username?: string; password?: string; db?: number; tls?: Record<string, unknown> };

/**
 * Always hands BullMQ connection *options* (a fresh object), never a client instance: BullMQ then
 * opens its own connections and closes them in `close()`. A shared ioredis instance would be
 * left open, and an open connection keeps the process (and vitest) alive.
 */
export function toBullMqConnection(connection: TRedisConnection): RedisOptions {
  return typeof connection === 'string' ? { url: connection } : { ...connection };
}
