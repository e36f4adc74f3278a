import { APPLICATION_QUEUE_STATES } from '@kyogikai/domain';
import { Notice, formatDate } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import { BarChart } from './bar-chart';
import './queue.css';

/** The dashboard's figures (issue 6 item 9): by status, received per week, time to decision vs target. */
export function ApplicationStats() {
  const { t, i18n } = useTranslation();
  const stats = trpc.applications.stats.useQuery();
  if (stats.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (stats.isError) return <Notice>{t('common.network')}</Notice>;
  const { byState, receivedPerWeek, decisionTime } = stats.data;
  const days = (value: number | null) => (value === null ? '—' : t('stats.workingDays', { count: value }));
  return (
    <section className="k-card" aria-labelledby="stats-heading">
      <h2 id="stats-heading" className="k-card__title">
        {t('stats.heading')}
      </h2>
      <h3>{t('stats.byStateHeading')}</h3>
      <BarChart
        description={t('stats.byStateDescription')}
        labelHeading={t('queue.state')}
        items={APPLICATION_QUEUE_STATES.map((state) => ({ label: t(`queue.states.${state}`), value: byState[state] }))}
      />
      <h3>{t('stats.perWeekHeading')}</h3>
      <BarChart
        description={t('stats.perWeekDescription')}
        labelHeading={t('stats.week')}
        items={receivedPerWeek.map((week) => ({
          label: t('stats.weekOf', { date: formatDate(new Date(`${week.weekStart}T00:00:00+09:00`), i18n.language) }),
          value: week.count,
        }))}
      />
      <h3>{t('stats.decisionHeading')}</h3>
      {decisionTime.decided === 0 ? (
        <p>{t('stats.noDecisions')}</p>
      ) : (
        <>
          <p>{t('stats.decisionLead', { decided: decisionTime.decided })}</p>
          <dl className="k-stat-figures">
            <div>
              <dt>{t('stats.median')}</dt>
              <dd>{days(decisionTime.medianWorkingDays)}</dd>
            </div>
            <div>
              <dt>{t('stats.p90')}</dt>
              <dd>{days(decisionTime.p90WorkingDays)}</dd>
            </div>
            <div>
              <dt>{t('stats.target')}</dt>
              <dd>{days(decisionTime.targetWorkingDays)}</dd>
            </div>
            <div>
              <dt>{t('stats.overTarget')}</dt>
              <dd>{decisionTime.overTarget}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
