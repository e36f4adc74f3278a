import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens of emailed account links (activation, password reset; ADR 016): 32 random bytes (256
 * bits) in base64url go into the link; the database stores only their SHA-256 in hex, so a leaked
 * table cannot be turned into working links.
 */
export function generateAccountToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
