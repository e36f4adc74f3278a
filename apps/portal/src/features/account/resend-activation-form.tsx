import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import { EmailRequestForm } from './email-request-form';

/** Sends the activation mail again (a new single-use link); the answer never says whether the address is known. */
export function ResendActivationForm({ initialEmail }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const resend = trpc.account.resendActivation.useMutation();
  return (
    <EmailRequestForm
      idPrefix="resend"
      submitLabel={t('resend.submit')}
      sentMessage={t('resend.sent')}
      send={(email) => resend.mutateAsync({ email })}
      {...(initialEmail ? { initialEmail } : {})}
    />
  );
}
