import { type TTenantConfig, ZTenantConfig } from '@kyogikai/domain';

/** The public face of a tenant: what routing, branding and emails need. */
export type TenantRecord = {
  id: string;
  slug: string;
  nameJa: string;
  nameEn: string;
  publicOrigin: string;
  allowedHosts: string[];
  config: TTenantConfig;
};

export type TenantRow = {
  id: string;
  slug: string;
  name_ja: string;
  name_en: string;
  public_origin: string;
  allowed_hosts: string[];
  config: unknown;
};

/** Validates the stored config on the way out: a tenant with a broken config must not serve pages. */
export function toTenantRecord(row: TenantRow): TenantRecord {
  const config = ZTenantConfig.safeParse(row.config);
  if (!config.success) {
    throw new Error(
      `tenant "${row.slug}" has an invalid config: ${config.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return {
    id: row.id,
    slug: row.slug,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    publicOrigin: row.public_origin,
    allowedHosts: row.allowed_hosts,
    config: config.data,
  };
}
