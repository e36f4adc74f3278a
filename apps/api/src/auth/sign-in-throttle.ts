import { schema, type TenantTx } from '@kyogikai/db';
import { and, eq, inArray, sql } from 'drizzle-orm';

/**
 * Failed sign-ins are counted per account and per client address, inside the tenant. Past
 * `slowAfter` failures every further attempt waits a little longer; past `lockAfter` the key is
 * refused until `lockMs` has passed, and the user is told for how long. The address limit is higher
 * because an office shares one address.
 */
export interface ThrottlePolicy {
  windowMs: number;
  lockMs: number;
  account: { slowAfter: number; lockAfter: number };
  address: { slowAfter: number; lockAfter: number };
  /** Delay added per failure past slowAfter; doubled each time, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Public account requests that create rows or send mail (provisional account, resend, password
   * reset), per client address: every request counts, not only failures.
   */
  accountRequests: RequestAllowance;
  /** Account mails to one address; past this, requests still answer ok but nothing more is sent. */
  accountMailsPerRecipient: RequestAllowance;
}

export interface RequestAllowance {
  limit: number;
  windowMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  account: { slowAfter: 3, lockAfter: 5 },
  address: { slowAfter: 10, lockAfter: 30 },
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  accountRequests: { limit: 10, windowMs: 15 * 60_000 },
  accountMailsPerRecipient: { limit: 5, windowMs: 60 * 60_000 },
};

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(identifier: string, address: string): ThrottleKeys {
  return { account: `account:${identifier.trim().toLowerCase()}`, address: `ip:${address}` };
}

export type ThrottleState = { status: 'open'; delayMs: number } | { status: 'locked'; retryAfterMs: number };

export async function readThrottle(tx: TenantTx, keys: ThrottleKeys, now: Date, policy: ThrottlePolicy): Promise<ThrottleState> {
  const rows = await tx
    .select()
    .from(schema.signInThrottles)
    .where(inArray(schema.signInThrottles.key, [keys.account, keys.address]));
  let retryAfterMs = 0;
  let delayMs = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
      retryAfterMs = Math.max(retryAfterMs, row.lockedUntil.getTime() - now.getTime());
      continue;
    }
    const inWindow = row.firstFailureAt && now.getTime() - row.firstFailureAt.getTime() < policy.windowMs;
    if (!inWindow) continue;
    const limits = row.key === keys.account ? policy.account : policy.address;
    const over = row.failures - limits.slowAfter;
    if (over >= 0) delayMs = Math.max(delayMs, Math.min(policy.baseDelayMs * 2 ** over, policy.maxDelayMs));
  }
  return retryAfterMs > 0 ? { status: 'locked', retryAfterMs } : { status: 'open', delayMs };
}

/** Counts one failure on both keys; returns how long the sign-in is now refused, if at all. */
export async function recordFailure(
  tx: TenantTx,
  tenantId: string,
  keys: ThrottleKeys,
  now: Date,
  policy: ThrottlePolicy,
): Promise<number> {
  let lockedForMs = 0;
  for (const [key, limits] of [
    [keys.account, policy.account],
    [keys.address, policy.address],
  ] as const) {
    const [row] = await tx.select().from(schema.signInThrottles).where(eq(schema.signInThrottles.key, key));
    const windowOpen = row?.firstFailureAt && now.getTime() - row.firstFailureAt.getTime() < policy.windowMs;
    const failures = windowOpen && row ? row.failures + 1 : 1;
    const lockedUntil = failures >= limits.lockAfter ? new Date(now.getTime() + policy.lockMs) : null;
    if (lockedUntil) lockedForMs = Math.max(lockedForMs, policy.lockMs);
    const values = {
      failures,
      firstFailureAt: windowOpen && row?.firstFailureAt ? row.firstFailureAt : now,
      lastFailureAt: now,
      lockedUntil,
    };
    await tx
      .insert(schema.signInThrottles)
      .values({ tenantId, key, ...values })
      .onConflictDoUpdate({ target: [schema.signInThrottles.tenantId, schema.signInThrottles.key], set: values });
  }
  return lockedForMs;
}

/** A successful sign-in clears the account's count; the address keeps its count on purpose. */
export async function clearAccountFailures(tx: TenantTx, keys: ThrottleKeys): Promise<void> {
  await tx.delete(schema.signInThrottles).where(and(eq(schema.signInThrottles.key, keys.account)));
}

export type AllowanceResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one request against `key` (e.g. `signup-ip:<addr>`) in a fixed window that starts with
 * the first request, in the same table as the sign-in counters, and says whether it is within
 * `allowance.limit`. One atomic upsert, so concurrent requests cannot both slip under the limit.
 */
export async function consumeAllowance(
  tx: TenantTx,
  tenantId: string,
  key: string,
  now: Date,
  allowance: RequestAllowance,
): Promise<AllowanceResult> {
  const t = schema.signInThrottles;
  const windowStart = new Date(now.getTime() - allowance.windowMs);
  const isInWindow = sql`${t.firstFailureAt} > ${windowStart.toISOString()}::timestamptz`;
  const [row] = await tx
    .insert(t)
    .values({ tenantId, key, failures: 1, firstFailureAt: now, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [t.tenantId, t.key],
      set: {
        failures: sql`case when ${isInWindow} then ${t.failures} + 1 else 1 end`,
        firstFailureAt: sql`case when ${isInWindow} then ${t.firstFailureAt} else ${now.toISOString()}::timestamptz end`,
        lastFailureAt: now,
      },
    })
    .returning({ count: t.failures, since: t.firstFailureAt });
  if (!row || row.count <= allowance.limit) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(1, row.since.getTime() + allowance.windowMs - now.getTime()) };
}
