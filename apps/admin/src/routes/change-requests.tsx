import { formatDateTime, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

const STAFF_ROLES = new Set(['secretariat', 'ministry', 'tenant_admin']);

/**
 * 変更申請一覧 (SPEC D1-D6, G1): members' change requests waiting for staff, oldest first — the
 * secretariat's review, and for the ministry the certificate items forwarded to it. Each row opens
 * the request with its changes before/after.
 */
export function ChangeRequestsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('changeRequestsPage.title'), useTenantName());
  const role = me.data?.user.role ?? '';
  const list = trpc.changeRequests.list.useQuery(undefined, { enabled: STAFF_ROLES.has(role), refetchOnMount: 'always' });

  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!STAFF_ROLES.has(role)) return <Notice>{t('common.forbidden')}</Notice>;

  return (
    <>
      <PageHeading>{t('changeRequestsPage.title')}</PageHeading>
      <p>
        <Link to="/">{t('staffPage.backToDashboard')}</Link>
      </p>
      <p className="k-lead">{role === 'ministry' ? t('changeRequestsPage.leadMinistry') : t('changeRequestsPage.lead')}</p>
      {list.isPending ? (
        <p role="status">{t('layout.loading')}</p>
      ) : list.isError ? (
        <Notice>{t('common.network')}</Notice>
      ) : list.data.length === 0 ? (
        <p className="k-card">{t('changeRequestsPage.none')}</p>
      ) : (
        <div className="k-table-wrap">
          <table className="k-table">
            <caption>{t('changeRequestsPage.caption', { count: list.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changeRequestsPage.corporateName')}</th>
                <th scope="col">{t('changeRequestsPage.membershipNumber')}</th>
                <th scope="col">{t('changeRequestsPage.state')}</th>
                <th scope="col">{t('changeRequestsPage.kinds')}</th>
                <th scope="col">{t('changeRequestsPage.submittedAt')}</th>
                <th scope="col">{t('changeRequestsPage.submittedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/change-requests/${row.id}`}>{row.corporateName}</Link>
                  </th>
                  <td>{row.membershipNumber}</td>
                  <td>{t(`changeRequestsPage.states.${row.state}`)}</td>
                  <td>{row.kinds.map((kind) => t(`changeRequestsPage.kindNames.${kind}`)).join('、')}</td>
                  <td>{row.submittedAt ? formatDateTime(row.submittedAt, i18n.language) : '—'}</td>
                  <td>{row.submittedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
