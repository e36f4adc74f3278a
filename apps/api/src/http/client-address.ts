import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The peer address of the TCP connection. Forwarded-for headers are ignored on purpose: anyone can
 * send them, and sign-in throttling by address would be trivial to dodge. Behind a proxy, set the
 * proxy to overwrite (not append) a header and extend this function to trust only that.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
