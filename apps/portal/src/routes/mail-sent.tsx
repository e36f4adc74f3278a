import { PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ResendActivationForm } from '../features/account/resend-activation-form';
import { useTenantName } from '../lib/use-tenant';

/** Manual p.3 step 5: after 「上記内容で仮アカウント発行申請する」, check the mail (and what to do if it does not come). */
export function MailSentPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const email = (location.state as { email?: unknown } | null)?.email;
  useDocumentTitle(t('mailSent.title'), useTenantName());
  return (
    <>
      <PageHeading>{t('mailSent.title')}</PageHeading>
      <div className="k-card">
        <p>{typeof email === 'string' && email ? t('mailSent.bodyWithEmail', { email }) : t('mailSent.body')}</p>
        <p>{t('mailSent.next')}</p>
        <p>{t('mailSent.expiryNote')}</p>
      </div>
      <section className="k-card" aria-labelledby="not-arrived-heading">
        <h2 id="not-arrived-heading" className="k-card__title">
          {t('mailSent.notArrivedHeading')}
        </h2>
        <ul>
          <li>{t('mailSent.notArrivedSpam')}</li>
          <li>{t('mailSent.notArrivedResend')}</li>
          <li>{t('mailSent.notArrivedContact')}</li>
        </ul>
        <ResendActivationForm {...(typeof email === 'string' ? { initialEmail: email } : {})} />
      </section>
    </>
  );
}
