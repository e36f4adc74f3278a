import { type Database, schema, type TenantRecord, unsafeGetTenantBySlug } from '@kyogikai/db';
import { describeConfigIssues, type TConsentDocumentKey, type TTenantConfigFile, ZTenantConfigFile } from '@kyogikai/domain';
import { desc, eq, max } from 'drizzle-orm';

/**
 * Operator-side configuration changes (owner connection, used by the CLI). Every change replaces
 * `tenants.config` and appends the new whole config to `tenant_config_versions` in one
 * transaction, so the history is complete and a past version can be read back exactly.
 */
export class TenantConfigFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration file is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TenantConfigFileError';
  }
}

export function tenantConfigFileOf(tenant: TenantRecord): TTenantConfigFile {
  return {
    format: 'kyogikai-tenant-config',
    slug: tenant.slug,
    nameJa: tenant.nameJa,
    nameEn: tenant.nameEn,
    publicOrigin: tenant.publicOrigin,
    allowedHosts: tenant.allowedHosts,
    config: tenant.config,
  };
}

/** Stable text for a config file: the same tenant always exports byte-identical JSON. */
export function serialiseTenantConfigFile(file: TTenantConfigFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function parseTenantConfigFile(text: string): TTenantConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TenantConfigFileError([`(file): not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const result = ZTenantConfigFile.safeParse(json);
  if (!result.success) throw new TenantConfigFileError(describeConfigIssues(result.error));
  return result.data;
}

async function requireTenant(owner: Database, slug: string): Promise<TenantRecord> {
  const tenant = await unsafeGetTenantBySlug(owner, slug);
  if (!tenant) throw new Error(`No tenant with slug "${slug}".`);
  return tenant;
}

async function saveVersion(
  owner: Database,
  tenant: TenantRecord,
  file: TTenantConfigFile,
  meta: { createdBy: string; note: string },
): Promise<number> {
  return owner.db.transaction(async (tx) => {
    // Lock the tenant row so two operators cannot both write version N+1.
    await tx.select({ id: schema.tenants.id }).from(schema.tenants).where(eq(schema.tenants.id, tenant.id)).for('update');
    const [latest] = await tx
      .select({ version: max(schema.tenantConfigVersions.version) })
      .from(schema.tenantConfigVersions)
      .where(eq(schema.tenantConfigVersions.tenantId, tenant.id));
    const version = (latest?.version ?? 0) + 1;
    await tx
      .update(schema.tenants)
      .set({
        nameJa: file.nameJa,
        nameEn: file.nameEn,
        publicOrigin: file.publicOrigin,
        allowedHosts: file.allowedHosts,
        config: file.config,
      })
      .where(eq(schema.tenants.id, tenant.id));
    await tx.insert(schema.tenantConfigVersions).values({
      tenantId: tenant.id,
      version,
      config: file.config,
      createdBy: meta.createdBy,
      note: meta.note,
    });
    return version;
  });
}

export async function unsafeExportTenantConfig(owner: Database, slug: string): Promise<string> {
  return serialiseTenantConfigFile(tenantConfigFileOf(await requireTenant(owner, slug)));
}

/** Validates the whole file first; a bad file changes nothing. Importing an unchanged file is a no-op. */
export async function unsafeImportTenantConfig(
  owner: Database,
  slug: string,
  text: string,
  meta: { createdBy: string; note?: string },
): Promise<{ version: number | null }> {
  const file = parseTenantConfigFile(text);
  if (file.slug !== slug) throw new TenantConfigFileError([`slug: the file is for "${file.slug}", not "${slug}"`]);
  const tenant = await requireTenant(owner, slug);
  if (serialiseTenantConfigFile(tenantConfigFileOf(tenant)) === serialiseTenantConfigFile(file)) return { version: null };
  return { version: await saveVersion(owner, tenant, file, { createdBy: meta.createdBy, note: meta.note ?? 'import-config' }) };
}

/**
 * Publishes a new version of one consent document (SPEC A3). Agreements record the version
 * agreed to, so a new text needs a new, different version label.
 */
export async function unsafePublishConsentDocument(
  owner: Database,
  slug: string,
  input: { key: TConsentDocumentKey; version: string; body: string; titleJa?: string; titleEn?: string },
  meta: { createdBy: string },
): Promise<{ version: number }> {
  const tenant = await requireTenant(owner, slug);
  const current = tenant.config.consentDocuments.find((doc) => doc.key === input.key);
  if (!current) throw new TenantConfigFileError([`consentDocuments: no document "${input.key}"`]);
  if (current.version === input.version) {
    throw new TenantConfigFileError([`version: "${input.version}" is already published for ${input.key}; choose a new version label`]);
  }
  const file = tenantConfigFileOf(tenant);
  file.config = {
    ...file.config,
    consentDocuments: file.config.consentDocuments.map((doc) =>
      doc.key === input.key
        ? { ...doc, version: input.version, body: input.body, titleJa: input.titleJa ?? doc.titleJa, titleEn: input.titleEn ?? doc.titleEn }
        : doc,
    ),
  };
  const checked = ZTenantConfigFile.safeParse(file);
  if (!checked.success) throw new TenantConfigFileError(describeConfigIssues(checked.error));
  const version = await saveVersion(owner, tenant, checked.data, {
    createdBy: meta.createdBy,
    note: `publish ${input.key} ${input.version}`,
  });
  return { version };
}

export async function unsafeTenantConfigHistory(owner: Database, slug: string) {
  const tenant = await requireTenant(owner, slug);
  return owner.db
    .select({
      version: schema.tenantConfigVersions.version,
      createdAt: schema.tenantConfigVersions.createdAt,
      createdBy: schema.tenantConfigVersions.createdBy,
      note: schema.tenantConfigVersions.note,
    })
    .from(schema.tenantConfigVersions)
    .where(eq(schema.tenantConfigVersions.tenantId, tenant.id))
    .orderBy(desc(schema.tenantConfigVersions.version));
}
