import { sql } from 'drizzle-orm';
import type { Database, TenantTx } from './database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Runs `fn` in one transaction scoped to the whole of `tenantId`: row-level security shows and
 * accepts only that tenant's rows, of every member organisation (`app.scope = 'tenant'`). For
 * staff requests, platform and system work (jobs, the outbox worker), sign-up before an
 * organisation exists, and the membership re-check that picks the acting organisation.
 * Settings are transaction-local, so a pooled connection never carries one request's tenant
 * into the next.
 */
export async function withTenant<T>(database: Database, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId)) throw new TypeError('withTenant: tenantId must be a uuid');
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.scope', 'tenant', true)`);
    return fn(tx);
  });
}

/**
 * Runs `fn` in one transaction scoped to one member organisation of `tenantId`: on
 * organisation-owned tables (organisations, memberships, establishments, workers, documents,
 * applications, change requests, certificates, …) row-level security shows and accepts only
 * that organisation's rows. For every applicant request, with the acting organisation from the
 * session after its membership was checked. Tenant-level tables (users, sessions, audit_events,
 * outbox_messages, …) stay tenant-wide: name the user or organisation in those queries.
 */
export async function withOrganisation<T>(
  database: Database,
  tenantId: string,
  organisationId: string,
  fn: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  if (!isUuid(tenantId)) throw new TypeError('withOrganisation: tenantId must be a uuid');
  if (!isUuid(organisationId)) throw new TypeError('withOrganisation: organisationId must be a uuid');
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.scope', 'organisation', true),
                 set_config('app.organisation_id', ${organisationId}, true)`,
    );
    return fn(tx);
  });
}
