import { MEMBERSHIP_STATES, ORGANISATION_ROLES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, enumValues, oneOf, timestamptz, updatedAt, version } from './columns';
import { organisationIsolationPolicy } from './rls';
import { tenants } from './tenants';
import { users } from './users';

export const ORGANISATION_MEMBERSHIP_STATUSES = ['active', 'revoked'] as const;

/**
 * The company and personal details of an organisation: all null on a purged tombstone (ADR 026;
 * the CHECK `organisations_purged_check` keeps them so).
 */
export const PURGED_DETAIL_COLUMNS = [
  'corporate_name',
  'corporate_name_kana',
  'corporate_number',
  'postal_code',
  'prefecture',
  'city',
  'town',
  'building',
  'representative_title',
  'representative_name',
  'phone',
  'contact_name',
  'contact_department',
  'contact_email',
  'contact_phone',
] as const;

/**
 * A member organisation (法人) of one tenant: STEP1 会員情報 (SPEC B2) and its standing in the
 * council. Every detail column is nullable because 一時保存 (SPEC B3) saves incomplete input;
 * the API decides what is complete enough to submit. Holds the current, approved values only:
 * proposed changes wait in `change_items` (ADR 013).
 */
export const organisations = pgTable(
  'organisations',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    corporateName: text('corporate_name'),
    corporateNameKana: text('corporate_name_kana'),
    /** 法人番号, 13 digits. Not unique: the secretariat is warned about duplicates instead. */
    corporateNumber: text('corporate_number'),
    /** 7 digits, no hyphen (the API normalises full-width digits and hyphens). */
    postalCode: text('postal_code'),
    prefecture: text('prefecture'),
    city: text('city'),
    town: text('town'),
    building: text('building'),
    representativeTitle: text('representative_title'),
    representativeName: text('representative_name'),
    phone: text('phone'),
    contactName: text('contact_name'),
    contactDepartment: text('contact_department'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** SPEC G8: may the council list this member in its public directory. */
    directoryOptIn: boolean('directory_opt_in').notNull().default(false),
    membershipState: text('membership_state', { enum: enumValues(MEMBERSHIP_STATES) })
      .notNull()
      .default('none'),
    /** Assigned on approval, never changed afterwards (certificates reference it). */
    membershipNumber: text('membership_number'),
    joinedAt: timestamptz('joined_at'),
    withdrawnAt: timestamptz('withdrawn_at'),
    /** After withdrawal: kept read-only until this date, then purged (tenant config retentionYears). */
    retentionUntil: date('retention_until', { mode: 'string' }),
    /**
     * When the retention purge deleted the member's data (ADR 026): the row stays as a tombstone
     * (ids, membership number, dates) so audit targets and counts still resolve; every detail is null.
     */
    purgedAt: timestamptz('purged_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('organisations_tenant_id_id_unique').on(t.tenantId, t.id),
    // Certificates reference (tenant_id, organisation_id, membership_number): the number they print is the member's.
    unique('organisations_tenant_id_id_membership_number_unique').on(t.tenantId, t.id, t.membershipNumber),
    unique('organisations_tenant_id_membership_number_unique').on(t.tenantId, t.membershipNumber),
    index('organisations_tenant_id_corporate_number_idx').on(t.tenantId, t.corporateNumber),
    index('organisations_tenant_id_membership_state_idx').on(t.tenantId, t.membershipState),
    // Partial-name search in kanji or kana (issue 6); needs the C.UTF-8 ctype (STACK.md).
    index('organisations_corporate_name_trgm_idx').using('gin', t.corporateName.op('gin_trgm_ops')),
    index('organisations_corporate_name_kana_trgm_idx').using('gin', t.corporateNameKana.op('gin_trgm_ops')),
    oneOf('organisations_membership_state_check', t.membershipState, MEMBERSHIP_STATES),
    check('organisations_corporate_number_check', sql`${t.corporateNumber} ~ '^[0-9]{13}$'`),
    check('organisations_postal_code_check', sql`${t.postalCode} ~ '^[0-9]{7}$'`),
    check(
      'organisations_active_member_check',
      sql`${t.membershipState} <> 'active' or (${t.membershipNumber} is not null and ${t.joinedAt} is not null)`,
    ),
    check('organisations_withdrawn_check', sql`${t.membershipState} <> 'withdrawn' or ${t.withdrawnAt} is not null`),
    check(
      'organisations_purged_check',
      sql`${t.purgedAt} is null or (${t.membershipState} = 'withdrawn' and ${sql.join(
        PURGED_DETAIL_COLUMNS.map((name) => sql`${sql.identifier(name)} is null`),
        sql` and `,
      )})`,
    ),
    organisationIsolationPolicy('id'),
  ],
);

/**
 * Who may act for an organisation, and as what (SPEC G7): one person can act for several
 * organisations (a 登録支援機関 serving several employers), an organisation can have several
 * users. Revoking keeps the row (status 'revoked') for the record; a user holds at most one
 * active membership per organisation.
 */
export const organisationMemberships = pgTable(
  'organisation_memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: enumValues(ORGANISATION_ROLES) }).notNull(),
    status: text('status', { enum: ORGANISATION_MEMBERSHIP_STATUSES }).notNull().default('active'),
    /** Null for the membership created with the organisation (the applicant who signed up). */
    grantedByUserId: uuid('granted_by_user_id'),
    revokedAt: timestamptz('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'organisation_memberships_organisation_fk',
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({ name: 'organisation_memberships_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({
      name: 'organisation_memberships_granted_by_fk',
      columns: [t.tenantId, t.grantedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'organisation_memberships_revoked_by_fk',
      columns: [t.tenantId, t.revokedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    uniqueIndex('organisation_memberships_active_unique').on(t.tenantId, t.organisationId, t.userId).where(sql`${t.status} = 'active'`),
    index('organisation_memberships_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    oneOf('organisation_memberships_role_check', t.role, ORGANISATION_ROLES),
    oneOf('organisation_memberships_status_check', t.status, ORGANISATION_MEMBERSHIP_STATUSES),
    check('organisation_memberships_revoked_check', sql`(${t.status} = 'revoked') = (${t.revokedAt} is not null)`),
    organisationIsolationPolicy(),
  ],
);
