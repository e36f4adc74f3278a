import { CHANGE_ITEM_KINDS, CHANGE_REQUEST_STATES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, enumValues, oneOf, timestamptz, updatedAt, version } from './columns';
import { organisations } from './organisations';
import { establishments, workers } from './registered-data';
import { organisationIsolationPolicy } from './rls';
import { users } from './users';

export const CHANGE_ENTITY_TYPES = ['organisation', 'worker', 'establishment', 'worker_establishments'] as const;

/**
 * A change submission of a member (SPEC D1-D6): the 変更内容 and 理由 the member types, and the
 * review. Its items are the actual proposals. Cancelling or rejecting only changes this row's
 * state: the registered data was never touched (ADR 013).
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    state: text('state', { enum: enumValues(CHANGE_REQUEST_STATES) })
      .notNull()
      .default('draft'),
    /** 変更内容, typed by the member on 「上記の内容で変更申請を行う」. */
    content: text('content'),
    /** 理由. */
    reason: text('reason'),
    createdByUserId: uuid('created_by_user_id').notNull(),
    submittedAt: timestamptz('submitted_at'),
    submittedByUserId: uuid('submitted_by_user_id'),
    forwardedAt: timestamptz('forwarded_at'),
    forwardedByUserId: uuid('forwarded_by_user_id'),
    decidedAt: timestamptz('decided_at'),
    decidedByUserId: uuid('decided_by_user_id'),
    decisionReason: text('decision_reason'),
    cancelledAt: timestamptz('cancelled_at'),
    cancelledByUserId: uuid('cancelled_by_user_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'change_requests_organisation_fk',
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({
      name: 'change_requests_created_by_fk',
      columns: [t.tenantId, t.createdByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'change_requests_submitted_by_fk',
      columns: [t.tenantId, t.submittedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'change_requests_forwarded_by_fk',
      columns: [t.tenantId, t.forwardedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'change_requests_decided_by_fk',
      columns: [t.tenantId, t.decidedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'change_requests_cancelled_by_fk',
      columns: [t.tenantId, t.cancelledByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    unique('change_requests_tenant_org_id_unique').on(t.tenantId, t.organisationId, t.id),
    // One draft per organisation: 「申請登録情報を変更する」 from two tabs edits the same draft.
    uniqueIndex('change_requests_one_draft_per_organisation').on(t.tenantId, t.organisationId).where(sql`${t.state} = 'draft'`),
    index('change_requests_tenant_id_state_submitted_at_idx').on(t.tenantId, t.state, t.submittedAt),
    index('change_requests_tenant_id_organisation_id_created_at_idx').on(t.tenantId, t.organisationId, t.createdAt),
    oneOf('change_requests_state_check', t.state, CHANGE_REQUEST_STATES),
    organisationIsolationPolicy(),
  ],
);

/**
 * One proposed change (SPEC D6: a request holds several). `proposed` maps field → new value; the
 * current value stays in the entity row until the item is applied, so before/after can be shown
 * side by side. `base_version` is the entity's version when proposed: applying refuses if the
 * entity moved on. `previous` is filled on apply with the values it replaced (change history).
 *
 * entity_type / entity_id: 'organisation' → the organisation itself; 'worker' and
 * 'worker_establishments' → a worker (links are versioned by their worker); 'establishment' →
 * an establishment. entity_id is null for an entity the item adds (D2, D4) until it is applied.
 * The generated worker_id / establishment_id columns carry foreign keys that include
 * organisation_id, so an item cannot point at another organisation's worker or establishment.
 */
export const changeItems = pgTable(
  'change_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    changeRequestId: uuid('change_request_id').notNull(),
    kind: text('kind', { enum: enumValues(CHANGE_ITEM_KINDS) }).notNull(),
    entityType: text('entity_type', { enum: CHANGE_ENTITY_TYPES }).notNull(),
    entityId: uuid('entity_id'),
    proposed: jsonb('proposed').$type<Record<string, unknown>>().notNull(),
    baseVersion: integer('base_version'),
    /** The values the item replaced, written when it is applied (for the change history). */
    previous: jsonb('previous').$type<Record<string, unknown>>(),
    appliedAt: timestamptz('applied_at'),
    workerId: uuid('worker_id').generatedAlwaysAs(sql`case when entity_type in ('worker', 'worker_establishments') then entity_id end`),
    establishmentId: uuid('establishment_id').generatedAlwaysAs(sql`case when entity_type = 'establishment' then entity_id end`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'change_items_change_request_fk',
      columns: [t.tenantId, t.organisationId, t.changeRequestId],
      foreignColumns: [changeRequests.tenantId, changeRequests.organisationId, changeRequests.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'change_items_worker_fk',
      columns: [t.tenantId, t.organisationId, t.workerId],
      foreignColumns: [workers.tenantId, workers.organisationId, workers.id],
    }),
    foreignKey({
      name: 'change_items_establishment_fk',
      columns: [t.tenantId, t.organisationId, t.establishmentId],
      foreignColumns: [establishments.tenantId, establishments.organisationId, establishments.id],
    }),
    unique('change_items_tenant_org_id_unique').on(t.tenantId, t.organisationId, t.id),
    index('change_items_tenant_id_change_request_id_idx').on(t.tenantId, t.changeRequestId),
    // Pending proposals of one entity (the before/after view).
    index('change_items_pending_by_entity_idx').on(t.tenantId, t.entityType, t.entityId).where(sql`${t.appliedAt} is null`),
    index('change_items_tenant_id_worker_id_idx').on(t.tenantId, t.workerId),
    index('change_items_tenant_id_establishment_id_idx').on(t.tenantId, t.establishmentId),
    oneOf('change_items_kind_check', t.kind, CHANGE_ITEM_KINDS),
    oneOf('change_items_entity_type_check', t.entityType, CHANGE_ENTITY_TYPES),
    check('change_items_proposed_check', sql`jsonb_typeof(${t.proposed}) = 'object'`),
    check(
      'change_items_organisation_entity_check',
      sql`${t.entityType} <> 'organisation' or ${t.entityId} is not distinct from ${t.organisationId}`,
    ),
    check('change_items_base_version_check', sql`${t.entityId} is not null or ${t.baseVersion} is null`),
    organisationIsolationPolicy(),
  ],
);
