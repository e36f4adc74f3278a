import { apiErrorKey, formatDateTime, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { type AdminOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TFailedMail = AdminOutputs['mail']['failed'][number];

/**
 * 送信できなかったメール (issue 6 item 8): the mail the queue gave up on after its retries, and the
 * certificate jobs that failed (their mail can only follow them), and jobs the queue lost (stuck for
 * hours), newest first, with the reason.
 * 「再送する」 puts one back in the outbox; the worker tries again at once.
 */
export function FailedMailPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('failedMailPage.title'), useTenantName());
  const role = me.data?.user.role;
  const canUse = role === 'secretariat' || role === 'tenant_admin';
  const failed = trpc.mail.failed.useQuery(undefined, { enabled: canUse });
  const retry = trpc.mail.retry.useMutation();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!canUse) return <Notice>{t('common.forbidden')}</Notice>;

  const what = (mail: TFailedMail) =>
    mail.kind === 'certificate'
      ? t('failedMailPage.certificateJob', { name: mail.corporateName ?? '—' })
      : t(`failedMailPage.templates.${mail.template}`, { defaultValue: mail.template });

  async function onRetry(mail: TFailedMail) {
    setMessage(null);
    try {
      await retry.mutateAsync({ id: mail.id });
      setMessage({ tone: 'success', text: t('failedMailPage.retried', { what: what(mail) }) });
    } catch (error) {
      setMessage({ tone: 'error', text: t(apiErrorKey(error) ?? 'common.network') });
    }
    void failed.refetch();
  }

  return (
    <>
      <PageHeading>{t('failedMailPage.title')}</PageHeading>
      <p>
        <Link to="/">{t('staffPage.backToDashboard')}</Link>
      </p>
      <p className="k-lead">{t('failedMailPage.lead')}</p>
      {message ? <Notice tone={message.tone === 'success' ? 'success' : 'info'}>{message.text}</Notice> : null}
      {failed.isPending ? (
        <p role="status">{t('layout.loading')}</p>
      ) : failed.isError ? (
        <Notice>{t('common.network')}</Notice>
      ) : failed.data.length === 0 ? (
        <p className="k-card">{t('failedMailPage.none')}</p>
      ) : (
        <div className="k-table-wrap">
          <table className="k-table">
            <caption className="k-visually-hidden">{t('failedMailPage.caption', { count: failed.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('failedMailPage.failedAt')}</th>
                <th scope="col">{t('failedMailPage.what')}</th>
                <th scope="col">{t('failedMailPage.recipient')}</th>
                <th scope="col">{t('failedMailPage.attempts')}</th>
                <th scope="col">{t('failedMailPage.reason')}</th>
                <th scope="col">{t('failedMailPage.action')}</th>
              </tr>
            </thead>
            <tbody>
              {failed.data.map((mail) => (
                <tr key={mail.id}>
                  <td>{formatDateTime(mail.failedAt, i18n.language)}</td>
                  <th scope="row" style={{ overflowWrap: 'anywhere' }}>
                    {what(mail)}
                  </th>
                  <td>{mail.recipient ?? t('failedMailPage.recipientAfterCertificate')}</td>
                  <td>{t('failedMailPage.attemptsValue', { count: mail.attempts })}</td>
                  <td>
                    {mail.status === 'stuck' ? <strong>{t('failedMailPage.stuck')}</strong> : null}
                    {mail.status === 'stuck' && mail.lastError ? <br /> : null}
                    {mail.lastError ?? (mail.status === 'stuck' ? null : '—')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="k-button k-button--secondary"
                      aria-disabled={retry.isPending || undefined}
                      aria-label={t('failedMailPage.retryFor', { what: what(mail), recipient: mail.recipient ?? mail.corporateName ?? '' })}
                      onClick={() => {
                        if (!retry.isPending) void onRetry(mail);
                      }}
                    >
                      {t('failedMailPage.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
