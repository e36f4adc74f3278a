import { ZTransitionText } from '@kyogikai/domain';
import { apiErrorKey, formatDateTime, ModalDialog, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { type AdminOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TRequest = AdminOutputs['changeRequests']['get'];
type TDecision = 'start_review' | 'complete_review' | 'approve';

/**
 * One change request (SPEC D1-D6, G3): the member's 変更内容 and 理由, every change before/after
 * (D5 items marked as already applied), and the steps this staff member may take now — start the
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
        <div className="k-table-wrap">
          <table className="k-table">
            <thead>
              <tr>
                <th scope="col">{t('changeRequestsPage.field')}</th>
                <th scope="col">{t('changeRequestsPage.before')}</th>
                <th scope="col">{t('changeRequestsPage.after')}</th>
                <th scope="col">{t('changeRequestsPage.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {data.changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{t(`reviewPage.fields.${change.field}`, { defaultValue: change.field })}</th>
                  <td>{change.before || t('reviewPage.emptyValue')}</td>
                  <td>
                    <strong>{change.after || t('reviewPage.emptyValue')}</strong>
                  </td>
                  <td>
                    {t(`changeRequestsPage.kindNames.${change.kind}`)}
                    {change.isApplied ? `（${t('changeRequestsPage.applied')}）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
