import { randomInt } from 'node:crypto';

/**
 * A new ユーザーID: 'U' and 8 random digits (ISSUED_LOGIN_ID_PATTERN in @kyogikai/domain). Digits
 * only after the prefix, so nothing can be misread (0/O, 1/l) when copied from the mail. Unique
 * per tenant by a database constraint; the caller retries on the rare collision.
 */
export function generateLoginId(): string {
  return `U${randomInt(0, 100_000_000).toString().padStart(8, '0')}`;
}
