import type { TTenantConfig } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';

/** One sector council. Visible to the app role only as "the current tenant". */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique('tenants_slug_unique'),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    /** Where the tenant's portal is served, used for links in emails; no trailing slash. */
    publicOrigin: text('public_origin').notNull(),
    /** Lower-case `Host` header values that resolve to this tenant. */
    allowedHosts: text('allowed_hosts').array().notNull().default(sql`'{}'::text[]`),
    config: jsonb('config').$type<TTenantConfig>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('tenants_slug_check', sql`${t.slug} ~ '^[a-z][a-z0-9-]{1,30}$'`), tenantIsolationPolicy('id')],
);
