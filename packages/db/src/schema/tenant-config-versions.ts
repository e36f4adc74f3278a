import type { TTenantConfig } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { tenantIsolationPolicy } from './rls';
import { tenants } from './tenants';

/**
 * Every configuration a tenant has had (issue 3 item 4). The current one stays in
 * `tenants.config`; each change appends a version here in the same transaction. Append-only for
 * the app role.
 */
export const tenantConfigVersions = pgTable(
  'tenant_config_versions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    version: integer('version').notNull(),
    config: jsonb('config').$type<TTenantConfig>().notNull(),
    createdAt: createdAt(),
    /** Who made the change: a user id, or e.g. `cli:import-config`. */
    createdBy: text('created_by').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ name: 'tenant_config_versions_pk', columns: [t.tenantId, t.version] }),
    check('tenant_config_versions_version_check', sql`${t.version} >= 1`),
    tenantIsolationPolicy(),
  ],
);
