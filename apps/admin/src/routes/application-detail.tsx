import { findCountry, formatAddress, ORGANISATION_TEXT_FIELDS } from '@kyogikai/domain';
import { apiErrorKey, formatDate, formatDateTime, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ChangesPanel } from '../features/review/changes-panel';
import { customFieldValues } from '../features/review/custom-field-values';
import { DecisionPanel } from '../features/review/decision-panel';
import { DocumentList } from '../features/review/document-list';
import { NotesPanel } from '../features/review/notes-panel';
import type { TReview } from '../features/review/review-types';
import { showValue } from '../features/review/show-value';
import { Timeline } from '../features/review/timeline';
import { useCurrentUser } from '../features/session/use-session';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

const ORGANISATION_FIELDS = [...ORGANISATION_TEXT_FIELDS, 'directoryOptIn'] as const;

/**
 * One application for its reviewers (issue 6 items 2-3; SPEC C1-C3): status and the decisions the
 * staff member may take, what changed since a return, the corporation, establishments, every worker
 * with every document (PDF preview, download, check), the certificate, the history and internal notes.
 */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { applicationId = '' } = useParams();
  const role = me.data?.user.role;
  const canReview = role === 'secretariat' || role === 'ministry';
  const review = trpc.review.get.useQuery({ applicationId }, { enabled: canReview && applicationId !== '' });
  const [done, setDone] = useState<string | null>(null);
  useDocumentTitle(review.data?.organisation.corporateName ?? t('reviewPage.title'), useTenantName());

  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!canReview) return <Notice>{t('common.forbidden')}</Notice>;
  if (review.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (review.isError) return <Notice>{t(apiErrorKey(review.error) ?? 'common.network')}</Notice>;
  return <ReviewBody review={review.data} done={done} onDecided={setDone} />;
}

function ReviewBody({ review, done, onDecided }: { review: TReview; done: string | null; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const { application, organisation } = review;
  const name = organisation.corporateName ?? t('reviewPage.unnamed');
  const at = (date: Date | null) => (date ? formatDateTime(date, i18n.language) : null);
  const establishmentName = (id: string) => review.establishments.find((establishment) => establishment.id === id)?.name ?? id;
  const country = (code: string) => {
    const found = findCountry(code);
    return found ? (i18n.language === 'en' ? found.en : found.ja) : code;
  };
  const statusRows: [string, string | null][] = [
    [t('reviewPage.state'), t(`reviewPage.states.${application.state}`)],
    [t('reviewPage.referenceNumber'), application.referenceNumber],
    [t('reviewPage.submittedAt'), at(application.submittedAt)],
    [t('reviewPage.returnedAt'), at(application.returnedAt)],
    [t('reviewPage.resubmittedAt'), at(application.resubmittedAt)],
    [t('reviewPage.forwardedAt'), at(application.forwardedAt)],
    [t('reviewPage.decidedAt'), at(application.decidedAt)],
    [t('reviewPage.decisionReason'), application.decisionReason],
    [t('reviewPage.membershipNumber'), organisation.membershipNumber],
    [
      t('reviewPage.membershipState'),
      organisation.membershipState === 'withdrawn' && organisation.withdrawnAt
        ? t('reviewPage.withdrawnOn', { date: at(organisation.withdrawnAt) })
        : t(`reviewPage.membershipStates.${organisation.membershipState}`),
    ],
    [
      t('reviewPage.retentionUntil'),
      organisation.retentionUntil ? formatDate(new Date(`${organisation.retentionUntil}T00:00:00+09:00`), i18n.language) : null,
    ],
  ];

  return (
    <>
      <PageHeading>
        {application.referenceNumber ? t('reviewPage.headingWithNumber', { name, number: application.referenceNumber }) : name}
      </PageHeading>
      <p>
        <Link to="/applications">{t('reviewPage.backToQueue')}</Link>
      </p>
      {done ? (
        <Notice tone="success">
          <span role="status">{done}</span>
        </Notice>
      ) : null}

      <section className="k-card" aria-labelledby="status-heading">
        <h2 id="status-heading" className="k-card__title">
          {t('reviewPage.statusHeading')}
        </h2>
        <dl className="k-summary-list">
          {statusRows
            .filter(([, value]) => value !== null)
            .map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</dd>
              </div>
            ))}
        </dl>
        {application.returnedMessage ? (
          <>
            <h3 className="k-subheading">{t('reviewPage.returnedMessageHeading')}</h3>
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{application.returnedMessage}</p>
          </>
        ) : null}
      </section>

      <DecisionPanel review={review} onDecided={onDecided} />
      {review.changesSinceReturn ? <ChangesPanel changes={review.changesSinceReturn} review={review} /> : null}

      <section className="k-card" aria-labelledby="organisation-heading">
        <h2 id="organisation-heading" className="k-card__title">
          {t('reviewPage.organisationHeading')}
        </h2>
        <dl className="k-summary-list">
          {ORGANISATION_FIELDS.map((field) => (
            <div key={field} style={{ display: 'contents' }}>
              <dt>{t(`reviewPage.fields.${field}`)}</dt>
              <dd style={{ overflowWrap: 'anywhere' }}>{showValue(organisation[field], t)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="k-card" aria-labelledby="establishments-heading">
        <h2 id="establishments-heading" className="k-card__title">
          {t('reviewPage.establishmentsHeading')}
        </h2>
        <div className="k-table-wrap">
          <table className="k-table">
            <thead>
              <tr>
                <th scope="col">{t('reviewPage.establishmentName')}</th>
                <th scope="col">{t('reviewPage.establishmentAddress')}</th>
                <th scope="col">{t('reviewPage.establishmentPhone')}</th>
              </tr>
            </thead>
            <tbody>
              {review.establishments.map((establishment) => (
                <tr key={establishment.id}>
                  <th scope="row">{establishment.name}</th>
                  <td>
                    {formatAddress(establishment)}
                    {customFieldValues(establishment.extra, review.customFields.establishment, i18n.language).map((field) => (
                      <span
                        key={field.key}
                        className="k-hint"
                        style={{ display: 'block' }}
                      >{`${field.label}: ${showValue(field.value, t)}`}</span>
                    ))}
                  </td>
                  <td>{establishment.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {review.otherDocuments.length > 0 ? (
          <>
            <h3 className="k-subheading">{t('reviewPage.otherDocumentsHeading')}</h3>
            <DocumentList applicationId={application.id} documents={review.otherDocuments} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="workers-heading">
        <h2 id="workers-heading">{t('reviewPage.workersHeading', { count: review.workers.length })}</h2>
        {review.workers.map((worker) => (
          <article key={worker.id} className="k-card" aria-labelledby={`worker-${worker.id}-name`}>
            <h3 id={`worker-${worker.id}-name`} className="k-card__title">
              {worker.nameLatin}
            </h3>
            <dl className="k-summary-list">
              <dt>{t('reviewPage.fields.nameKana')}</dt>
              <dd>{showValue(worker.nameKana, t)}</dd>
              <dt>{t('reviewPage.fields.nationality')}</dt>
              <dd>{country(worker.nationality)}</dd>
              <dt>{t('reviewPage.workerEstablishments')}</dt>
              <dd>{showValue(worker.establishmentIds.map(establishmentName), t)}</dd>
              {customFieldValues(worker.extra, review.customFields.worker, i18n.language).map((field) => (
                <div key={field.key} style={{ display: 'contents' }}>
                  <dt>{field.label}</dt>
                  <dd>{showValue(field.value, t)}</dd>
                </div>
              ))}
            </dl>
            <h4 className="k-subheading">{t('reviewPage.documentsHeading')}</h4>
            <DocumentList applicationId={application.id} documents={worker.documents} />
          </article>
        ))}
      </section>

      <section className="k-card" aria-labelledby="certificate-heading">
        <h2 id="certificate-heading" className="k-card__title">
          {t('reviewPage.certificateHeading')}
        </h2>
        {review.certificate ? (
          <>
            <p>
              {t('reviewPage.certificateState', {
                number: review.certificate.issueNumber,
                state: t(`reviewPage.certificateStates.${review.certificate.state}`),
              })}
              {` — ${formatDateTime(review.certificate.issuedAt, i18n.language)}`}
            </p>
            {review.certificate.failureReason ? (
              <Notice>{t('reviewPage.certificateFailed', { reason: review.certificate.failureReason })}</Notice>
            ) : !review.certificate.isGenerated ? (
              <p className="k-hint">{t('reviewPage.certificatePreparing')}</p>
            ) : null}
          </>
        ) : (
          <p>{t('reviewPage.certificateNone')}</p>
        )}
      </section>

      <Timeline review={review} />
      <NotesPanel review={review} />
    </>
  );
}
