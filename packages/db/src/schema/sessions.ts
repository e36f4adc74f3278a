import { type TSessionApp, ZSessionApp } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
import { organisations } from './organisations';
import { users } from './users';

const SESSION_APPS = ZSessionApp.options as [TSessionApp, ...TSessionApp[]];

/** Signed-in sessions. The row id is the hex SHA-256 of the cookie token; the token is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    app: text('app', { enum: SESSION_APPS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute expiry; the 30-minute idle limit is checked against last_activity_at. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /**
     * The organisation an applicant is acting for (SPEC G7), chosen after sign-in. The API
     * re-checks the membership on every request: this column is a choice, not a permission.
     */
    actingOrganisationId: uuid('acting_organisation_id'),
  },
  (t) => [
    foreignKey({ name: 'sessions_tenant_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      'cascade',
    ),
    // Cascade, not SET NULL: drizzle-kit cannot emit PostgreSQL 15's `SET NULL (column)`, and a
    // plain SET NULL would also null tenant_id. Deleting an organisation (retention purge) ends
    // the sessions acting for it; their users sign in again and choose another.
    foreignKey({
      name: 'sessions_tenant_acting_organisation_fk',
      columns: [t.tenantId, t.actingOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }).onDelete('cascade'),
    index('sessions_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    index('sessions_tenant_id_acting_organisation_id_idx').on(t.tenantId, t.actingOrganisationId),
    check('sessions_app_check', sql`${t.app} in (${sql.raw(SESSION_APPS.map((v) => `'${v}'`).join(', '))})`),
    tenantIsolationPolicy(),
  ],
);
