import { formatDate } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminOutputs } from '../../lib/trpc';

type QueueRow = AdminOutputs['applications']['list']['rows'][number];

/** The queue's rows: each opens the application's detail page; days over target carry a word, not only a colour. */
export function QueueTable({ rows, caption }: { rows: readonly QueueRow[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="k-table-wrap">
      <table className="k-admin-table k-queue-table">
        <caption className="k-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.referenceNumber')}</th>
            <th scope="col">{t('queue.corporation')}</th>
            <th scope="col">{t('queue.corporateNumber')}</th>
            <th scope="col">{t('queue.state')}</th>
            <th scope="col">{t('queue.waitingSince')}</th>
            <th scope="col">{t('queue.daysWaiting')}</th>
            <th scope="col">{t('queue.workers')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/applications/${row.id}`}>{row.referenceNumber ?? t('queue.noReference')}</Link>
              </td>
              <td>
                {/* Names are the applicant's data, in Japanese whatever the interface language. */}
                <span lang="ja">{row.corporateName}</span>
                {row.corporateNameKana ? (
                  <span className="k-queue-kana" lang="ja">
                    {row.corporateNameKana}
                  </span>
                ) : null}
              </td>
              <td>{row.corporateNumber ?? ''}</td>
              <td>
                {t(`queue.states.${row.state}`)}
                {row.withdrawnAt ? (
                  <span className="k-table__sub">{t('queue.withdrawnOn', { date: formatDate(row.withdrawnAt, i18n.language) })}</span>
                ) : null}
              </td>
              <td>{formatDate(row.waitingSince, i18n.language)}</td>
              <td className="k-queue-days">
                {row.workingDaysWaiting === null ? (
                  t('queue.notWaiting')
                ) : (
                  <>
                    {t('queue.days', { count: row.workingDaysWaiting })}
                    {row.isOverTarget ? <strong className="k-queue-over">{t('queue.overTarget')}</strong> : null}
                  </>
                )}
              </td>
              <td>{row.workerCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
