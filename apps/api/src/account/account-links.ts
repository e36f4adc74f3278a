import { schema, type TenantTx } from '@kyogikai/db';
import type { TAccountLinkPurpose } from '@kyogikai/domain';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { generateAccountToken, hashAccountToken } from '../auth/account-token';
import { AppError } from '../trpc/app-error';

/**
 * Emailed account links (activation, password reset; ADR 016). A link is its token; the table
 * holds only the token's hash. A link works once, until it expires, and only while it is the
 * newest of its purpose for the user (issuing a new one revokes the older unused ones).
 */

export type TAccountLinkStatus = 'valid' | 'expired' | 'used' | 'invalid';

export interface IssuedAccountLink {
  token: string;
  expiresAt: Date;
}

/** Revokes the user's unused links of this purpose and stores a new one; returns its token (for the mail only). */
export async function issueAccountLink(
  tx: TenantTx,
  input: { tenantId: string; userId: string; purpose: TAccountLinkPurpose; now: Date; validityHours: number },
): Promise<IssuedAccountLink> {
  await revokeUnusedAccountLinks(tx, input.userId, input.purpose, input.now);
  const token = generateAccountToken();
  const expiresAt = new Date(input.now.getTime() + input.validityHours * 3_600_000);
  await tx.insert(schema.accountTokens).values({
    tenantId: input.tenantId,
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashAccountToken(token),
    expiresAt,
    createdAt: input.now,
  });
  return { token, expiresAt };
}

export async function revokeUnusedAccountLinks(tx: TenantTx, userId: string, purpose: TAccountLinkPurpose, now: Date): Promise<void> {
  const t = schema.accountTokens;
  await tx
    .update(t)
    .set({ revokedAt: now })
    .where(and(eq(t.userId, userId), eq(t.purpose, purpose), isNull(t.usedAt), isNull(t.revokedAt)));
}

export interface FoundAccountLink {
  status: TAccountLinkStatus;
  id: string | null;
  userId: string | null;
}

/** What a link is now, without changing it (checking never extends or consumes a link). */
export async function findAccountLink(tx: TenantTx, token: string, purpose: TAccountLinkPurpose, now: Date): Promise<FoundAccountLink> {
  const t = schema.accountTokens;
  const [row] = await tx
    .select({ id: t.id, userId: t.userId, expiresAt: t.expiresAt, usedAt: t.usedAt, revokedAt: t.revokedAt })
    .from(t)
    .where(and(eq(t.tokenHash, hashAccountToken(token)), eq(t.purpose, purpose)));
  if (!row) return { status: 'invalid', id: null, userId: null };
  // A used link says so even once it has also expired: the user needs to know it already worked.
  // A revoked one (a newer link was sent) reads as expired: the answer is the same, use the new one.
  const status: TAccountLinkStatus = row.usedAt ? 'used' : row.revokedAt || row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
  return { status, id: row.id, userId: row.userId };
}

/**
 * Marks the link used if it still is valid at `now`; false if another request used it first (or
 * it expired or was revoked meanwhile). The single-use guarantee is this conditional update.
 */
export async function consumeAccountLink(tx: TenantTx, id: string, now: Date): Promise<boolean> {
  const t = schema.accountTokens;
  const rows = await tx
    .update(t)
    .set({ usedAt: now })
    .where(and(eq(t.id, id), isNull(t.usedAt), isNull(t.revokedAt), gt(t.expiresAt, sql`${now.toISOString()}::timestamptz`)))
    .returning({ id: t.id });
  return rows.length > 0;
}

/** The errors of a link that cannot be used (SPEC A5: expired or reused links fail clearly). */
export function accountLinkError(status: Exclude<TAccountLinkStatus, 'valid'>): AppError {
  if (status === 'expired') return new AppError('BAD_REQUEST', 'account.linkExpired');
  if (status === 'used') return new AppError('CONFLICT', 'account.linkUsed');
  return new AppError('NOT_FOUND', 'account.linkInvalid');
}
