import { foreignKey, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantAppendOnlyForOrganisationsPolicies } from './rls';
import { tenants } from './tenants';
import { users } from './users';

/**
 * Who did what to which record, per tenant (SPEC G1 audit trail, G9 file access log).
 * The app role may only SELECT and INSERT here: the trail is append-only.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for system actions (jobs, sign-in attempts of unknown users). */
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    foreignKey({ name: 'audit_events_tenant_actor_fk', columns: [t.tenantId, t.actorUserId], foreignColumns: [users.tenantId, users.id] }),
    index('audit_events_tenant_id_occurred_at_idx').on(t.tenantId, t.occurredAt),
    ...tenantAppendOnlyForOrganisationsPolicies(),
  ],
);
