import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (~5-8 ms here); the algorithm id travels in the hash. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the account does not exist, so a wrong user ID costs the same time as a
// wrong password and response timing does not reveal which user IDs exist.
const decoyHash = hash('decoy-password-never-matches-0');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
