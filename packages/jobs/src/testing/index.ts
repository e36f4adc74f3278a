import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { spareListenPort } from './spare-port';

export { spareListenPort } from './spare-port';

/**
 * Test helpers for code that uses the shared Redis (127.0.0.1:6379). That Redis belongs to every
 * test file and every engineer: never FLUSHDB it; give each test its own key prefix and delete
 * only those keys afterwards.
 */

export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379';

/** A BullMQ key prefix no other test uses (letters, digits and hyphens only: safe in a SCAN glob). */
export function uniqueRedisPrefix(label: string): string {
  return `test-${label.replace(/[^a-z0-9]+/gi, '-')}-${randomUUID()}`;
}

/** Deletes every key under `prefix:` (what BullMQ created for that prefix), and nothing else. */
export async function deleteRedisKeysWithPrefix(prefix: string, url = SHARED_REDIS_URL): Promise<number> {
  if (!/^[A-Za-z0-9-]+$/.test(prefix)) throw new Error(`refusing to delete keys for unsafe prefix "${prefix}"`);
  const redis = new Redis(url, { lazyConnect: true });
  try {
    await redis.connect();
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

export type TOwnRedisServer = { url: string; port: number; stop(): Promise<void> };

/**
 * Starts a private `redis-server` on a spare loopback port, for tests that need Redis to go away
 * (stop it; the shared one is never stopped). `stop()` is idempotent.
 */
export async function startOwnRedisServer(options: { port?: number } = {}): Promise<TOwnRedisServer> {
  // A given port restarts "the same" server after a test stopped it (clients reconnect to it).
  const port = options.port ?? (await spareListenPort());
  const dir = await mkdtemp(join(tmpdir(), 'kyogikai-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }).then(() => rm(dir, { recursive: true, force: true }));
      return stopping;
    },
  };
}
