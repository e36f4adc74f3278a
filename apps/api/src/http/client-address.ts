import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address, for sign-in throttling and the audit log. With no proxy (hops = 0) it is
 * the TCP peer, and forwarded-for headers are ignored: anyone can send them. Behind N trusted
 * proxies that each append the address they saw, the client is the N-th entry from the right of
 * X-Forwarded-For; entries further left were written by the client and are not trusted.
 */
export function clientAddress(c: Context, trustedProxyHops = 0): string {
  if (trustedProxyHops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const fromProxy = chain[chain.length - trustedProxyHops];
    if (fromProxy) return fromProxy;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
