import { Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { useTenantName } from '../lib/use-tenant';

/** SPEC B1: 「マイページ」 is what a member sees after signing in. */
export function MyPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('myPage.title'), useTenantName());

  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (me.isError) return <Notice>{t('common.network')}</Notice>;
  if (!me.data) return <Navigate to="/sign-in" replace />;

  const { user } = me.data;
  return (
    <>
      <PageHeading>{t('myPage.title')}</PageHeading>
      <p className="k-lead">{t('myPage.welcome', { name: user.displayName })}</p>
      <section className="k-card" aria-labelledby="account-heading">
        <h2 id="account-heading" className="k-card__title">
          {t('myPage.accountHeading')}
        </h2>
        <dl className="k-summary-list">
          <dt>{t('myPage.displayName')}</dt>
          <dd>{user.displayName}</dd>
          {user.loginId ? (
            <>
              <dt>{t('myPage.loginId')}</dt>
              <dd>{user.loginId}</dd>
            </>
          ) : null}
          <dt>{t('myPage.email')}</dt>
          <dd>{user.email}</dd>
        </dl>
      </section>
      <section className="k-card" aria-labelledby="idle-notice-heading">
        <h2 id="idle-notice-heading" className="k-card__title">
          {t('myPage.idleNoticeTitle')}
        </h2>
        <p>{t('myPage.idleNotice')}</p>
      </section>
    </>
  );
}
