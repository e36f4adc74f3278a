import { publicProcedure } from '../../init';
import { ZGetTenantOutput } from './get-tenant.schema';

export const getTenant = publicProcedure.output(ZGetTenantOutput).query(({ ctx }) => {
  const { tenant } = ctx;
  return {
    slug: tenant.slug,
    nameJa: tenant.nameJa,
    nameEn: tenant.nameEn,
    issuer: tenant.config.issuer,
    secretariat: tenant.config.secretariatContact,
    corporateNumberRequired: tenant.config.corporateNumberRequired,
    links: { portal: ctx.tenantUrl('/'), admin: ctx.tenantUrl('/admin/') },
  };
});
