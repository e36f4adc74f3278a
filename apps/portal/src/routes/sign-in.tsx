import { normaliseLoginId } from '@kyogikai/domain';
import {
  apiErrorKey,
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
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { safeReturnPath } from '../lib/return-path';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

/** SPEC A5: sign in with the user ID from the mail (「ユーザーID（ログインID）」) and the password. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useCurrentUser();
  const utils = trpc.useUtils();
  const signIn = trpc.session.signIn.useMutation();
  const [values, setValues] = useState({ loginId: '', password: '' });
  const [isNotActivated, setIsNotActivated] = useState(false);
  const fields = {
    loginId: { id: 'loginId', label: t('signIn.loginId') },
    password: { id: 'password', label: t('auth.password') },
  };
  const form = useFormErrors(fields);
  useDocumentTitle(t('signIn.title'), useTenantName());

  // An invitation link opened while signed out comes back here after sign-in (?next=).
  const returnTo = safeReturnPath(params.get('next'));
  if (me.data) return <Navigate to={returnTo} replace />;

  const reason = params.get('reason');
  const notices: Record<string, string> = {
    idle: t('session.idleSignedOut'),
    'signed-out': t('session.signedOut'),
    'password-reset': t('signIn.passwordResetDone'),
  };
  const notice = reason ? (notices[reason] ?? null) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = requiredFieldErrors(values, ['loginId', 'password']);
    setIsNotActivated(false);
    if (hasFormErrors(missing)) {
      form.showErrors(missing);
      return;
    }
    try {
      await signIn.mutateAsync(values);
      form.clear();
      await utils.session.me.invalidate();
      void navigate(returnTo, { replace: true });
    } catch (error) {
      setValues((current) => ({ ...current, password: '' }));
      setIsNotActivated(apiErrorKey(error) === 'account.notActivated');
      form.showApiError(error);
    }
  }

  return (
    <div className="k-narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      {notice && !form.summaryMessage ? <Notice tone={reason === 'idle' ? 'info' : 'success'}>{notice}</Notice> : null}
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      {isNotActivated ? (
        <p>
          <Link to="/account/resend">{t('signIn.resendActivation')}</Link>
        </p>
      ) : null}
      <div className="k-card">
        <p>{t('signIn.lead')}</p>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id={fields.loginId.id}
            name="loginId"
            label={fields.loginId.label}
            value={values.loginId}
            onValueChange={(loginId) => setValues((current) => ({ ...current, loginId }))}
            onBlur={() => setValues((current) => ({ ...current, loginId: normaliseLoginId(current.loginId) }))}
            error={form.fieldError('loginId')}
            isRequired
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
        <p className="k-section-gap">
          <Link to="/password-reset">{t('signIn.forgotPassword')}</Link>
        </p>
      </div>
      <section className="k-card" aria-labelledby="new-account-heading">
        <h2 id="new-account-heading" className="k-card__title">
          {t('signIn.newAccountHeading')}
        </h2>
        <p>{t('signIn.newAccountLead')}</p>
        <p>
          <Link to="/account/new">{t('signIn.newAccountLink')}</Link>
        </p>
      </section>
    </div>
  );
}
