import { tenantDisplayName } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { trpc } from './trpc';

/** The council this portal belongs to (public; cached for the page's life). */
export function useTenant() {
  return trpc.tenant.get.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
}

export function useTenantName(): string | undefined {
  const { i18n } = useTranslation();
  const tenant = useTenant();
  return tenant.data ? tenantDisplayName(tenant.data, i18n.language) : undefined;
}
