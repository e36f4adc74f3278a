import { ZTransitionText } from '@kyogikai/domain';
import { apiErrorKey, formatDateTime, ModalDialog, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { type AdminOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TPending = AdminOutputs['reissue']['find'][number];

/**
 * 入会証明書再発行申請 (SPEC E1, G1): the open requests of the council, oldest first. The
 * secretariat approves (a new certificate with the next issue number is generated and mailed) or
 * declines with a reason the member is mailed. Tenant admins may look; only the secretariat decides.
 */
export function ReissueRequestsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('reissuePage.title'), useTenantName());
  const role = me.data?.user.role;
  const canList = role === 'secretariat' || role === 'tenant_admin';
  const pending = trpc.reissue.find.useQuery(undefined, { enabled: canList });
  const [done, setDone] = useState<string | null>(null);

  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!canList) return <Notice>{t('common.forbidden')}</Notice>;

  return (
    <>
      <PageHeading>{t('reissuePage.title')}</PageHeading>
      <p>
        <Link to="/">{t('staffPage.backToDashboard')}</Link>
      </p>
      <p className="k-lead">{t('reissuePage.lead')}</p>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {pending.isPending ? (
        <p role="status">{t('layout.loading')}</p>
      ) : pending.isError ? (
        <Notice>{t('common.network')}</Notice>
      ) : pending.data.length === 0 ? (
        <p className="k-card">{t('reissuePage.none')}</p>
      ) : (
        <ol className="k-plain-list">
          {pending.data.map((request) => (
            <li key={request.id}>
              <ReissueRequestCard
                request={request}
                canDecide={role === 'secretariat'}
                onDecided={(message) => {
                  setDone(message);
                  void pending.refetch();
                }}
              />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function ReissueRequestCard({
  request,
  canDecide,
  onDecided,
}: {
  request: TPending;
  canDecide: boolean;
  onDecided: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const approve = trpc.reissue.approve.useMutation();
  const decline = trpc.reissue.decline.useMutation();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isDeclining, setIsDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = `reissue-${request.id}-heading`;
  const reasonId = `reissue-${request.id}-decline-reason`;

  const explain = (error: unknown) => {
    const key = apiErrorKey(error) ?? 'common.network';
    setProblem(t(key));
    void utils.reissue.find.invalidate();
  };

  async function onApprove() {
    setIsConfirming(false);
    try {
      const issued = await approve.mutateAsync({ id: request.id, version: request.version });
      onDecided(t('reissuePage.approved', { name: request.corporateName, number: issued.issueNumber }));
    } catch (error) {
      explain(error);
    }
  }

  async function onDecline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = ZTransitionText.safeParse(reason);
    if (!check.success) {
      setReasonError(t(check.error.issues[0]?.message ?? 'transition.textRequired', { max: 4000 }));
      return;
    }
    setReasonError(null);
    try {
      await decline.mutateAsync({ id: request.id, version: request.version, reason });
      onDecided(t('reissuePage.declined', { name: request.corporateName }));
    } catch (error) {
      explain(error);
    }
  }

  return (
    <section className="k-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="k-card__title">
        {request.corporateName}
      </h2>
      <dl className="k-summary-list">
        <dt>{t('reissuePage.membershipNumber')}</dt>
        <dd>{request.membershipNumber}</dd>
        <dt>{t('reissuePage.currentCertificate')}</dt>
        <dd>
          {t('reissuePage.currentCertificateValue', {
            number: request.issueNumber,
            downloadedAt: request.downloadedAt ? formatDateTime(request.downloadedAt, i18n.language) : '—',
          })}
        </dd>
        <dt>{t('reissuePage.requestedAt')}</dt>
        <dd>{formatDateTime(request.requestedAt, i18n.language)}</dd>
        <dt>{t('reissuePage.requestedBy')}</dt>
        <dd>{request.requestedByName}</dd>
        <dt>{t('reissuePage.reason')}</dt>
        <dd style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.reason}</dd>
      </dl>
      {problem ? <Notice>{problem}</Notice> : null}
      {canDecide ? (
        <>
          <div className="k-button-row">
            <button type="button" className="k-button" onClick={() => setIsConfirming(true)} aria-disabled={approve.isPending || undefined}>
              {t('reissuePage.approve')}
            </button>
            <button
              type="button"
              className="k-button k-button--secondary"
              aria-expanded={isDeclining}
              aria-controls={`${reasonId}-form`}
              onClick={() => setIsDeclining((open) => !open)}
            >
              {t('reissuePage.decline')}
            </button>
          </div>
          {isDeclining ? (
            <form id={`${reasonId}-form`} noValidate onSubmit={(event) => void onDecline(event)} className="k-section-gap">
              <div className={reasonError ? 'k-field k-field--error' : 'k-field'}>
                <label className="k-label" htmlFor={reasonId}>
                  {t('reissuePage.declineReason')}
                  <span className="k-badge">{t('form.required')}</span>
                </label>
                <span id={`${reasonId}-hint`} className="k-hint">
                  {t('reissuePage.declineReasonHint')}
                </span>
                {reasonError ? (
                  <span id={`${reasonId}-error`} className="k-field-error">
                    {reasonError}
                  </span>
                ) : null}
                <textarea
                  id={reasonId}
                  className="k-input"
                  style={{ width: '100%', minHeight: '6rem' }}
                  value={reason}
                  maxLength={4000}
                  onChange={(event) => setReason(event.target.value)}
                  aria-invalid={reasonError ? true : undefined}
                  aria-required
                  aria-describedby={reasonError ? `${reasonId}-hint ${reasonId}-error` : `${reasonId}-hint`}
                />
              </div>
              <button type="submit" className="k-button k-button--danger" aria-disabled={decline.isPending || undefined}>
                {t('reissuePage.declineSubmit')}
              </button>
            </form>
          ) : null}
          <ModalDialog
            isOpen={isConfirming}
            id={`reissue-${request.id}-confirm`}
            title={t('reissuePage.confirmTitle')}
            onCancel={() => setIsConfirming(false)}
            actions={
              <>
                <button type="button" className="k-button" onClick={() => void onApprove()}>
                  {t('reissuePage.confirmApprove')}
                </button>
                <button type="button" className="k-button k-button--secondary" onClick={() => setIsConfirming(false)}>
                  {t('reissuePage.cancel')}
                </button>
              </>
            }
          >
            <p>{t('reissuePage.confirmBody', { name: request.corporateName, number: request.issueNumber + 1 })}</p>
          </ModalDialog>
        </>
      ) : (
        <p>{t('reissuePage.onlySecretariat')}</p>
      )}
    </section>
  );
}
