import { Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ApplicationStats } from '../features/queue/application-stats';
import { useCurrentUser } from '../features/session/use-session';
import { useTenantName } from '../lib/use-tenant';

/** The staff console's start page: who is signed in, in which role, for which council. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tenantName = useTenantName();
  useDocumentTitle(t('dashboard.title'), tenantName);

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
  // The queue and its figures are for the staff who handle applications (issue 6).
  const isQueueRole = user.role === 'secretariat' || user.role === 'ministry';
  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <p className="k-lead">{t('dashboard.welcome', { name: user.displayName })}</p>
      <section className="k-card" aria-labelledby="account-heading">
        <h2 id="account-heading" className="k-card__title">
          {t('dashboard.accountHeading')}
        </h2>
        <dl className="k-summary-list">
          <dt>{t('dashboard.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('dashboard.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          <dt>{t('dashboard.tenant')}</dt>
          <dd>{tenantName}</dd>
          <dt>{t('dashboard.email')}</dt>
          <dd>{user.email}</dd>
        </dl>
      </section>
      {isQueueRole || user.role === 'tenant_admin' ? (
        <nav className="k-card" aria-labelledby="dashboard-nav-heading">
          <h2 id="dashboard-nav-heading" className="k-card__title">
            {t('dashboard.menuHeading')}
          </h2>
          <ul>
            {isQueueRole ? (
              <li>
                <Link to="/applications">{t('queue.menuLink')}</Link>
              </li>
            ) : null}
            <li>
              <Link to="/change-requests">{t('changeRequestsPage.menuLink')}</Link>
            </li>
            {user.role === 'secretariat' || user.role === 'tenant_admin' ? (
              <>
                <li>
                  <Link to="/staff">{t('staffPage.title')}</Link>
                </li>
                <li>
                  <Link to="/reissue-requests">{t('reissuePage.title')}</Link>
                </li>
                <li>
                  <Link to="/failed-mail">{t('failedMailPage.menuLink')}</Link>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      ) : null}
      {isQueueRole ? <ApplicationStats /> : null}
    </>
  );
}
