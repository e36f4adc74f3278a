import { Notice } from '@kyogikai/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { PortalOutputs } from '../../lib/trpc';
import { useCurrentUser } from './use-session';

export type TSignedInUser = NonNullable<PortalOutputs['session']['me']>['user'];

/** Renders its children for a signed-in user; otherwise the sign-in page (or a loading line). */
export function RequireSignedIn({ children }: { children: (user: TSignedInUser) => ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (me.isError) return <Notice>{t('common.network')}</Notice>;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  return <>{children(me.data.user)}</>;
}

/** The loading line every signed-in page shows while its data arrives. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="k-loading" role="status">
      {t('layout.loading')}
    </p>
  );
}
