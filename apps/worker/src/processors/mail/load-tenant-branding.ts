import { type Database, withTenant } from '@kyogikai/db';
import { ZTenantConfig } from '@kyogikai/domain';
import type { TEmailBranding } from '@kyogikai/email';
import { PermanentJobError } from '@kyogikai/jobs';

/**
 * Loads a tenant's email branding inside that tenant's transaction (the query names the tenant,
 * and row-level security shows the app role no other row). The stored config is validated on the
 * way out, like every other read of it.
 */
export function createTenantBrandingLoader(database: Database): (tenantId: string) => Promise<TEmailBranding> {
  return async (tenantId) => {
    const tenant = await withTenant(database, tenantId, (tx) =>
      tx.query.tenants.findFirst({
        where: (tenants, { eq }) => eq(tenants.id, tenantId),
        columns: { slug: true, nameJa: true, nameEn: true, publicOrigin: true, config: true },
      }),
    );
    if (!tenant) throw new PermanentJobError(`tenant ${tenantId} not found`);
    const config = ZTenantConfig.safeParse(tenant.config);
    if (!config.success) {
      throw new PermanentJobError(`tenant "${tenant.slug}" has an invalid config; its mail cannot be sent`, {
        cause: config.error,
      });
    }
    const { mailSender, secretariatContact } = config.data;
    return {
      tenantName: { ja: tenant.nameJa, en: tenant.nameEn },
      publicOrigin: tenant.publicOrigin,
      mailSender: { name: mailSender.name, address: mailSender.address },
      secretariatContact: {
        name: secretariatContact.name,
        email: secretariatContact.email,
        phone: secretariatContact.phone,
        hours: secretariatContact.hours,
      },
    };
  };
}
