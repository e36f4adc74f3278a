import { Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../features/session/require-signed-in';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

/**
 * The council's public member directory (SPEC G8): no session. Members that agreed to be listed,
 * with exactly what they agreed to publish (corporation name, prefecture, membership number), in
 * kana order, 50 a page (?page=N keeps a page linkable).
 */
export function MemberDirectoryPage() {
  const { t } = useTranslation();
  const council = useTenantName();
  useDocumentTitle(t('memberDirectory.title'), council);
  const [searchParams] = useSearchParams();
  const requested = Number.parseInt(searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(requested) && requested >= 1 ? requested : 1;
  const directory = trpc.directory.list.useQuery({ page }, { retry: false });
  const data = directory.data;

  return (
    <>
      <PageHeading>{t('memberDirectory.title')}</PageHeading>
      <p className="k-lead">{t('memberDirectory.lead', { council: council ?? '' })}</p>
      {directory.isPending ? <Loading /> : null}
      {directory.isError ? <Notice>{t('common.network')}</Notice> : null}
      {data && data.total === 0 ? <Notice>{t('memberDirectory.empty')}</Notice> : null}
      {data && data.total > 0 ? (
        <>
          <div className="k-table-wrap">
            <table className="k-table">
              <caption>{t('memberDirectory.caption', { total: data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('memberDirectory.corporateName')}</th>
                  <th scope="col">{t('memberDirectory.prefecture')}</th>
                  <th scope="col">{t('memberDirectory.membershipNumber')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((entry) => (
                  <tr key={entry.membershipNumber}>
                    <th scope="row" lang="ja">
                      {entry.corporateName}
                    </th>
                    <td lang="ja">{entry.prefecture}</td>
                    <td>{entry.membershipNumber}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.pageCount > 1 ? (
            <nav aria-label={t('memberDirectory.pagination')} className="k-section-gap">
              <ul className="k-link-list">
                {data.page > 1 ? (
                  <li>
                    <Link to={`/members?page=${data.page - 1}`}>{t('memberDirectory.previous')}</Link>
                  </li>
                ) : null}
                <li aria-current="page">{t('memberDirectory.pageStatus', { page: data.page, pageCount: data.pageCount })}</li>
                {data.page < data.pageCount ? (
                  <li>
                    <Link to={`/members?page=${data.page + 1}`}>{t('memberDirectory.next')}</Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
