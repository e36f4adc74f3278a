import { apiErrorKey, formatDate, Notice, PageHeading, TextField, translateMessage, useDocumentTitle } from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import '../features/certificate/certificate.css';
import { Loading } from '../features/session/require-signed-in';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TVerification = PortalOutputs['certificate']['verify'];

/**
 * The public verification page (issue 6 item 7; ADR 019): `/verify/<code>` from the certificate's
 * QR code or link, or a code typed from the paper. No session. It states only whether the
 * certificate is valid, superseded or revoked, the council and the corporation name.
 */
export function VerifyCertificatePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('verify.title'), useTenantName());
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const lookup = trpc.certificate.verify.useQuery({ code }, { enabled: code !== '', retry: false, staleTime: Number.POSITIVE_INFINITY });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = typed.trim();
    if (next) void navigate(`/verify/${encodeURIComponent(next)}`);
  }

  return (
    <div className="k-narrow">
      <PageHeading>{t('verify.title')}</PageHeading>
      <p className="k-lead">{t('verify.lead')}</p>
      {code ? (
        <>
          {lookup.isPending ? <Loading /> : null}
          {lookup.isError ? (
            <Notice>
              {apiErrorKey(lookup.error) === 'verify.throttled'
                ? translateMessage(t, i18n, {
                    key: 'verify.throttled',
                    params: (lookup.error.data as { messageParams?: Record<string, number> } | undefined)?.messageParams,
                  })
                : t('common.network')}
            </Notice>
          ) : null}
          {lookup.data ? <VerificationResult answer={lookup.data} /> : null}
        </>
      ) : null}
      <section className="k-card" aria-labelledby="verify-form-heading">
        <h2 id="verify-form-heading" className="k-card__title">
          {t('verify.formHeading')}
        </h2>
        <form noValidate onSubmit={onSubmit}>
          <TextField
            id="verification-code"
            name="code"
            label={t('verify.codeLabel')}
            hint={t('verify.codeHint')}
            value={typed}
            onValueChange={setTyped}
            autoComplete="off"
            spellCheck={false}
          />
          <div className="k-form-actions">
            <button type="submit" className="k-button">
              {t('verify.submit')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}

function VerificationResult({ answer }: { answer: TVerification }) {
  const { t, i18n } = useTranslation();
  return (
    <section className={`k-card k-verify-result k-verify-result--${answer.status}`} aria-labelledby="verify-result-heading">
      <h2 id="verify-result-heading" className="k-card__title">
        {t(`verify.status.${answer.status}.title`)}
      </h2>
      <p>{t(`verify.status.${answer.status}.body`)}</p>
      {answer.status !== 'unknown' ? (
        <dl className="k-summary-list">
          <dt>{t('verify.council')}</dt>
          <dd>{i18n.language === 'en' ? answer.councilName.en : answer.councilName.ja}</dd>
          <dt>{t('verify.corporateName')}</dt>
          <dd>{answer.corporateName}</dd>
          <dt>{t('verify.issuedAt')}</dt>
          <dd>{formatDate(answer.issuedAt, i18n.language)}</dd>
          <dt>{t('verify.issueNumber')}</dt>
          <dd>{t('certificate.issueNumberValue', { number: answer.issueNumber })}</dd>
        </dl>
      ) : null}
    </section>
  );
}
