/**
 * The PostgreSQL SQLSTATE of a failed query, whichever driver raised it. drizzle wraps driver
 * errors (DrizzleQueryError) and keeps the original as `cause`, so walk the chain.
 * Common codes: 23505 unique_violation, 23503 foreign_key_violation, 42501 insufficient_privilege
 * (also raised when a row violates a row-level security policy).
 */
export function pgErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return undefined;
    if ('code' in current && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

/** The constraint a failed query violated (e.g. which unique index), whichever driver raised it. */
export function pgConstraintName(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return undefined;
    if ('constraint_name' in current && typeof current.constraint_name === 'string') return current.constraint_name;
    if ('constraint' in current && typeof current.constraint === 'string') return current.constraint;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
