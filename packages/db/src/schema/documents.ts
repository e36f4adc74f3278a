import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { changeItems } from './change-requests';
import { createdAt, oneOf, timestamptz, updatedAt, version } from './columns';
import { organisations } from './organisations';
import { establishments, workers } from './registered-data';
import { organisationIsolationPolicy } from './rls';
import { users } from './users';

export const DOCUMENT_SCOPES = ['worker', 'establishment', 'organisation'] as const;
/** The document_key of a file the user named themselves (SPEC B4c: any number of other documents). */
export const OTHER_DOCUMENT_KEY = 'other';

/**
 * One uploaded file (SPEC B4c, G9). The bytes live in object storage under `object_key`; this
 * row is the only way to reach them. A replaced file keeps its row (replaced_at) until the object
 * is deleted; a removed one gets deleted_at. Rows are never cascaded away with their worker or
 * establishment: deleting those first requires deleting the documents (and their objects).
 *
 * `pending_change_item_id`: uploaded as part of a change that is not approved yet (e.g. the
 * documents of a worker added after joining, SPEC D2, whose worker row does not exist yet). Such
 * a row is not registered data until the item is applied (which sets worker_id / establishment_id
 * and clears pending_change_item_id); a cancelled or rejected change deletes it and its object.
 */
export const documents = pgTable(
  'documents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    scope: text('scope', { enum: DOCUMENT_SCOPES }).notNull(),
    workerId: uuid('worker_id'),
    establishmentId: uuid('establishment_id'),
    pendingChangeItemId: uuid('pending_change_item_id'),
    /** A requiredDocuments key of the tenant config, or 'other'. */
    documentKey: text('document_key').notNull(),
    /** The name the user typed, for 'other' only. */
    customName: text('custom_name'),
    /**
     * The name of the file as the user's computer called it (from the upload's X-File-Name), only
     * shown and offered as the download name; the object key never contains it.
     */
    fileName: text('file_name').notNull(),
    /** Server-generated, starts with tenant and organisation, never contains user input. */
    objectKey: text('object_key').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    /** Lower-case hex SHA-256 of the stored bytes. */
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').notNull(),
    uploadedAt: timestamptz('uploaded_at').notNull().defaultNow(),
    replacedAt: timestamptz('replaced_at'),
    deletedAt: timestamptz('deleted_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'documents_organisation_fk',
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({
      name: 'documents_worker_fk',
      columns: [t.tenantId, t.organisationId, t.workerId],
      foreignColumns: [workers.tenantId, workers.organisationId, workers.id],
    }),
    foreignKey({
      name: 'documents_establishment_fk',
      columns: [t.tenantId, t.organisationId, t.establishmentId],
      foreignColumns: [establishments.tenantId, establishments.organisationId, establishments.id],
    }),
    foreignKey({
      name: 'documents_pending_change_item_fk',
      columns: [t.tenantId, t.organisationId, t.pendingChangeItemId],
      foreignColumns: [changeItems.tenantId, changeItems.organisationId, changeItems.id],
    }),
    foreignKey({ name: 'documents_uploaded_by_fk', columns: [t.tenantId, t.uploadedByUserId], foreignColumns: [users.tenantId, users.id] }),
    // Staff-only rows about a document (document_checks) reference it within its organisation.
    unique('documents_tenant_org_id_unique').on(t.tenantId, t.organisationId, t.id),
    uniqueIndex('documents_object_key_unique').on(t.objectKey),
    // One current file per required slot (a concurrent second upload into the slot fails 23505).
    uniqueIndex('documents_current_slot_unique')
      .on(t.tenantId, t.organisationId, t.scope, sql`coalesce(${t.workerId}, ${t.establishmentId}, ${t.organisationId})`, t.documentKey)
      .where(sql`${t.documentKey} <> 'other' and ${t.pendingChangeItemId} is null and ${t.replacedAt} is null and ${t.deletedAt} is null`),
    index('documents_tenant_id_organisation_id_idx').on(t.tenantId, t.organisationId, t.scope),
    index('documents_tenant_id_worker_id_idx').on(t.tenantId, t.organisationId, t.workerId),
    index('documents_tenant_id_establishment_id_idx').on(t.tenantId, t.organisationId, t.establishmentId),
    index('documents_tenant_id_pending_change_item_id_idx').on(t.tenantId, t.organisationId, t.pendingChangeItemId),
    oneOf('documents_scope_check', t.scope, DOCUMENT_SCOPES),
    check(
      'documents_scope_target_check',
      sql`case ${t.scope}
        when 'worker' then ${t.establishmentId} is null and (${t.workerId} is not null or ${t.pendingChangeItemId} is not null)
        when 'establishment' then ${t.workerId} is null and (${t.establishmentId} is not null or ${t.pendingChangeItemId} is not null)
        else ${t.workerId} is null and ${t.establishmentId} is null
      end`,
    ),
    check('documents_document_key_check', sql`${t.documentKey} ~ '^[a-z][a-z0-9-]{1,62}$'`),
    check('documents_custom_name_check', sql`(${t.documentKey} = 'other') = (${t.customName} is not null and ${t.customName} <> '')`),
    check('documents_byte_size_check', sql`${t.byteSize} > 0`),
    check('documents_file_name_check', sql`char_length(${t.fileName}) between 1 and 255`),
    check('documents_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    organisationIsolationPolicy(),
  ],
);
