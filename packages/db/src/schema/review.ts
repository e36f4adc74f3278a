import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgPolicy, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { createdAt, oneOf, timestamptz, updatedAt, version } from './columns';
import { documents } from './documents';
import { currentTenantId, tenantWideScope } from './rls';
import { users } from './users';

/**
 * Staff-only rows about an application (issue 6): readable and writable only in a tenant-wide
 * transaction (staff, system), never in an applicant's organisation transaction, even for the
 * organisation's own application. The applicant learns what to fix from the return message only.
 */
function staffOnlyPolicy() {
  const predicate = sql`${sql.identifier('tenant_id')} = ${currentTenantId} and ${tenantWideScope}`;
  return pgPolicy('tenant_wide_only', { as: 'permissive', for: 'all', to: 'public', using: predicate, withCheck: predicate });
}

/** Internal notes of the secretariat and ministry on an application; never shown to applicants. */
export const applicationNotes = pgTable(
  'application_notes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'application_notes_application_fk',
      columns: [t.tenantId, t.organisationId, t.applicationId],
      foreignColumns: [applications.tenantId, applications.organisationId, applications.id],
    }),
    foreignKey({ name: 'application_notes_author_fk', columns: [t.tenantId, t.authorUserId], foreignColumns: [users.tenantId, users.id] }),
    index('application_notes_tenant_id_application_id_idx').on(t.tenantId, t.applicationId, t.createdAt),
    check('application_notes_body_check', sql`char_length(${t.body}) between 1 and 4000`),
    staffOnlyPolicy(),
  ],
);

export const DOCUMENT_CHECK_RESULTS = ['ok', 'needs_correction'] as const;

/**
 * The reviewer's checklist: one result per document of an application (ok / needs correction with
 * a reason). A replaced file is a new document row, so it starts unchecked.
 */
export const documentChecks = pgTable(
  'document_checks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    documentId: uuid('document_id').notNull(),
    result: text('result', { enum: DOCUMENT_CHECK_RESULTS }).notNull(),
    /** Required when the result is needs_correction (shown to the reviewer who writes the return message). */
    reason: text('reason'),
    checkedByUserId: uuid('checked_by_user_id').notNull(),
    checkedAt: timestamptz('checked_at').notNull().defaultNow(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'document_checks_application_fk',
      columns: [t.tenantId, t.organisationId, t.applicationId],
      foreignColumns: [applications.tenantId, applications.organisationId, applications.id],
    }),
    foreignKey({
      name: 'document_checks_document_fk',
      columns: [t.tenantId, t.organisationId, t.documentId],
      foreignColumns: [documents.tenantId, documents.organisationId, documents.id],
    }),
    foreignKey({
      name: 'document_checks_checked_by_fk',
      columns: [t.tenantId, t.checkedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    uniqueIndex('document_checks_application_document_unique').on(t.tenantId, t.applicationId, t.documentId),
    oneOf('document_checks_result_check', t.result, DOCUMENT_CHECK_RESULTS),
    check(
      'document_checks_reason_check',
      sql`(${t.result} = 'ok' and ${t.reason} is null) or (${t.result} = 'needs_correction' and char_length(${t.reason}) between 1 and 1000)`,
    ),
    staffOnlyPolicy(),
  ],
);
