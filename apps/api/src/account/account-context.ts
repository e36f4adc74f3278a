import type { ApiContext } from '../trpc/context';
import { AppError } from '../trpc/app-error';
import { inTenant } from '../trpc/context';
import { consumeAllowance } from '../auth/sign-in-throttle';

/** What the public account services need from a request. */
export type AccountContext = Pick<
  ApiContext,
  'database' | 'tenant' | 'clock' | 'clientAddress' | 'tenantUrl' | 'throttlePolicy' | 'sleep' | 'sessionPolicy' | 'sessionToken'
>;

/**
 * Counts one public account request from this client address (`<what>-ip:<addr>`); past the
 * allowance the request is refused with the minutes to wait. Applies to every caller alike,
 * whatever the address typed, so it reveals nothing about which accounts exist.
 */
export async function consumeAddressAllowance(ctx: AccountContext, what: 'signup' | 'account-mail'): Promise<void> {
  const result = await inTenant(ctx, (tx) =>
    consumeAllowance(tx, ctx.tenant.id, `${what}-ip:${ctx.clientAddress}`, ctx.clock.now(), ctx.throttlePolicy.accountRequests),
  );
  if (!result.allowed) {
    throw new AppError('TOO_MANY_REQUESTS', 'account.tooManyRequests', { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) });
  }
}

/** The per-recipient allowance of account mails (silently: the answer to the caller is the same). */
export function recipientAllowanceKey(email: string): string {
  return `account-mail-to:${email.trim().toLowerCase()}`;
}

/** Refused for now by the sign-in throttle (also used by activation and password change). */
export const signInThrottled = (retryAfterMs: number) =>
  new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { minutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) });
