import {
  ErrorSummary,
  Notice,
  PageHeading,
  requiredFieldErrors,
  TextField,
  hasFormErrors,
  useDocumentTitle,
  useFormErrors,
} from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

/** SPEC G1: staff sign in with their email address and password. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useCurrentUser();
  const utils = trpc.useUtils();
  const signIn = trpc.session.signIn.useMutation();
  const [values, setValues] = useState({ email: '', password: '' });
  const fields = {
    email: { id: 'email', label: t('signIn.email') },
    password: { id: 'password', label: t('auth.password') },
  };
  const form = useFormErrors(fields);
  useDocumentTitle(t('signIn.title'), useTenantName());

  if (me.data) return <Navigate to="/" replace />;

  const reason = params.get('reason');
  const notice = reason === 'idle' ? t('session.idleSignedOut') : reason === 'signed-out' ? t('session.signedOut') : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = requiredFieldErrors(values, ['email', 'password']);
    if (hasFormErrors(missing)) {
      form.showErrors(missing);
      return;
    }
    try {
      await signIn.mutateAsync(values);
      form.clear();
      await utils.session.me.invalidate();
      void navigate('/', { replace: true });
    } catch (error) {
      setValues((current) => ({ ...current, password: '' }));
      form.showApiError(error);
    }
  }

  return (
    <div className="k-narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      {notice && !form.summaryMessage ? <Notice tone={reason === 'signed-out' ? 'success' : 'info'}>{notice}</Notice> : null}
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <div className="k-card">
        <p>{t('signIn.lead')}</p>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id={fields.email.id}
            name="email"
            label={fields.email.label}
            value={values.email}
            onValueChange={(email) => setValues((current) => ({ ...current, email }))}
            error={form.fieldError('email')}
            isRequired
            type="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
          <TextField
            id={fields.password.id}
            name="password"
            type="password"
            label={fields.password.label}
            value={values.password}
            onValueChange={(password) => setValues((current) => ({ ...current, password }))}
            error={form.fieldError('password')}
            isRequired
            autoComplete="current-password"
          />
          <button type="submit" className="k-button" aria-disabled={signIn.isPending || undefined} disabled={signIn.isPending}>
            {t('auth.signIn')}
          </button>
        </form>
      </div>
    </div>
  );
}
