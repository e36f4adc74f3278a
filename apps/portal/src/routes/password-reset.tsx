import { ZPasswordResetForm } from '@kyogikai/domain';
import { apiErrorKey, ErrorSummary, Notice, PageHeading, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmailRequestForm } from '../features/account/email-request-form';
import { NewPasswordFields } from '../features/account/new-password-field';
import { formErrorsFromIssues } from '../lib/client-checks';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TLinkProblem = 'expired' | 'used' | 'invalid';

const PROBLEM_OF_ERROR: Record<string, TLinkProblem> = {
  'account.linkExpired': 'expired',
  'account.linkUsed': 'used',
  'account.linkInvalid': 'invalid',
};

/**
 * SPEC G4: password reset by email. Without a token: ask for the address. With the token from the
 * mail: check the link (same single-use, expiring rules as activation), then a new password.
 */
export function PasswordResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token === null ? <RequestReset /> : <ResetWithToken token={token} />;
}

function RequestReset({ problem }: { problem?: TLinkProblem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const request = trpc.account.requestPasswordReset.useMutation();
  const title = problem ? t(`passwordReset.${problem}Title`) : t('passwordReset.title');
  useDocumentTitle(title, useTenantName());
  return (
    <div className="k-narrow">
      <PageHeading>{title}</PageHeading>
      {problem ? <Notice>{t(`passwordReset.${problem}Body`)}</Notice> : null}
      <section className="k-card" aria-labelledby="reset-request-heading">
        <h2 id="reset-request-heading" className={problem ? 'k-card__title' : 'k-visually-hidden'}>
          {t('passwordReset.newLinkHeading')}
        </h2>
        <p>{t('passwordReset.requestLead')}</p>
        <EmailRequestForm
          idPrefix="reset"
          submitLabel={t('passwordReset.requestSubmit')}
          send={(email) => request.mutateAsync({ email })}
          onSent={() => void navigate('/password-reset/sent')}
        />
      </section>
      <p className="k-section-gap">
        <Link to="/sign-in">{t('activate.toSignIn')}</Link>
      </p>
    </div>
  );
}

/** After the request: the same words whether or not the address is registered. */
export function PasswordResetSentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordReset.sentTitle'), useTenantName());
  return (
    <div className="k-narrow">
      <PageHeading>{t('passwordReset.sentTitle')}</PageHeading>
      <div className="k-card">
        <p>{t('passwordReset.sentBody')}</p>
        <p>{t('passwordReset.sentNote')}</p>
        <p>
          <Link to="/password-reset">{t('passwordReset.sendAgain')}</Link>
        </p>
      </div>
    </div>
  );
}

function CheckingLink() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordReset.newPasswordTitle'), useTenantName());
  return (
    <>
      <PageHeading>{t('passwordReset.newPasswordTitle')}</PageHeading>
      <p className="k-loading" role="status">
        {t('activate.checking')}
      </p>
    </>
  );
}

function ResetWithToken({ token }: { token: string }) {
  const check = trpc.account.checkLink.useQuery(
    { token, purpose: 'password_reset' },
    { enabled: token.length > 0, retry: false, staleTime: 0 },
  );
  const [problemFromSubmit, setProblemFromSubmit] = useState<TLinkProblem | null>(null);

  if (!token) return <RequestReset problem="invalid" />;
  if (problemFromSubmit) return <RequestReset problem={problemFromSubmit} />;
  if (check.isPending) return <CheckingLink />;
  if (check.isError) return <RequestReset problem={PROBLEM_OF_ERROR[apiErrorKey(check.error) ?? ''] ?? 'invalid'} />;
  if (check.data.status !== 'valid') return <RequestReset problem={check.data.status} />;
  return <NewPasswordForm token={token} onLinkProblem={setProblemFromSubmit} />;
}

function NewPasswordForm({ token, onLinkProblem }: { token: string; onLinkProblem: (problem: TLinkProblem) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = trpc.account.resetPassword.useMutation();
  const [values, setValues] = useState({ password: '', passwordConfirmation: '' });
  const fields = useMemo(
    () => ({
      password: { id: 'password', label: t('passwordReset.newPassword') },
      passwordConfirmation: { id: 'passwordConfirmation', label: t('passwordReset.newPasswordConfirmation') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  useDocumentTitle(t('passwordReset.newPasswordTitle'), useTenantName());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reset.isPending) return;
    const check = ZPasswordResetForm.safeParse({ token, ...values });
    if (!check.success) {
      form.showErrors(formErrorsFromIssues(check.error.issues));
      return;
    }
    try {
      await reset.mutateAsync({ token, ...values });
      void navigate('/sign-in?reason=password-reset', { replace: true });
    } catch (error) {
      const problem = PROBLEM_OF_ERROR[apiErrorKey(error) ?? ''];
      if (problem) {
        onLinkProblem(problem);
        return;
      }
      form.showApiError(error);
    }
  }

  return (
    <div className="k-narrow">
      <PageHeading>{t('passwordReset.newPasswordTitle')}</PageHeading>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <div className="k-card">
        <p>{t('passwordReset.newPasswordLead')}</p>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <NewPasswordFields
            fields={fields}
            values={values}
            onValueChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
            fieldError={form.fieldError}
          />
          <button type="submit" className="k-button" aria-disabled={reset.isPending || undefined}>
            {t('passwordReset.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
