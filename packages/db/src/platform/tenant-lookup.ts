import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../database';
import { type TenantRecord, type TenantRow, toTenantRecord } from './tenant-record';

/**
 * Resolves the tenant of a request from its Host header (port included if the deployment uses
 * one, e.g. `localhost:3000`), across tenants, through the SECURITY DEFINER function
 * `unsafe_find_tenant_by_host`. Safe to call from the app role.
 */
export async function unsafeFindTenantByHost(app: Database, host: string): Promise<TenantRecord | null> {
  const rows = await queryRows<TenantRow>(app.db, sql`select * from unsafe_find_tenant_by_host(${host.trim()})`);
  if (rows.length > 1) {
    // unsafeCreateTenant refuses this; fail closed rather than serve the wrong council.
    throw new Error(`host "${host}" is claimed by more than one tenant: ${rows.map((r) => r.slug).join(', ')}`);
  }
  const [row] = rows;
  return row ? toTenantRecord(row) : null;
}

/** Resolves a tenant by slug (path-prefix routing in development, operator tools). */
export async function unsafeFindTenantBySlug(app: Database, slug: string): Promise<TenantRecord | null> {
  const [row] = await queryRows<TenantRow>(app.db, sql`select * from unsafe_find_tenant_by_slug(${slug})`);
  return row ? toTenantRecord(row) : null;
}
