import { type TSessionApp, ZSessionApp } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
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
  },
  (t) => [
    foreignKey({ name: 'sessions_tenant_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      'cascade',
    ),
    index('sessions_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    check('sessions_app_check', sql`${t.app} in (${sql.raw(SESSION_APPS.map((v) => `'${v}'`).join(', '))})`),
    tenantIsolationPolicy(),
  ],
);
