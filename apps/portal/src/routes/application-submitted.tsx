import { formatDateTime, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { trpc } from '../lib/trpc';
import { useTenant, useTenantName } from '../lib/use-tenant';

/** What the check page hands over after a successful submit. */
export interface TSubmittedState {
  referenceNumber: string;
  submittedAt: Date;
}

/** SPEC B5/C2: the application was received: its 受付番号 and what happens next. */
export function ApplicationSubmittedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('submitted.title'), useTenantName());
  return <RequireSignedIn>{() => <SubmittedContent />}</RequireSignedIn>;
}

function SubmittedContent() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [handedOver] = useState(() => location.state as TSubmittedState | null);
  const myPage = trpc.mypage.get.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  const tenant = useTenant();

  if (myPage.isPending && !handedOver) {
    return (
      <>
        <PageHeading>{t('submitted.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  const application = myPage.data?.application;
  const referenceNumber = application?.referenceNumber ?? handedOver?.referenceNumber ?? null;
  const submittedAt = application?.submittedAt ?? handedOver?.submittedAt ?? null;
  // Nothing submitted (e.g. opened by its address): マイページ says where things stand.
  if (!referenceNumber) return myPage.isPending ? <Loading /> : <Navigate to="/" replace />;

  const issuer = tenant.data ? (i18n.language === 'en' ? tenant.data.issuer.en : tenant.data.issuer.ja) : '';
  const days = myPage.data?.reviewTargetWorkingDays;
  const secretariat = myPage.data?.secretariat ?? tenant.data?.secretariat;
  return (
    <>
      <PageHeading>{t('submitted.title')}</PageHeading>
      <div className="k-panel-confirmation">
        <p className="k-panel-confirmation__title">{t('submitted.received')}</p>
        <p className="k-panel-confirmation__label">{t('myPage.referenceNumberLabel')}</p>
        <p className="k-panel-confirmation__number">{referenceNumber}</p>
        {submittedAt ? <p>{t('submitted.submittedAt', { time: formatDateTime(submittedAt, i18n.language) })}</p> : null}
      </div>
      <p>{t('submitted.mailSent')}</p>
      <p>{t('submitted.keepNumber')}</p>

      <section className="k-card" aria-labelledby="next-steps-heading">
        <h2 id="next-steps-heading" className="k-card__title">
          {t('submitted.nextHeading')}
        </h2>
        <ol className="k-numbered">
          <li>{days ? t('submitted.nextReview', { days }) : t('submitted.nextReview_noParams')}</li>
          <li>{t('submitted.nextCorrections')}</li>
          <li>{issuer ? t('submitted.nextCertificate', { issuer }) : t('submitted.nextCertificate_noParams')}</li>
        </ol>
      </section>

      <Notice>{t('submitted.locked')}</Notice>
      {secretariat ? (
        <section className="k-card" aria-labelledby="contact-heading">
          <h2 id="contact-heading" className="k-card__title">
            {t('myPage.secretariatHeading')}
          </h2>
          <dl className="k-summary-list">
            <dt>{t('myPage.secretariatName')}</dt>
            <dd lang="ja">{secretariat.name}</dd>
            <dt>{t('layout.contactEmail')}</dt>
            <dd>
              <a href={`mailto:${secretariat.email}`}>{secretariat.email}</a>
            </dd>
            <dt>{t('layout.contactPhone')}</dt>
            <dd>
              <a href={`tel:${secretariat.phone.replace(/[^\d+]/g, '')}`}>{secretariat.phone}</a>
            </dd>
            <dt>{t('layout.contactHours')}</dt>
            <dd lang="ja">{secretariat.hours}</dd>
          </dl>
        </section>
      ) : null}
      <p className="k-section-gap">
        <Link className="k-button" to="/">
          {t('submitted.toMyPage')}
        </Link>
      </p>
    </>
  );
}
