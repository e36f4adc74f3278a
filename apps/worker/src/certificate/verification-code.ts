import { createHash, randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/**
 * The public verification code printed on a certificate and its link (issue 6 item 7; ADR 018):
 * `<tenant public origin>/verify/<code>`. The worker draws the code when it renders the PDF; the
 * API (portal `certificate.verify`) hashes what a visitor brings the same way, so both import
 * these functions (`@kyogikai/worker/certificate-code`) and cannot disagree about the path, the
 * alphabet or the hash.
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

/** A well-formed code: 26 to 64 base32 characters (≥ 128 bits; the worker draws 160). */
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

/** The code as printed for reading aloud or typing: groups of four (the hyphens are ignored on input). */
export function groupVerificationCode(code: string): string {
  return normaliseVerificationCode(code).replace(/(.{4})(?=.)/g, '$1-');
}
