import { ZReissueRequestInput } from '@kyogikai/domain';
import { ErrorSummary, PageHeading, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useCertificateStatus } from '../features/certificate/certificate-section';
import '../features/certificate/certificate.css';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { formErrorsFromIssues } from '../lib/client-checks';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

/** 「入会証明書再発行申請」 (SPEC E1, manual p.16): the reason, then 「申請を行う」. */
export function CertificateReissuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reissue.title'), useTenantName());
  return <RequireSignedIn>{() => <ReissueForm />}</RequireSignedIn>;
}

function ReissueForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useCertificateStatus();
  const request = trpc.certificate.requestReissue.useMutation();
  const [reason, setReason] = useState('');
  const fields = useMemo(() => ({ reason: { id: 'reissue-reason', label: t('reissue.reason') } }), [t]);
  const form = useFormErrors(fields);

  if (status.isPending) return <Loading />;
  // Nothing to ask for (not downloaded yet, or a request is open): マイページ says why.
  if (status.data && !status.data.canRequestReissue && !request.isPending && !request.isSuccess) return <Navigate to="/" replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending) return;
    const check = ZReissueRequestInput.safeParse({ reason });
    if (!check.success) {
      form.showErrors(formErrorsFromIssues(check.error.issues));
      return;
    }
    try {
      await request.mutateAsync({ reason });
      void navigate('/', { state: { notice: 'reissueRequested' } });
    } catch (error) {
      form.showApiError(error);
    }
  }

  const error = form.fieldError('reason');
  return (
    <div className="k-narrow">
      <PageHeading>{t('reissue.title')}</PageHeading>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <div className="k-card">
        <p>{t('reissue.lead')}</p>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <div className={error ? 'k-field k-field--error' : 'k-field'}>
            <label className="k-label" htmlFor={fields.reason.id}>
              {fields.reason.label}
              <span className="k-badge">{t('form.required')}</span>
            </label>
            <span id="reissue-reason-hint" className="k-hint">
              {t('reissue.reasonHint')}
            </span>
            {error ? (
              <span id="reissue-reason-error" className="k-field-error">
                {error}
              </span>
            ) : null}
            <textarea
              id={fields.reason.id}
              name="reason"
              className="k-input k-textarea"
              value={reason}
              maxLength={4000}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-required
              aria-describedby={error ? 'reissue-reason-hint reissue-reason-error' : 'reissue-reason-hint'}
            />
          </div>
          <div className="k-form-actions">
            <button type="submit" className="k-button" aria-disabled={request.isPending || undefined}>
              {t('reissue.submit')}
            </button>
            <Link to="/">{t('step1.backToMyPage')}</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
