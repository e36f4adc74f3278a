export * as schema from './schema';
export {
  type AppDb,
  APP_ROLE,
  createPostgresDatabase,
  type Database,
  openPgliteDatabase,
  queryRows,
  runMigrations,
  switchPgliteToAppRole,
  type TenantTx,
} from './database';
export { pgConstraintName, pgErrorCode } from './errors';
export { isUuid, withOrganisation, withTenant } from './tenant-transaction';
export { type AuditEntry, recordAudit } from './queries/audit';
export { findActiveMembership, listMembershipsOfUser, type UserMembership } from './queries/memberships';
export {
  insertOutboxMail,
  lockOutboxMessage,
  markOutboxAttemptFailed,
  markOutboxSent,
  type OutboxMailInput,
  type OutboxMessageState,
  retryOutboxMessage,
} from './queries/outbox';
export { CHANGE_ENTITY_TYPES } from './schema/change-requests';
export { DOCUMENT_SCOPES, OTHER_DOCUMENT_KEY } from './schema/documents';
export { ORGANISATION_MEMBERSHIP_STATUSES } from './schema/organisations';
export {
  CERTIFICATE_NOTIFY_TEMPLATES,
  OUTBOX_KINDS,
  OUTBOX_STATUSES,
  type TCertificateNotifyTemplate,
  type TOutboxCertificatePayload,
  type TOutboxKind,
  type TOutboxMailPayload,
  type TOutboxPayload,
} from './schema/outbox';
export { type CertificateGenerationInput, certificateJobId, queueCertificateGeneration } from './outbox-certificate';
export type { TExtraFields } from './schema/registered-data';
export { assertSafeAppRole, UnsafeDatabaseRoleError } from './role-safety';
export type { TenantRecord } from './platform/tenant-record';
export { unsafeFindTenantByHost, unsafeFindTenantBySlug } from './platform/tenant-lookup';
export { OUTBOX_MAX_BATCH, type PendingOutboxMessage, unsafeListPendingOutbox, unsafeMarkOutboxEnqueued } from './platform/outbox-relay';
export {
  type CreateTenantInput,
  TENANT_SLUG_PATTERN,
  TenantConflictError,
  unsafeCreateTenant,
  unsafeGetTenantBySlug,
  unsafeListTenants,
} from './platform/tenants';
export { DEMO_TENANTS, gaishokuTenantConfig, kaigoTenantConfig, seedDemoTenants } from './seed/demo-tenants';
