import { formatDateTime } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import type { TReview } from './review-types';

/** 経過: the application's status changes from the audit log, with who and, for a return or rejection, what was said. */
export function Timeline({ review }: { review: TReview }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="k-card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="k-card__title">
        {t('reviewPage.timelineHeading')}
      </h2>
      <ol className="k-plain-list">
        {review.timeline.map((entry) => (
          <li key={`${entry.action}-${entry.at.toISOString()}`} className="k-section-gap">
            <strong>{t(`reviewPage.timelineActions.${entry.action.replace('.', '_')}`, { defaultValue: entry.action })}</strong>
            {` — ${formatDateTime(entry.at, i18n.language)}、${entry.actorName ?? t('reviewPage.timelineSystem')}`}
            {entry.membershipNumber ? `（${t('reviewPage.membershipNumber')} ${entry.membershipNumber}）` : null}
            {entry.message || entry.reason ? (
              <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0.25rem 0 0' }}>{entry.message ?? entry.reason}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
