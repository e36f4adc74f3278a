import { normaliseLoginId } from '@kyogikai/domain';
import { apiErrorKey, ErrorSummary, hasFormErrors, Notice, PageHeading, TextField, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ResendActivationForm } from '../features/account/resend-activation-form';
import { collectFieldErrors } from '../lib/client-checks';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TLinkProblem = 'expired' | 'used' | 'invalid';

const PROBLEM_OF_ERROR: Record<string, TLinkProblem> = {
  'account.linkExpired': 'expired',
  'account.linkUsed': 'used',
  'account.linkInvalid': 'invalid',
};

/**
 * SPEC A5, manual p.3 step 6: the URL in the mail. The link is checked first, so an expired or
 * used one explains itself before the user types anything; a valid one asks for the ユーザーID
 * and the password chosen on the application page, and signing in completes the account.
 */
export function ActivatePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const check = trpc.account.checkLink.useQuery(
    { token, purpose: 'activation' },
    { enabled: token.length > 0, retry: false, staleTime: 0 },
  );
  const [problemFromSubmit, setProblemFromSubmit] = useState<TLinkProblem | null>(null);

  if (!token) return <LinkProblem problem="invalid" />;
  if (problemFromSubmit) return <LinkProblem problem={problemFromSubmit} />;
  if (check.isPending) return <Checking />;
  if (check.isError) return <LinkProblem problem={PROBLEM_OF_ERROR[apiErrorKey(check.error) ?? ''] ?? 'invalid'} />;
  if (check.data.status !== 'valid') return <LinkProblem problem={check.data.status} />;
  return <ActivationSignIn token={token} onLinkProblem={setProblemFromSubmit} />;
}

function Checking() {
  const { t } = useTranslation();
  useDocumentTitle(t('activate.title'), useTenantName());
  return (
    <>
      <PageHeading>{t('activate.title')}</PageHeading>
      <p className="k-loading" role="status">
        {t('activate.checking')}
      </p>
    </>
  );
}

function ActivationSignIn({ token, onLinkProblem }: { token: string; onLinkProblem: (problem: TLinkProblem) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const activate = trpc.account.activate.useMutation();
  const [values, setValues] = useState({ loginId: '', password: '' });
  const fields = useMemo(
    () => ({ loginId: { id: 'loginId', label: t('labels.loginId') }, password: { id: 'password', label: t('labels.password') } }),
    [t],
  );
  const form = useFormErrors(fields);
  useDocumentTitle(t('activate.title'), useTenantName());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (activate.isPending) return;
    const typed = { loginId: normaliseLoginId(values.loginId), password: values.password };
    const missing = collectFieldErrors({
      loginId: typed.loginId ? null : { key: 'auth.loginIdRequired' },
      password: typed.password ? null : { key: 'auth.passwordRequired' },
    });
    if (hasFormErrors(missing)) {
      form.showErrors(missing);
      return;
    }
    try {
      await activate.mutateAsync({ token, ...typed });
      form.clear();
      await utils.session.me.invalidate();
      void navigate('/', { replace: true, state: { notice: 'activated' } });
    } catch (error) {
      const problem = PROBLEM_OF_ERROR[apiErrorKey(error) ?? ''];
      if (problem) {
        onLinkProblem(problem);
        return;
      }
      setValues((current) => ({ ...current, password: '' }));
      form.showApiError(error);
    }
  }

  return (
    <div className="k-narrow">
      <PageHeading>{t('activate.title')}</PageHeading>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <div className="k-card">
        <p>{t('activate.lead')}</p>
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
          <button type="submit" className="k-button" aria-disabled={activate.isPending || undefined}>
            {t('auth.signIn')}
          </button>
        </form>
      </div>
    </div>
  );
}

/** SPEC A5: expired or reused links fail clearly, and the page can send a new one. */
function LinkProblem({ problem }: { problem: TLinkProblem }) {
  const { t } = useTranslation();
  const title = t(`activate.${problem}Title`);
  useDocumentTitle(title, useTenantName());
  return (
    <div className="k-narrow">
      <PageHeading>{title}</PageHeading>
      <Notice>{t(`activate.${problem}Body`)}</Notice>
      {problem === 'used' ? (
        <p>
          <Link to="/sign-in">{t('activate.toSignIn')}</Link>
        </p>
      ) : null}
      <section className="k-card" aria-labelledby="new-link-heading">
        <h2 id="new-link-heading" className="k-card__title">
          {t('activate.newLinkHeading')}
        </h2>
        {problem === 'used' ? <p>{t('activate.usedResend')}</p> : <p>{t('resend.lead')}</p>}
        <ResendActivationForm />
      </section>
    </div>
  );
}
