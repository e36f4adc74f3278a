import { USER_ROLES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolationPolicy } from './rls';
import { tenants } from './tenants';

export const USER_KINDS = ['staff', 'applicant'] as const;
export const USER_STATUSES = ['provisional', 'active', 'disabled'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Staff (secretariat, ministry, tenant admins) and applicants of one tenant. */
export const users = pgTable(
  'users',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: USER_KINDS }).notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    /** The applicant's ユーザーID (ログインID); staff sign in by email. */
    loginId: text('login_id'),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: USER_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    // Children reference (tenant_id, id) so a row can never point at another tenant's user.
    unique('users_tenant_id_id_unique').on(t.tenantId, t.id),
    unique('users_tenant_id_login_id_unique').on(t.tenantId, t.loginId),
    uniqueIndex('users_tenant_id_email_lower_unique').on(t.tenantId, sql`lower(${t.email})`),
    index('users_tenant_id_idx').on(t.tenantId),
    check('users_kind_check', sql`${t.kind} in (${inList(USER_KINDS)})`),
    check('users_role_check', sql`${t.role} in (${inList(USER_ROLES)})`),
    check('users_status_check', sql`${t.status} in (${inList(USER_STATUSES)})`),
    tenantIsolationPolicy(),
  ],
);
