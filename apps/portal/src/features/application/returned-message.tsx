import { formatDateTime } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';

/**
 * SPEC C1: while the application is returned for correction, what the secretariat asked to fix,
 * as they wrote it (also mailed), and how to hand it in again.
 */
export function ReturnedMessage() {
  const { t, i18n } = useTranslation();
  const status = trpc.application.status.useQuery(undefined, { refetchOnMount: 'always' });
  const application = status.data;
  if (application?.state !== 'returned' || !application.returnedMessage) return null;
  return (
    <section className="k-notice" aria-labelledby="returned-message-heading">
      <h3 id="returned-message-heading" className="k-subheading">
        {t('myPage.returnedMessageHeading')}
      </h3>
      {application.returnedAt ? <p className="k-hint">{formatDateTime(application.returnedAt, i18n.language)}</p> : null}
      <p lang="ja" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {application.returnedMessage}
      </p>
      <p>{t('myPage.returnedHowToResubmit')}</p>
    </section>
  );
}

/** SPEC C3: after a rejection, the reason the council gave (also mailed). */
export function RejectionReason() {
  const { t, i18n } = useTranslation();
  const status = trpc.application.status.useQuery(undefined, { refetchOnMount: 'always' });
  const application = status.data;
  if (application?.state !== 'rejected' || !application.decisionReason) return null;
  return (
    <section className="k-notice" aria-labelledby="rejection-heading">
      <h3 id="rejection-heading" className="k-subheading">
        {t('myPage.rejectedHeading')}
      </h3>
      {application.decidedAt ? <p className="k-hint">{formatDateTime(application.decidedAt, i18n.language)}</p> : null}
      <p lang="ja" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {application.decisionReason}
      </p>
    </section>
  );
}
