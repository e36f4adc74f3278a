import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, timestamptz, updatedAt, version } from './columns';
import { organisations } from './organisations';
import { organisationIsolationPolicy } from './rls';

// Registered data of a member organisation (SPEC B4, D1-D6). Rows hold the current, approved
// values; a pending change is a `change_items` row beside them (ADR 013). Children reference
// (tenant_id, organisation_id, id), so no row can point at another organisation's row even
// though foreign-key checks do not see row-level security.

/** Values of the tenant's custom fields (tenant config customFields), by field key. */
export type TExtraFields = Record<string, string | null>;

/** 受入れ事業所 (SPEC B4a). One row per establishment: an edit reaches every worker linked to it (D3). */
export const establishments = pgTable(
  'establishments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    name: text('name').notNull(),
    /** 7 digits, no hyphen. */
    postalCode: text('postal_code'),
    prefecture: text('prefecture'),
    city: text('city'),
    town: text('town'),
    building: text('building'),
    phone: text('phone'),
    extra: jsonb('extra').$type<TExtraFields>().notNull().default(sql`'{}'::jsonb`),
    /** Set instead of deleting once the establishment was part of a submitted application. */
    archivedAt: timestamptz('archived_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'establishments_organisation_fk',
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    unique('establishments_tenant_org_id_unique').on(t.tenantId, t.organisationId, t.id),
    index('establishments_tenant_id_organisation_id_idx').on(t.tenantId, t.organisationId),
    check('establishments_postal_code_check', sql`${t.postalCode} ~ '^[0-9]{7}$'`),
    check('establishments_extra_check', sql`jsonb_typeof(${t.extra}) = 'object'`),
    organisationIsolationPolicy(),
  ],
);

/** 特定技能外国人 (SPEC B4b). */
export const workers = pgTable(
  'workers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    /** As on the residence card, Latin letters. */
    nameLatin: text('name_latin').notNull(),
    /** ISO 3166-1 alpha-2, upper case. */
    nationality: text('nationality').notNull(),
    nameKana: text('name_kana'),
    extra: jsonb('extra').$type<TExtraFields>().notNull().default(sql`'{}'::jsonb`),
    archivedAt: timestamptz('archived_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'workers_organisation_fk',
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    unique('workers_tenant_org_id_unique').on(t.tenantId, t.organisationId, t.id),
    index('workers_tenant_id_organisation_id_created_at_idx').on(t.tenantId, t.organisationId, t.createdAt),
    check('workers_nationality_check', sql`${t.nationality} ~ '^[A-Z]{2}$'`),
    check('workers_extra_check', sql`jsonb_typeof(${t.extra}) = 'object'`),
    organisationIsolationPolicy(),
  ],
);

/**
 * Which establishments a worker is registered at (one or more, SPEC B4a). Both foreign keys
 * carry organisation_id: a worker cannot be linked to another organisation's establishment.
 * A change to a worker's links is proposed against the worker's version (ADR 013).
 */
export const workerEstablishments = pgTable(
  'worker_establishments',
  {
    tenantId: uuid('tenant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    establishmentId: uuid('establishment_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'worker_establishments_pk', columns: [t.tenantId, t.workerId, t.establishmentId] }),
    foreignKey({
      name: 'worker_establishments_worker_fk',
      columns: [t.tenantId, t.organisationId, t.workerId],
      foreignColumns: [workers.tenantId, workers.organisationId, workers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'worker_establishments_establishment_fk',
      columns: [t.tenantId, t.organisationId, t.establishmentId],
      foreignColumns: [establishments.tenantId, establishments.organisationId, establishments.id],
    }),
    index('worker_establishments_tenant_id_establishment_id_idx').on(t.tenantId, t.establishmentId),
    organisationIsolationPolicy(),
  ],
);
