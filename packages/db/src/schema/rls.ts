import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/**
 * The tenant of the current transaction, as set by `withTenant` (set_config(..., true)).
 * `current_setting(..., true)` returns NULL or '' when unset, and `nullif` turns '' into NULL, so
 * an unset tenant compares to NULL and sees no rows instead of failing the uuid cast.
 */
export const currentTenantId = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * The one policy every tenant-owned table carries: all commands, for every role that does not
 * bypass RLS. `FORCE ROW LEVEL SECURITY` is added in a custom migration (drizzle-kit cannot emit it).
 */
export function tenantIsolationPolicy(column: 'tenant_id' | 'id' = 'tenant_id') {
  const predicate = sql`${sql.identifier(column)} = ${currentTenantId}`;
  return pgPolicy('tenant_isolation', { as: 'permissive', for: 'all', to: 'public', using: predicate, withCheck: predicate });
}
