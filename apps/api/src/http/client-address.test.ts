import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

async function addressSeen(hops: number, forwardedFor?: string): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, hops)));
  const response = await app.request('/', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return response.text();
}

describe('client address for throttling', () => {
  it('ignores X-Forwarded-For when no proxy is trusted (anyone can send it)', async () => {
    expect(await addressSeen(0, '203.0.113.9')).toBe('unknown');
  });
  it('takes the entry the trusted proxy appended, not what the client wrote before it', async () => {
    expect(await addressSeen(1, '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(await addressSeen(2, '198.51.100.1, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
  });
});
