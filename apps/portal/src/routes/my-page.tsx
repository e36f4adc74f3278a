import { apiErrorKey, formatDate, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApplicationChecklist } from '../features/application/application-checklist';
import { RejectionReason, ReturnedMessage } from '../features/application/returned-message';
import { OrganisationDocumentsCard } from '../features/documents/organisation-documents-card';
import { CertificateSection, ReissueRequestButton } from '../features/certificate/certificate-section';
import { OrganisationUsersLink } from '../features/delegation/organisation-users-link';
import { step1FieldLabelKey } from '../features/organisation/step1-fields';
import { MembershipCard, WithdrawalLink } from '../features/membership/membership-card';
import { MemberInfoSection } from '../features/membership/member-info-section';
import { Loading, RequireSignedIn, type TSignedInUser } from '../features/session/require-signed-in';
import { MemberWorkerList } from '../features/workers/member-worker-list';
import { WorkerList } from '../features/workers/worker-list';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TMyPage = PortalOutputs['mypage']['get'];
type TPageNotice = 'activated' | 'passwordChanged' | 'workerRegistered' | 'reissueRequested' | 'changeRemoved';
/** What a page may hand マイページ when it sends the user back (shown once). */
export interface TMyPageState {
  notice?: TPageNotice;
  /** Whom the notice is about (e.g. the worker just registered). */
  noticeName?: string;
}

/** SPEC B1, manual p.5: 「マイページ」 shows where the application stands and what to do next. */
export function MyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myPage.title'), useTenantName());
  return <RequireSignedIn>{(user) => <MyPageContent user={user} />}</RequireSignedIn>;
}

function MyPageContent({ user }: { user: TSignedInUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  // A one-off message from the page before (activation, password changed): shown once, so it is
  // dropped from the history entry and a reload does not repeat it.
  const [{ notice, noticeName }] = useState(() => (location.state as TMyPageState | null) ?? {});
  useEffect(() => {
    const state: unknown = window.history.state;
    if (state && typeof state === 'object' && 'usr' in state && state.usr) window.history.replaceState({ ...state, usr: null }, '');
  }, []);
  const myPage = trpc.mypage.get.useQuery(undefined, { refetchOnMount: 'always', retry: false });

  return (
    <>
      <div className="k-mypage-head">
        <PageHeading>{t('myPage.title')}</PageHeading>
        <ReissueRequestButton />
      </div>
      <p className="k-lead">{t('myPage.welcome', { name: user.displayName })}</p>
      {notice === 'activated' ? <Notice tone="success">{t('activate.activated')}</Notice> : null}
      {notice === 'passwordChanged' ? <Notice tone="success">{t('changePassword.done')}</Notice> : null}
      {notice === 'workerRegistered' ? <Notice tone="success">{t('workers.registered', { name: noticeName ?? '' })}</Notice> : null}
      {notice === 'reissueRequested' ? <Notice tone="success">{t('certificate.reissueRequested')}</Notice> : null}
      {notice === 'changeRemoved' ? <Notice tone="success">{t('memberChanges.removed')}</Notice> : null}
      {myPage.isPending ? <Loading /> : null}
      {myPage.isError ? (
        <Notice>{apiErrorKey(myPage.error) === 'organisation.notSelected' ? t('myPage.noOrganisation') : t('common.network')}</Notice>
      ) : null}
      {myPage.data ? <CertificateSection /> : null}
      {myPage.data ? <MembershipCard /> : null}
      {myPage.data ? <MemberInfoSection /> : null}
      {myPage.data ? <ApplicationOverview data={myPage.data} /> : null}
      <section className="k-card" aria-labelledby="idle-notice-heading">
        <h2 id="idle-notice-heading" className="k-card__title">
          {t('myPage.idleNoticeTitle')}
        </h2>
        <p>{t('myPage.idleNotice')}</p>
      </section>
      <section className="k-card" aria-labelledby="account-heading">
        <h2 id="account-heading" className="k-card__title">
          {t('myPage.accountHeading')}
        </h2>
        <dl className="k-summary-list">
          <dt>{t('myPage.displayName')}</dt>
          <dd>{user.displayName}</dd>
          {user.loginId ? (
            <>
              <dt>{t('myPage.loginId')}</dt>
              <dd>{user.loginId}</dd>
            </>
          ) : null}
          <dt>{t('myPage.email')}</dt>
          <dd>{user.email}</dd>
        </dl>
        <p className="k-section-gap">
          <Link to="/account/password">{t('myPage.changePassword')}</Link>
        </p>
      </section>
      {myPage.data ? <OrganisationUsersLink /> : null}
      {myPage.data ? <WithdrawalLink /> : null}
    </>
  );
}

function ApplicationOverview({ data }: { data: TMyPage }) {
  const { t, i18n } = useTranslation();
  const { organisation, application } = data;
  const state = application?.state ?? 'none';
  return (
    <>
      <section className="k-card" aria-labelledby="status-heading">
        <h2 id="status-heading" className="k-card__title">
          {t('myPage.statusHeading')}
        </h2>
        <dl className="k-summary-list">
          <dt>{t('myPage.corporationHeading')}</dt>
          <dd>{organisation.corporateName ? organisation.corporateName : t('myPage.corporationMissing')}</dd>
          <dt>{t('myPage.statusLabel')}</dt>
          <dd>
            <strong>{t(`applicationStatus.${state}`)}</strong>
          </dd>
          {application?.referenceNumber ? (
            <>
              <dt>{t('myPage.referenceNumberLabel')}</dt>
              <dd>{application.referenceNumber}</dd>
            </>
          ) : null}
          {application?.submittedAt ? (
            <>
              <dt>{t('myPage.submittedAtLabel')}</dt>
              <dd>{formatDate(application.submittedAt, i18n.language)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="k-card" aria-labelledby="next-heading">
        <h2 id="next-heading" className="k-card__title">
          {t('myPage.nextHeading')}
        </h2>
        <RejectionReason />
        <NextAction data={data} />
      </section>

      {/* After joining, workers and establishments change through the change draft (SPEC D2-D4). */}
      {organisation.membershipState !== 'none' ? <MemberWorkerList /> : application ? <WorkerList isEditable={data.isEditable} /> : null}
      {application ? <OrganisationDocumentsCard isEditable={data.isEditable} /> : null}
      {application && data.isEditable ? <ApplicationChecklist /> : null}

      <section className="k-card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="k-card__title">
          {t('myPage.timelineHeading')}
        </h2>
        <ol className="k-steps">
          {data.steps.map((step, index) => (
            <li
              key={step.key}
              className={`k-steps__item k-steps__item--${step.status}`}
              aria-current={step.status === 'current' ? 'step' : undefined}
            >
              <span className="k-steps__marker" aria-hidden="true">
                {step.status === 'done' ? '✓' : index + 1}
              </span>
              <span className="k-steps__text">
                <span className="k-steps__label">{t(`steps.${step.key}`)}</span>
                <span className="k-steps__status">{t(`myPage.stepStatus.${step.status}`)}</span>
              </span>
            </li>
          ))}
        </ol>
        <p className="k-section-gap">{t('myPage.reviewTime', { days: data.reviewTargetWorkingDays })}</p>
      </section>
    </>
  );
}

const UNDER_REVIEW = new Set(['submitted', 'under_review', 'resubmitted', 'forwarded']);

function NextAction({ data }: { data: TMyPage }) {
  const { t } = useTranslation();
  if (!data.isEditable) {
    const { secretariat } = data;
    const isUnderReview = UNDER_REVIEW.has(data.application?.state ?? '');
    return (
      <>
        {isUnderReview ? (
          <>
            <p>
              <strong>{t('myPage.lockedTitle')}</strong>
            </p>
            <p>{t('myPage.locked')}</p>
          </>
        ) : (
          <p>{t('myPage.askSecretariat')}</p>
        )}
        <h3 className="k-subheading">{t('myPage.secretariatHeading')}</h3>
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
      </>
    );
  }
  const isReturned = data.application?.state === 'returned';
  if (data.step1MissingFields.length > 0) {
    return (
      <>
        {isReturned ? <ReturnedMessage /> : null}
        <p>{t('myPage.nextStep1')}</p>
        <h3 className="k-subheading">{t('myPage.missingHeading')}</h3>
        <ul>
          {data.step1MissingFields.map((field) => (
            <li key={field}>{t(step1FieldLabelKey(field))}</li>
          ))}
        </ul>
        <p className="k-section-gap">
          <Link className="k-button" to="/application/step1">
            {t('myPage.openStep1')}
          </Link>
        </p>
      </>
    );
  }
  const isStep2Done = data.steps.some((step) => step.key === 'step2' && step.status === 'done');
  return (
    <>
      {isReturned ? <ReturnedMessage /> : null}
      <p>{isStep2Done ? t('myPage.nextSubmit') : t('myPage.nextStep2')}</p>
      <ul className="k-link-list">
        {isStep2Done ? null : (
          <li>
            <Link to="/application/workers/new">{t('workers.register')}</Link>
          </li>
        )}
        <li>
          <Link to="/application/step1">{t('myPage.reviewStep1')}</Link>
        </li>
      </ul>
    </>
  );
}
