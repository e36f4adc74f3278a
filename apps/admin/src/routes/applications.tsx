import { Notice, PageHeading, TextField, useDocumentTitle } from '@kyogikai/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { apiState, QUEUE_TABS, queueSearch, type TQueueTab, useQueueFilter } from '../features/queue/queue-filter';
import { QueueTable } from '../features/queue/queue-table';
import { useCurrentUser } from '../features/session/use-session';
import { appLocation } from '../lib/platform';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';
import '../features/queue/queue.css';

const PAGE_SIZE = 50;

/**
 * 申請一覧 (SPEC G1, C2; issue 6 item 1): the tenant's submitted applications per status with
 * counts, oldest waiting first, with working days waiting and a worded mark on those over the
 * review target; search, keyset paging and the CSV export of exactly what is listed.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tenantName = useTenantName();
  useDocumentTitle(t('queue.title'), tenantName);
  const { tab, q, setParams } = useQueueFilter();
  const [draft, setDraft] = useState(q);
  // Cursors of the pages before the current one (keyset paging has no page numbers), for this filter only.
  const filterKey = `${tab}\u0000${q}`;
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const setCursors = (update: (stack: string[]) => string[]) => setPaging({ key: filterKey, cursors: update(cursors) });
  const role = me.data?.user.role;
  const canSee = role === 'secretariat' || role === 'ministry';
  const counts = trpc.applications.counts.useQuery(undefined, { enabled: canSee });
  const cursor = cursors[cursors.length - 1];
  const list = trpc.applications.list.useQuery(
    { state: apiState(tab), q: q || undefined, cursor, pageSize: PAGE_SIZE },
    { enabled: canSee, placeholderData: (previous) => previous },
  );

  useEffect(() => setDraft(q), [q]);

  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!canSee) return <Notice>{t('common.forbidden')}</Notice>;

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(queueSearch(tab, draft.trim()));
    setParams(next);
  };
  const tabLabel = (value: TQueueTab) =>
    value === 'open' ? t('queue.filterOpen') : value === 'all' ? t('queue.filterAll') : t(`queue.states.${value}`);
  const tabCount = (value: TQueueTab) => {
    if (!counts.data) return null;
    if (value === 'open') return counts.data.open;
    if (value === 'all') return counts.data.all;
    return counts.data.byState[value];
  };
  const exportHref = `${appLocation.prefix}/api/admin/export/applications.csv${queueSearch(tab, q)}`;
  const from = cursors.length * PAGE_SIZE + 1;

  return (
    <>
      <PageHeading>{t('queue.title')}</PageHeading>
      <p>
        <Link to="/">{t('staffPage.backToDashboard')}</Link>
      </p>
      <p className="k-lead">{t('queue.lead')}</p>
      <nav aria-label={t('queue.stateNavLabel')}>
        <ul className="k-queue-tabs">
          {QUEUE_TABS.map((value) => {
            const count = tabCount(value);
            return (
              <li key={value}>
                <Link to={`/applications${queueSearch(value, q)}`} aria-current={value === tab ? 'page' : undefined}>
                  {tabLabel(value)}
                  {count === null ? null : ` (${t('queue.countSuffix', { count })})`}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <search>
        <form className="k-queue-search" onSubmit={onSearch}>
          <TextField
            id="queue-search"
            name="q"
            type="search"
            label={t('queue.searchLabel')}
            hint={t('queue.searchHint')}
            value={draft}
            onValueChange={setDraft}
            autoComplete="off"
            spellCheck={false}
          />
          <div className="k-button-row k-button-row--tight">
            <button type="submit" className="k-button">
              {t('queue.searchButton')}
            </button>
            {q ? (
              <Link className="k-button k-button--secondary" to={`/applications${queueSearch(tab, '')}`}>
                {t('queue.clearSearch')}
              </Link>
            ) : null}
          </div>
        </form>
      </search>
      <section aria-labelledby="queue-results-heading">
        <h2 id="queue-results-heading" className="k-subheading">
          {q ? t('queue.searchedFor', { q }) : tabLabel(tab)}
        </h2>
        {list.isPending ? (
          <p role="status">{t('layout.loading')}</p>
        ) : list.isError ? (
          <Notice>{t('common.network')}</Notice>
        ) : (
          <>
            <p role="status">
              {list.data.total === 0
                ? t('queue.resultSummaryEmpty')
                : t('queue.resultSummary', { total: list.data.total, from, to: from + list.data.rows.length - 1 })}
            </p>
            {list.data.rows.length > 0 ? (
              <>
                <QueueTable
                  rows={list.data.rows}
                  caption={t('queue.tableCaption', { filter: q ? t('queue.searchedFor', { q }) : tabLabel(tab) })}
                />
                <p className="k-hint">{t('queue.overTargetNote', { target: list.data.reviewTargetWorkingDays })}</p>
              </>
            ) : null}
            {cursors.length > 0 || list.data.nextCursor ? (
              <nav aria-label={t('queue.pagerLabel')} className="k-pager">
                {cursors.length > 0 ? (
                  <>
                    <button type="button" className="k-button k-button--secondary" onClick={() => setCursors(() => [])}>
                      {t('queue.firstPage')}
                    </button>
                    <button
                      type="button"
                      className="k-button k-button--secondary"
                      onClick={() => setCursors((stack) => stack.slice(0, -1))}
                    >
                      {t('queue.previousPage', { count: PAGE_SIZE })}
                    </button>
                  </>
                ) : null}
                {list.data.nextCursor ? (
                  <button
                    type="button"
                    className="k-button k-button--secondary"
                    onClick={() => {
                      const next = list.data.nextCursor;
                      if (next) setCursors((stack) => [...stack, next]);
                    }}
                  >
                    {t('queue.nextPage', { count: PAGE_SIZE })}
                  </button>
                ) : null}
              </nav>
            ) : null}
            <p>
              <a href={exportHref} download>
                {t('queue.exportCsv')}
              </a>
              <span className="k-hint"> {t('queue.exportHint')}</span>
            </p>
          </>
        )}
      </section>
    </>
  );
}
