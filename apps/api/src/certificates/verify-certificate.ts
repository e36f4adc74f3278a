import { schema, type TenantRecord, withTenant, type Database } from '@kyogikai/db';
import { type TCertificateState, isCertificateCurrent } from '@kyogikai/domain';
import { and, eq, isNotNull } from 'drizzle-orm';
import { consumeAllowance, type RequestAllowance } from '../auth/sign-in-throttle';
import { AppError } from '../trpc/app-error';
import { hashVerificationCode, isWellFormedVerificationCode, normaliseVerificationCode } from './verification-url';

/**
 * Lookups per client address (ADR 019). A person checks a handful of certificates; an office
 * behind one address (a bureau checking applicants' papers) a few dozen a day. 60 an hour is far
 * beyond either and far below what listing members would need, which the 160-bit codes make
 * hopeless anyway: the limit is there so the page cannot be used as an oracle at scale.
 */
export const VERIFICATION_LOOKUP_ALLOWANCE: RequestAllowance = { limit: 60, windowMs: 60 * 60_000 };

/** What anyone holding the code may learn: the status, the council, the corporation, and when. */
export type VerificationAnswer =
  | { status: 'unknown' }
  | {
      status: 'valid' | 'superseded' | 'revoked';
      councilName: { ja: string; en: string };
      corporateName: string;
      issueNumber: number;
      issuedAt: Date;
    };

function publicStatus(state: TCertificateState): 'valid' | 'superseded' | 'revoked' {
  if (isCertificateCurrent(state)) return 'valid';
  return state === 'superseded' ? 'superseded' : 'revoked';
}

/**
 * The public verification page's question (issue 6 item 7): what is the certificate with this code?
 * The same work for every lookup: count it against the address's allowance, hash what was sent
 * (whatever it is), and run one lookup by the unique hash index inside the tenant. A malformed
 * code gets exactly the answer of an unknown one, after the same query. Nothing but the council,
 * the corporation name (as printed on the certificate) and the issue number and date comes back.
 */
export async function verifyCertificate(
  deps: { database: Database; now: Date; allowance?: RequestAllowance },
  tenant: TenantRecord,
  clientAddress: string,
  submitted: string,
): Promise<VerificationAnswer> {
  const normalised = normaliseVerificationCode(submitted);
  const isWellFormed = isWellFormedVerificationCode(normalised);
  const hash = hashVerificationCode(normalised);
  const c = schema.certificates;
  const { allowed, found } = await withTenant(deps.database, tenant.id, async (tx) => {
    const allowance = await consumeAllowance(
      tx,
      tenant.id,
      `verify-ip:${clientAddress}`,
      deps.now,
      deps.allowance ?? VERIFICATION_LOOKUP_ALLOWANCE,
    );
    if (!allowance.allowed) return { allowed: allowance, found: null };
    const [row] = await tx
      .select({ state: c.state, fields: c.fields, issueNumber: c.issueNumber, issuedAt: c.issuedAt })
      .from(c)
      .where(and(eq(c.verificationCodeHash, hash), isNotNull(c.objectKey)));
    return { allowed: allowance, found: row ?? null };
  });
  if (!allowed.allowed) {
    throw new AppError('TOO_MANY_REQUESTS', 'verify.throttled', { minutes: Math.ceil(allowed.retryAfterMs / 60_000) });
  }
  if (!found || !isWellFormed) return { status: 'unknown' };
  return {
    status: publicStatus(found.state),
    councilName: { ja: printedText(found.fields, 'councilNameJa') || tenant.nameJa, en: tenant.nameEn },
    corporateName: printedText(found.fields, 'corporateName'),
    issueNumber: found.issueNumber,
    issuedAt: found.issuedAt,
  };
}

/** A value as printed (the snapshot taken at issue time, ADR 018), not today's registered one. */
function printedText(fields: Record<string, unknown>, key: 'corporateName' | 'councilNameJa'): string {
  const value = fields[key];
  return typeof value === 'string' ? value : '';
}
