import { createHash, randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/**
 * The public verification link printed on a certificate (issue 6 item 7; ADR 019):
 * `<tenant public origin>/verify/<code>`. The portal SPA serves that path without a session and
 * asks the API (portal `certificate.verify`) about the code.
 *
 * Kept free of other API imports (only the tenant's configured public origin is needed), so the
 * code that prints the certificate and the code that answers the page cannot disagree about the
 * path or the hash.
 */
export const VERIFICATION_PATH_PREFIX = '/verify/';

/** The link for a code, from the tenant's configured public origin (never from a request's Host). */
export function verificationUrl(tenant: { publicOrigin: string }, code: string): string {
  const base = tenant.publicOrigin.replace(/\/+$/, '');
  return `${base}${VERIFICATION_PATH_PREFIX}${encodeURIComponent(normaliseVerificationCode(code))}`;
}

/**
 * What a person may type or a QR reader may pass: full-width letters and digits from a Japanese
 * input method, spaces and hyphens used to group the code for reading, lower case. Codes are
 * upper-case RFC 4648 base32 (A-Z, 2-7), so removing spaces and hyphens never changes a real code.
 */
export function normaliseVerificationCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―ー－]/g, '')
    .toUpperCase();
}

/** A well-formed code: 26 to 64 base32 characters (≥ 128 bits; the issuer draws 160). */
export function isWellFormedVerificationCode(normalised: string): boolean {
  return /^[A-Z2-7]{26,64}$/.test(normalised);
}

/** A fresh code: 160 random bits as 32 base32 characters (the issue asks for at least 128). */
export function newVerificationCode(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

/** What `certificates.verification_code_hash` holds: hex SHA-256 of the normalised code (UTF-8). */
export function hashVerificationCode(code: string): string {
  return createHash('sha256').update(normaliseVerificationCode(code), 'utf8').digest('hex');
}
