import { APPLICATION_STATES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, integer, pgPolicy, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { enumValues, oneOf } from './columns';
import { currentTenantId, tenantWideScope } from './rls';
import { tenants } from './tenants';

/**
 * How many submitted applications each tenant has in each state (the staff queue's tabs, its
 * totals and the dashboard, issue 6). Counting 100,000 rows under row-level security takes longer
 * than the queue may (p95 50 ms), so a trigger on `applications` keeps these rows exact in the
 * same transaction as every insert, state change or delete (migration 0014). Only applications
 * that were submitted count: drafts are never in the staff queue. The app role may only read them,
 * and only tenant-wide (staff); the SECURITY DEFINER trigger writes them.
 */
export const applicationStateCounts = pgTable(
  'application_state_counts',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    state: text('state', { enum: enumValues(APPLICATION_STATES) }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'application_state_counts_pkey', columns: [t.tenantId, t.state] }),
    oneOf('application_state_counts_state_check', t.state, APPLICATION_STATES),
    check('application_state_counts_count_check', sql`${t.count} >= 0`),
    pgPolicy('tenant_wide_select', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${sql.identifier('tenant_id')} = ${currentTenantId} and ${tenantWideScope}`,
    }),
  ],
);
