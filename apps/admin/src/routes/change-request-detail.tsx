import { ZTransitionText } from '@kyogikai/domain';
import { apiErrorKey, formatBytes, formatDateTime, ModalDialog, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { documentUrl } from '../features/review/document-url';
import { useCurrentUser } from '../features/session/use-session';
import { type AdminOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TRequest = AdminOutputs['changeRequests']['get'];
type TItem = TRequest['items'][number];
type TDecision = 'start_review' | 'complete_review' | 'approve';

/**
 * One change request (SPEC D1-D6, G3): the member's 変更内容 and 理由, every item under a heading
 * of its kind and subject with its fields before/after (D5 items marked as already applied; an
 * establishment edit says how many registered workers it reaches; a worker being added lists its
 * files, opened through the audited file route), and the steps this staff member may take now — start the
 * review, complete it (forwarding certificate items to the ministry where the council has that
 * step, else approving), approve (ministry), or reject with a reason the member is mailed. Approving
 * certificate items issues a new certificate. Every step is audited by the API.
 */
export function ChangeRequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  useDocumentTitle(t('changeRequestsPage.detailTitle'), useTenantName());
  const request = trpc.changeRequests.get.useQuery({ id }, { enabled: Boolean(me.data), retry: false, refetchOnMount: 'always' });
  const [done, setDone] = useState<string | null>(null);

  if (me.isPending || request.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!request.data) {
    return (
      <>
        <PageHeading>{t('changeRequestsPage.detailTitle')}</PageHeading>
        <Notice>{t(apiErrorKey(request.error) ?? 'common.network')}</Notice>
        <p>
          <Link to="/change-requests">{t('changeRequestsPage.backToList')}</Link>
        </p>
      </>
    );
  }
  return (
    <RequestView
      data={request.data}
      done={done}
      onDecided={async (message) => {
        setDone(message);
        await request.refetch();
      }}
    />
  );
}

function RequestView({ data, done, onDecided }: { data: TRequest; done: string | null; onDecided: (message: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const decide = trpc.changeRequests.decide.useMutation();
  const [confirming, setConfirming] = useState<TDecision | null>(null);
  const [isRejecting, setIsRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const canReject = data.events.includes('reject');

  async function fire(event: TDecision | { type: 'reject'; reason: string }) {
    setConfirming(null);
    setProblem(null);
    try {
      const result = await decide.mutateAsync({
        id: data.id,
        version: data.version,
        event: typeof event === 'string' ? { type: event } : event,
      });
      await onDecided(
        result.certificateIssued
          ? t('changeRequestsPage.doneCertificate')
          : t(`changeRequestsPage.done.${result.state}`, { defaultValue: t('changeRequestsPage.done.other') }),
      );
      setIsRejecting(false);
    } catch (error) {
      setProblem(t(apiErrorKey(error) ?? 'common.network'));
    }
  }

  async function onReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = ZTransitionText.safeParse(reason);
    if (!check.success) {
      setReasonError(t(check.error.issues[0]?.message ?? 'transition.textRequired', { max: 4000 }));
      return;
    }
    setReasonError(null);
    await fire({ type: 'reject', reason });
  }

  const decisionLabel = (event: TDecision) =>
    event === 'complete_review'
      ? t(data.needsMinistry ? 'changeRequestsPage.forward' : 'changeRequestsPage.approve')
      : t(`changeRequestsPage.${event === 'approve' ? 'approve' : 'startReview'}`);

  return (
    <>
      <PageHeading>{t('changeRequestsPage.detailHeading', { name: data.corporateName })}</PageHeading>
      <p>
        <Link to="/change-requests">{t('changeRequestsPage.backToList')}</Link>
      </p>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {problem ? <Notice>{problem}</Notice> : null}
      <section className="k-card" aria-labelledby="change-request-summary">
        <h2 id="change-request-summary" className="k-card__title">
          {t('changeRequestsPage.summaryHeading')}
        </h2>
        <dl className="k-summary-list">
          <dt>{t('changeRequestsPage.membershipNumber')}</dt>
          <dd>{data.membershipNumber}</dd>
          <dt>{t('changeRequestsPage.state')}</dt>
          <dd>
            <strong>{t(`changeRequestsPage.states.${data.state}`)}</strong>
          </dd>
          <dt>{t('changeRequestsPage.submittedAt')}</dt>
          <dd>{data.submittedAt ? formatDateTime(data.submittedAt, i18n.language) : '—'}</dd>
          <dt>{t('changeRequestsPage.submittedBy')}</dt>
          <dd>{data.submittedByName}</dd>
          <dt>{t('changeRequestsPage.content')}</dt>
          <dd style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{data.content}</dd>
          <dt>{t('changeRequestsPage.reason')}</dt>
          <dd style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{data.reason}</dd>
          {data.issuesCertificate ? (
            <>
              <dt>{t('changeRequestsPage.certificate')}</dt>
              <dd>{t('changeRequestsPage.certificateNote')}</dd>
            </>
          ) : null}
          {data.decisionReason ? (
            <>
              <dt>{t('changeRequestsPage.decisionReason')}</dt>
              <dd style={{ whiteSpace: 'pre-wrap' }}>{data.decisionReason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="k-card" aria-labelledby="change-request-changes">
        <h2 id="change-request-changes" className="k-card__title">
          {t('changeRequestsPage.changesHeading')}
        </h2>
        {data.items.map((item) => (
          <ChangeItemView key={item.id} item={item} canOpenDocuments={data.canOpenDocuments} />
        ))}
      </section>
      {data.events.length > 0 ? (
        <section className="k-card" aria-labelledby="change-request-decide">
          <h2 id="change-request-decide" className="k-card__title">
            {t('changeRequestsPage.decideHeading')}
          </h2>
          <div className="k-button-row">
            {data.events
              .filter((event): event is TDecision => event !== 'reject')
              .map((event) => (
                <button
                  key={event}
                  type="button"
                  className="k-button"
                  onClick={() => setConfirming(event)}
                  aria-disabled={decide.isPending || undefined}
                >
                  {decisionLabel(event)}
                </button>
              ))}
            {canReject ? (
              <button
                type="button"
                className="k-button k-button--secondary"
                aria-expanded={isRejecting}
                aria-controls="change-request-reject-form"
                onClick={() => setIsRejecting((open) => !open)}
              >
                {t('changeRequestsPage.reject')}
              </button>
            ) : null}
          </div>
          {isRejecting ? (
            <form id="change-request-reject-form" noValidate onSubmit={(event) => void onReject(event)} className="k-section-gap">
              <div className={reasonError ? 'k-field k-field--error' : 'k-field'}>
                <label className="k-label" htmlFor="change-request-reject-reason">
                  {t('changeRequestsPage.rejectReason')}
                  <span className="k-badge">{t('form.required')}</span>
                </label>
                {reasonError ? (
                  <span id="change-request-reject-reason-error" className="k-field-error">
                    {reasonError}
                  </span>
                ) : null}
                <textarea
                  id="change-request-reject-reason"
                  className="k-input"
                  style={{ width: '100%', minHeight: '6rem' }}
                  value={reason}
                  maxLength={4000}
                  onChange={(event) => setReason(event.target.value)}
                  aria-invalid={reasonError ? true : undefined}
                  aria-required
                  aria-describedby={reasonError ? 'change-request-reject-reason-error' : undefined}
                />
              </div>
              <button type="submit" className="k-button k-button--danger" aria-disabled={decide.isPending || undefined}>
                {t('changeRequestsPage.rejectSubmit')}
              </button>
            </form>
          ) : null}
          <ModalDialog
            isOpen={confirming !== null}
            id="change-request-confirm"
            title={confirming ? decisionLabel(confirming) : ''}
            onCancel={() => setConfirming(null)}
            actions={
              <>
                <button type="button" className="k-button" onClick={() => confirming && void fire(confirming)}>
                  {t('changeRequestsPage.confirm')}
                </button>
                <button type="button" className="k-button k-button--secondary" onClick={() => setConfirming(null)}>
                  {t('changeRequestsPage.cancel')}
                </button>
              </>
            }
          >
            <p>{t('changeRequestsPage.confirmBody', { name: data.corporateName })}</p>
          </ModalDialog>
        </section>
      ) : null}
    </>
  );
}

/**
 * One item of the request: 「特定技能外国人の追加：NGUYEN VAN A」 and the like as its heading, the
 * fields as a table (row header = field, before → after; an addition has nothing before), and what
 * the secretariat needs besides: the workers an establishment edit reaches (SPEC D3), the files of
 * a worker being added (SPEC D2).
 */
function ChangeItemView({ item, canOpenDocuments }: { item: TItem; canOpenDocuments: boolean }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  const kind = t(`changeRequestsPage.itemHeadings.${item.kind}`);
  const heading = item.subject ? t('changeRequestsPage.itemHeading', { kind, subject: item.subject }) : kind;
  const isAddition = item.kind === 'worker_add' || item.kind === 'establishment_add';
  const headingId = `change-item-${item.id}`;
  return (
    <section className="k-section-gap" aria-labelledby={headingId}>
      <h3 id={headingId} className="k-subheading">
        {heading}
      </h3>
      {item.isApplied && (item.kind === 'other' || item.kind === 'certificate_items') ? (
        <p className="k-hint">{t('changeRequestsPage.itemApplied')}</p>
      ) : null}
      {item.workerCount !== null ? <p>{t('changeRequestsPage.workersReached', { count: item.workerCount })}</p> : null}
      <div className="k-table-wrap">
        <table className="k-table">
          <caption className="k-visually-hidden">{t('changeRequestsPage.itemCaption', { heading })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('changeRequestsPage.field')}</th>
              <th scope="col">{t('changeRequestsPage.before')}</th>
              <th scope="col">{t('changeRequestsPage.after')}</th>
            </tr>
          </thead>
          <tbody>
            {item.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{isEnglish ? change.labelEn : change.labelJa}</th>
                <td>{isAddition ? t('changeRequestsPage.newEntry') : change.before || t('reviewPage.emptyValue')}</td>
                <td>
                  <strong>{change.after || t('reviewPage.emptyValue')}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {item.documents !== null ? (
        <>
          <h4 className="k-subheading">{t('changeRequestsPage.documentsHeading')}</h4>
          {item.documents.length === 0 ? <p>{t('changeRequestsPage.noDocuments')}</p> : null}
          {item.documents.length > 0 && !canOpenDocuments ? (
            <p className="k-hint">{t('changeRequestsPage.documentsReviewersOnly')}</p>
          ) : null}
          {item.documents.length > 0 ? (
            <ul>
              {item.documents.map((document) => {
                const name = isEnglish ? document.nameEn : document.nameJa;
                const file = t('reviewPage.documentFile', {
                  fileName: document.fileName,
                  size: formatBytes(document.byteSize, i18n.language),
                  uploadedAt: formatDateTime(new Date(document.uploadedAt), i18n.language),
                });
                return (
                  <li key={document.id}>
                    {canOpenDocuments ? (
                      <>
                        <a href={documentUrl(document.id)} target="_blank" rel="noopener noreferrer">
                          {name}
                          <span className="k-visually-hidden">{t('changeRequestsPage.opensInNewTab')}</span>
                        </a>{' '}
                        <span className="k-hint">{file}</span>{' '}
                        <a href={documentUrl(document.id, { download: true })} download>
                          {t('changeRequestsPage.downloadDocument', { name })}
                        </a>
                      </>
                    ) : (
                      <>
                        {name} <span className="k-hint">{file}</span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
