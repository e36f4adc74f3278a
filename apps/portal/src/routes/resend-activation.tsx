import { PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { ResendActivationForm } from '../features/account/resend-activation-form';
import { useTenantName } from '../lib/use-tenant';

/** Reached from the sign-in page when a still-provisional account tries to sign in (account.notActivated). */
export function ResendActivationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('resend.title'), useTenantName());
  return (
    <div className="k-narrow">
      <PageHeading>{t('resend.title')}</PageHeading>
      <div className="k-card">
        <p>{t('resend.lead')}</p>
        <ResendActivationForm />
      </div>
    </div>
  );
}
