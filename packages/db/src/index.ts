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
export { pgErrorCode } from './errors';
export { isUuid, withTenant } from './tenant-transaction';
export { assertSafeAppRole, UnsafeDatabaseRoleError } from './role-safety';
export type { TenantRecord } from './platform/tenant-record';
export { unsafeFindTenantByHost, unsafeFindTenantBySlug } from './platform/tenant-lookup';
export {
  type CreateTenantInput,
  TENANT_SLUG_PATTERN,
  TenantConflictError,
  unsafeCreateTenant,
  unsafeGetTenantBySlug,
  unsafeListTenants,
} from './platform/tenants';
export { DEMO_TENANTS, gaishokuTenantConfig, kaigoTenantConfig, seedDemoTenants } from './seed/demo-tenants';
