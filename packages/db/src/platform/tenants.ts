import { type TTenantConfig, ZTenantConfig } from '@kyogikai/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { tenantConfigVersions, tenants } from '../schema';
import { type TenantRecord, toTenantRecord } from './tenant-record';

// Operator functions: they span tenants, so they take the owner (migration) handle, which must
// be a superuser or BYPASSRLS role (FORCE'd RLS hides every row from a plain table owner).

export const TENANT_SLUG_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;

export class TenantConflictError extends Error {
  readonly field: 'slug' | 'allowedHosts';
  readonly value: string;
  constructor(field: 'slug' | 'allowedHosts', value: string, holder: string) {
    super(
      field === 'slug'
        ? `a tenant with slug "${value}" already exists`
        : `host "${value}" already belongs to tenant "${holder}"; a host can resolve to one tenant only`,
    );
    this.name = 'TenantConflictError';
    this.field = field;
    this.value = value;
  }
}

export type CreateTenantInput = {
  slug: string;
  nameJa: string;
  nameEn: string;
  publicOrigin: string;
  allowedHosts?: string[];
  config: TTenantConfig;
  /** Recorded with configuration version 1 (`tenant_config_versions.created_by`); default `operator`. */
  createdBy?: string;
};

export async function unsafeCreateTenant(owner: Database, input: CreateTenantInput): Promise<TenantRecord> {
  if (!TENANT_SLUG_PATTERN.test(input.slug)) {
    throw new Error(`tenant slug "${input.slug}" must match ${TENANT_SLUG_PATTERN} (lower-case letter first, 2-31 characters)`);
  }
  if (!input.nameJa.trim() || !input.nameEn.trim()) throw new Error('tenant names (ja and en) must not be empty');
  const publicOrigin = normaliseOrigin(input.publicOrigin);
  const allowedHosts = [...new Set((input.allowedHosts ?? []).map((h) => h.trim().toLowerCase()))];
  if (allowedHosts.some((h) => h === '' || /[\s/]/.test(h)))
    throw new Error('allowed hosts are bare host[:port] values, e.g. kaigo.example.jp');
  const config = ZTenantConfig.parse(input.config);

  return owner.db.transaction(async (tx) => {
    // Serialise tenant creation so the slug and host checks below cannot race each other.
    await tx.execute(sql`lock table ${tenants} in share row exclusive mode`);
    const existing = await tx.select({ slug: tenants.slug, allowedHosts: tenants.allowedHosts }).from(tenants);
    if (existing.some((t) => t.slug === input.slug)) throw new TenantConflictError('slug', input.slug, input.slug);
    for (const host of allowedHosts) {
      const holder = existing.find((t) => t.allowedHosts.some((h) => h.toLowerCase() === host));
      if (holder) throw new TenantConflictError('allowedHosts', host, holder.slug);
    }
    const [row] = await tx
      .insert(tenants)
      .values({ slug: input.slug, nameJa: input.nameJa, nameEn: input.nameEn, publicOrigin, allowedHosts, config })
      .returning();
    if (!row) throw new Error('unsafeCreateTenant: insert returned no row');
    // The first configuration is version 1 of the tenant's history (ADR 014).
    await tx
      .insert(tenantConfigVersions)
      .values({ tenantId: row.id, version: 1, config, createdBy: input.createdBy ?? 'operator', note: 'create-tenant' });
    return recordOf(row);
  });
}

export async function unsafeListTenants(owner: Database): Promise<TenantRecord[]> {
  const rows = await owner.db.select().from(tenants).orderBy(asc(tenants.slug));
  return rows.map(recordOf);
}

/** Operator lookup by slug on the owner handle (the app role uses unsafeFindTenantBySlug). */
export async function unsafeGetTenantBySlug(owner: Database, slug: string): Promise<TenantRecord | null> {
  const [row] = await owner.db.select().from(tenants).where(eq(tenants.slug, slug));
  return row ? recordOf(row) : null;
}

function recordOf(row: typeof tenants.$inferSelect): TenantRecord {
  return toTenantRecord({
    id: row.id,
    slug: row.slug,
    name_ja: row.nameJa,
    name_en: row.nameEn,
    public_origin: row.publicOrigin,
    allowed_hosts: row.allowedHosts,
    config: row.config,
  });
}

function normaliseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`public origin "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`public origin "${value}" must be http(s)`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`public origin "${value}" must not carry a query, fragment or credentials`);
  // A path is allowed: in development tenants live under a prefix, e.g. http://localhost:3000/t/kaigo.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
