import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, timestamptz, updatedAt } from './columns';
import { tenantAppendOnlyForOrganisationsPolicies } from './rls';
import { tenants } from './tenants';

/** `mail`: send one mail; `certificate`: render and store a certificate's PDF, then mail the member (ADR 018). */
export const OUTBOX_KINDS = ['mail', 'certificate'] as const;
export type TOutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ['pending', 'enqueued', 'sent', 'failed'] as const;

/** A mail job as @kyogikai/jobs expects it (ZMailJob); the relay validates it again. */
export type TOutboxMailPayload = {
  tenantId: string;
  /** The BullMQ job id (dedupe) and Message-ID: globally unique; by default the row id. */
  messageId: string;
  to: string;
  template: string;
  props: Record<string, unknown>;
};

/** The mail sent once a certificate's PDF is stored (both are templates of @kyogikai/email). */
export const CERTIFICATE_NOTIFY_TEMPLATES = ['application-approved', 'certificate-reissued'] as const;
export type TCertificateNotifyTemplate = (typeof CERTIFICATE_NOTIFY_TEMPLATES)[number];

/** A certificate generation job as @kyogikai/jobs expects it (ZCertificateJob). */
export type TOutboxCertificatePayload = {
  tenantId: string;
  /** The BullMQ job id (dedupe): `certificate.<certificateId>` unless retried by staff. */
  messageId: string;
  certificateId: string;
  notifyTemplate: TCertificateNotifyTemplate;
};

export type TOutboxPayload = TOutboxMailPayload | TOutboxCertificatePayload;

/**
 * Mail that is never lost (issue 3 item 5): written in the same transaction as the change that
 * must mail someone. The relay (`unsafe_outbox_pending` / `unsafe_outbox_mark_enqueued`, across
 * tenants) moves pending rows into the mail queue (kind `mail`) or the certificate queue (kind
 * `certificate`); the worker marks them sent or failed inside
 * the tenant. The payload must carry the row's own tenant (CHECK).
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull().default('mail'),
    payload: jsonb('payload').$type<TOutboxPayload>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Not relayed before this time (retry back-off, scheduled mail). */
    availableAt: timestamptz('available_at').notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt().$onUpdate(() => new Date()),
    enqueuedAt: timestamptz('enqueued_at'),
    sentAt: timestamptz('sent_at'),
    failedAt: timestamptz('failed_at'),
  },
  (t) => [
    // The relay's scan, across tenants (it runs as kyogikai_platform).
    index('outbox_messages_pending_idx').on(t.status, t.availableAt).where(sql`${t.status} = 'pending'`),
    index('outbox_messages_tenant_id_status_created_at_idx').on(t.tenantId, t.status, t.createdAt),
    // BullMQ dedupes by job id across all tenants: two rows sharing a messageId would lose a mail.
    uniqueIndex('outbox_messages_message_id_unique').on(sql`(${t.payload} ->> 'messageId')`),
    oneOf('outbox_messages_kind_check', t.kind, OUTBOX_KINDS),
    oneOf('outbox_messages_status_check', t.status, OUTBOX_STATUSES),
    check('outbox_messages_payload_tenant_check', sql`(${t.payload} ->> 'tenantId') = ${t.tenantId}::text`),
    check('outbox_messages_payload_message_id_check', sql`(${t.payload} ->> 'messageId') is not null`),
    check('outbox_messages_attempts_check', sql`${t.attempts} >= 0`),
    check('outbox_messages_enqueued_check', sql`${t.status} <> 'enqueued' or ${t.enqueuedAt} is not null`),
    check('outbox_messages_sent_check', sql`${t.status} <> 'sent' or ${t.sentAt} is not null`),
    check('outbox_messages_failed_check', sql`${t.status} <> 'failed' or ${t.failedAt} is not null`),
    ...tenantAppendOnlyForOrganisationsPolicies(),
  ],
);
