import { CERTIFICATE_STATES, REISSUE_REQUEST_STATES } from '@kyogikai/domain';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, enumValues, oneOf, timestamptz, updatedAt, version } from './columns';
import { organisations } from './organisations';
import { organisationIsolationPolicy } from './rls';
import { users } from './users';

/**
 * A membership certificate (入会証明書, SPEC C3, C4, E1). The row is written in the transaction
 * that approves (state 'issued', object_key null); the worker renders the PDF and sets
 * object_key, or failure_reason when it refused to print (a missing glyph). Its (tenant,
 * membership_number, issue_number) is unique, so a retried job cannot issue a second one.
 * The public verification code is stored only as its SHA-256, and only once the PDF that prints
 * it is stored: the worker draws a fresh code for each rendering attempt and sets the hash and
 * object_key together, in one update guarded by `object_key is null` (ADR 018).
 */
export const certificates = pgTable(
  'certificates',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    membershipNumber: text('membership_number').notNull(),
    /** 1 for the first certificate of a membership number, then 2, 3, … (reissue, D1 changes). */
    issueNumber: integer('issue_number').notNull(),
    state: text('state', { enum: enumValues(CERTIFICATE_STATES) })
      .notNull()
      .default('issued'),
    /**
     * Hex SHA-256 of the verification code (≥ 128 random bits) printed on the certificate. Null
     * until the PDF is stored (set with object_key; ADR 018).
     */
    verificationCodeHash: text('verification_code_hash'),
    /** Null until the PDF is stored. */
    objectKey: text('object_key'),
    /** Snapshot of what is printed (names, address, dates, issuer), as approved at issue time. */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    issuedAt: timestamptz('issued_at').notNull().defaultNow(),
    /**
     * Download lease (ADR 011): claimed before streaming, so a second simultaneous download is
     * refused; cleared when the last byte was sent (state → downloaded) or the transfer broke.
     * A claim older than the API's lease time is stale and may be taken over.
     */
    downloadClaimId: uuid('download_claim_id'),
    downloadClaimedAt: timestamptz('download_claimed_at'),
    downloadedAt: timestamptz('downloaded_at'),
    downloadedByUserId: uuid('downloaded_by_user_id'),
    supersededAt: timestamptz('superseded_at'),
    revokedAt: timestamptz('revoked_at'),
    /** Why generation failed, shown to staff; cleared when a retry succeeds. */
    failureReason: text('failure_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The membership number printed is the organisation's own (it never changes once assigned).
    foreignKey({
      name: 'certificates_organisation_fk',
      columns: [t.tenantId, t.organisationId, t.membershipNumber],
      foreignColumns: [organisations.tenantId, organisations.id, organisations.membershipNumber],
    }),
    foreignKey({
      name: 'certificates_downloaded_by_fk',
      columns: [t.tenantId, t.downloadedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    unique('certificates_tenant_org_id_unique').on(t.tenantId, t.organisationId, t.id),
    unique('certificates_issue_unique').on(t.tenantId, t.membershipNumber, t.issueNumber),
    uniqueIndex('certificates_verification_code_hash_unique').on(t.verificationCodeHash),
    uniqueIndex('certificates_object_key_unique').on(t.objectKey),
    // At most one valid certificate per member: issue the new one after superseding the old, in one transaction.
    uniqueIndex('certificates_one_valid_per_organisation')
      .on(t.tenantId, t.organisationId)
      .where(sql`${t.state} in ('issued', 'downloaded')`),
    index('certificates_tenant_id_organisation_id_idx').on(t.tenantId, t.organisationId, t.issueNumber),
    oneOf('certificates_state_check', t.state, CERTIFICATE_STATES),
    check('certificates_issue_number_check', sql`${t.issueNumber} >= 1`),
    check('certificates_verification_code_hash_check', sql`${t.verificationCodeHash} ~ '^[0-9a-f]{64}$'`),
    // A stored PDF prints a code, so it can be verified (ADR 018).
    check('certificates_stored_has_code_check', sql`${t.objectKey} is null or ${t.verificationCodeHash} is not null`),
    check('certificates_fields_check', sql`jsonb_typeof(${t.fields}) = 'object'`),
    check('certificates_download_claim_check', sql`(${t.downloadClaimId} is null) = (${t.downloadClaimedAt} is null)`),
    check('certificates_downloaded_check', sql`(${t.downloadedAt} is null) = (${t.downloadedByUserId} is null)`),
    check('certificates_downloaded_state_check', sql`${t.state} <> 'downloaded' or ${t.downloadedAt} is not null`),
    check('certificates_superseded_state_check', sql`${t.state} <> 'superseded' or ${t.supersededAt} is not null`),
    check('certificates_revoked_state_check', sql`${t.state} <> 'revoked' or ${t.revokedAt} is not null`),
    organisationIsolationPolicy(),
  ],
);

/** 入会証明書再発行申請 (SPEC E1). */
export const reissueRequests = pgTable(
  'reissue_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    /** The certificate the member asks to replace. */
    certificateId: uuid('certificate_id').notNull(),
    state: text('state', { enum: enumValues(REISSUE_REQUEST_STATES) })
      .notNull()
      .default('requested'),
    reason: text('reason').notNull(),
    requestedByUserId: uuid('requested_by_user_id').notNull(),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: timestamptz('decided_at'),
    decisionReason: text('decision_reason'),
    /** The certificate issued when the request was approved. */
    issuedCertificateId: uuid('issued_certificate_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'reissue_requests_certificate_fk',
      columns: [t.tenantId, t.organisationId, t.certificateId],
      foreignColumns: [certificates.tenantId, certificates.organisationId, certificates.id],
    }),
    foreignKey({
      name: 'reissue_requests_issued_certificate_fk',
      columns: [t.tenantId, t.organisationId, t.issuedCertificateId],
      foreignColumns: [certificates.tenantId, certificates.organisationId, certificates.id],
    }),
    foreignKey({
      name: 'reissue_requests_requested_by_fk',
      columns: [t.tenantId, t.requestedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'reissue_requests_decided_by_fk',
      columns: [t.tenantId, t.decidedByUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    // One open request per member: a double click cannot file two.
    uniqueIndex('reissue_requests_one_open_per_organisation').on(t.tenantId, t.organisationId).where(sql`${t.state} = 'requested'`),
    index('reissue_requests_tenant_id_state_created_at_idx').on(t.tenantId, t.state, t.createdAt),
    index('reissue_requests_tenant_id_organisation_id_idx').on(t.tenantId, t.organisationId),
    oneOf('reissue_requests_state_check', t.state, REISSUE_REQUEST_STATES),
    organisationIsolationPolicy(),
  ],
);
