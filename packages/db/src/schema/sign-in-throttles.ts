import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
import { tenants } from './tenants';

/** Failed sign-in counters per tenant and key (`account:<id>`, `ip:<addr>`). */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull().defaultNow(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'sign_in_throttles_pk', columns: [t.tenantId, t.key] }), tenantIsolationPolicy()],
);
