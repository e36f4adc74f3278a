import { APPLICATION_FINAL_STATES, APPLICATION_OPEN_STATES, APPLICATION_STATES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, enumValues, inList, oneOf, timestamptz, updatedAt, version } from './columns';
import { organisations } from './organisations';
import { organisationIsolationPolicy } from './rls';
import { users } from './users';

/**
 * A membership application (SPEC B5, C1-C3). The state machine is in @kyogikai/domain; the
 * registered data it submits lives in organisations / establishments / workers / documents.
 */
export const applications = pgTable(
  'applications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    state: text('state', { enum: enumValues(APPLICATION_STATES) })
      .notNull()
      .default('draft'),
    /** Assigned on first submission; shown to the applicant and searched by staff. */
    referenceNumber: text('reference_number'),
    /** First submission (reference number assigned). */
    submittedAt: timestamptz('submitted_at'),
    submittedByUserId: uuid('submitted_by_user_id'),
    /** Latest resubmission after a return; the queue's "waiting since" is coalesce(resubmitted_at, submitted_at). */
    resubmittedAt: timestamptz('resubmitted_at'),
    /**
     * What the staff queue orders and pages by (issue 6). A stored column, not an index on the
     * expression: under row-level security PostgreSQL treats a condition on coalesce(…) as possibly
     * leaky and will not use it as an index condition, so the keyset of a deep page became a filter
     * over every earlier row (ADR 021).
     */
    waitingSince: timestamptz('waiting_since').generatedAlwaysAs(sql`coalesce("resubmitted_at", "submitted_at")`),
    returnedAt: timestamptz('returned_at'),
    returnedByUserId: uuid('returned_by_user_id'),
    /** What the secretariat asked the applicant to fix (mailed, shown on マイページ). */
    returnedMessage: text('returned_message'),
    /**
     * The registered data as it stood when the application was returned, so staff can see
     * exactly what changed on resubmission (issue 6). Shape owned by the API.
     */
    returnedSnapshot: jsonb('returned_snapshot'),
    forwardedAt: timestamptz('forwarded_at'),
    forwardedByUserId: uuid('forwarded_by_user_id'),
    decidedAt: timestamptz('decided_at'),
    decidedByUserId: uuid('decided_by_user_id'),
    decisionReason: text('decision_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'applications_organisation_fk',
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({
      name: 'applications_submitted_by_fk',
      columns: [t.tenantId, t.submittedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'applications_returned_by_fk',
      columns: [t.tenantId, t.returnedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'applications_forwarded_by_fk',
      columns: [t.tenantId, t.forwardedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'applications_decided_by_fk',
      columns: [t.tenantId, t.decidedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    unique('applications_tenant_org_id_unique').on(t.tenantId, t.organisationId, t.id),
    unique('applications_tenant_id_reference_number_unique').on(t.tenantId, t.referenceNumber),
    // At most one application in progress per organisation (a concurrent second one fails 23505);
    // after a final state (APPLICATION_FINAL_STATES) a new one may start.
    uniqueIndex('applications_one_open_per_organisation')
      .on(t.tenantId, t.organisationId)
      .where(sql`${t.state} not in (${inList(APPLICATION_FINAL_STATES)})`),
    index('applications_tenant_id_state_submitted_at_idx').on(t.tenantId, t.state, t.submittedAt),
    index('applications_tenant_id_organisation_id_idx').on(t.tenantId, t.organisationId),
    // The staff queue (issue 6): oldest waiting first, keyset-paged on (waiting_since, id), for all
    // submitted applications, the open ones (the default tab) and per state. Drafts are not in it.
    index('applications_queue_waiting_idx').on(t.tenantId, t.waitingSince, t.id).where(sql`${t.submittedAt} is not null`),
    index('applications_queue_open_waiting_idx')
      .on(t.tenantId, t.waitingSince, t.id)
      .where(sql`${t.submittedAt} is not null and ${t.state} in (${inList(APPLICATION_OPEN_STATES)})`),
    index('applications_queue_state_waiting_idx').on(t.tenantId, t.state, t.waitingSince, t.id).where(sql`${t.submittedAt} is not null`),
    // The dashboard: received per week, and time to decision over the last months.
    index('applications_tenant_id_submitted_at_idx').on(t.tenantId, t.submittedAt).where(sql`${t.submittedAt} is not null`),
    index('applications_tenant_id_decided_at_idx').on(t.tenantId, t.decidedAt).where(sql`${t.decidedAt} is not null`),
    oneOf('applications_state_check', t.state, APPLICATION_STATES),
    organisationIsolationPolicy(),
  ],
);
