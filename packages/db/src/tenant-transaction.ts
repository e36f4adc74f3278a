import { sql } from 'drizzle-orm';
import type { Database, TenantTx } from './database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Runs `fn` in one transaction scoped to `tenantId`: row-level security shows and accepts only
 * that tenant's rows. The setting is transaction-local, so a pooled connection never carries
 * one request's tenant into the next.
 */
export async function withTenant<T>(database: Database, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId)) throw new TypeError('withTenant: tenantId must be a uuid');
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx);
  });
}
