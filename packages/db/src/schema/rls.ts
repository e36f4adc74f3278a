import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/**
 * The tenant of the current transaction, as set by `withTenant` / `withOrganisation`
 * (set_config(..., true)). `current_setting(..., true)` returns NULL or '' when unset, and
 * `nullif` turns '' into NULL, so an unset tenant compares to NULL and sees no rows instead of
 * failing the uuid cast.
 */
export const currentTenantId = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/** The member organisation of an applicant request, as set by `withOrganisation`; NULL otherwise. */
export const currentOrganisationId = sql`nullif(current_setting('app.organisation_id', true), '')::uuid`;

/** True inside `withTenant` (staff, platform and system work see the whole tenant). */
export const tenantWideScope = sql`current_setting('app.scope', true) = 'tenant'`;

/**
 * The one policy every tenant-level table carries: all commands, for every role that does not
 * bypass RLS. `FORCE ROW LEVEL SECURITY` is added in a custom migration (drizzle-kit cannot emit it).
 */
export function tenantIsolationPolicy(column: 'tenant_id' | 'id' = 'tenant_id') {
  const predicate = sql`${sql.identifier(column)} = ${currentTenantId}`;
  return pgPolicy('tenant_isolation', { as: 'permissive', for: 'all', to: 'public', using: predicate, withCheck: predicate });
}

/**
 * The one policy of every organisation-owned table: same tenant AND (a tenant-wide transaction,
 * or the row belongs to the organisation of the transaction). Without `app.scope = 'tenant'` and
 * without `app.organisation_id`, nothing is visible: the safe default. `organisations` passes
 * `id` (it is scoped by its own id).
 */
export function organisationIsolationPolicy(column: 'organisation_id' | 'id' = 'organisation_id') {
  const predicate = sql`${sql.identifier('tenant_id')} = ${currentTenantId} and (${tenantWideScope} or ${sql.identifier(column)} = ${currentOrganisationId})`;
  return pgPolicy('organisation_isolation', { as: 'permissive', for: 'all', to: 'public', using: predicate, withCheck: predicate });
}

/**
 * For logs an applicant request may add to but never read back (audit trail, outbox): other
 * organisations' before/after values and mail payloads live there. Rows can be inserted in any
 * transaction of the tenant; reading, updating and deleting need a tenant-wide transaction.
 */
export function tenantAppendOnlyForOrganisationsPolicies() {
  const sameTenant = sql`${sql.identifier('tenant_id')} = ${currentTenantId}`;
  const tenantWide = sql`${sameTenant} and ${tenantWideScope}`;
  return [
    pgPolicy('tenant_insert', { as: 'permissive', for: 'insert', to: 'public', withCheck: sameTenant }),
    pgPolicy('tenant_wide_select', { as: 'permissive', for: 'select', to: 'public', using: tenantWide }),
    pgPolicy('tenant_wide_update', { as: 'permissive', for: 'update', to: 'public', using: tenantWide, withCheck: tenantWide }),
    pgPolicy('tenant_wide_delete', { as: 'permissive', for: 'delete', to: 'public', using: tenantWide }),
  ];
}
