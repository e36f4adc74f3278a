import { ZInvitationNewAccount } from '@kyogikai/domain';
import { apiErrorKey, ErrorSummary, hasFormErrors, Notice, PageHeading, TextField, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ConsentDocument } from '../features/account/consent-document';
import { NewPasswordFields } from '../features/account/new-password-field';
import { passwordConfirmationErrors } from '../features/account/password-confirmation';
import { Loading } from '../features/session/require-signed-in';
import { useCurrentUser } from '../features/session/use-session';
import { formErrorsFromIssues } from '../lib/client-checks';
import { signInReturningTo } from '../lib/return-path';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TInvitation = PortalOutputs['delegation']['checkInvitation'];
type TProblem = 'expired' | 'accepted' | 'cancelled' | 'invalid' | 'supportDisabled';

const PROBLEM_OF_ERROR: Record<string, TProblem> = {
  'account.linkExpired': 'expired',
  'account.linkUsed': 'accepted',
  'account.linkInvalid': 'invalid',
  'delegation.invitationCancelled': 'cancelled',
  'delegation.supportOrganisationsDisabled': 'supportDisabled',
};

/**
 * 「招待の承認」 (SPEC G7): the URL in the invitation mail. The link is checked first; then a
 * signed-in applicant accepts with their account, someone whose address has an account is asked
 * to sign in first, and anyone else creates an account here (name and password) and is signed in,
 * acting for the inviting organisation.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('acceptInvitation.title'), useTenantName());
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useCurrentUser();
  const check = trpc.delegation.checkInvitation.useQuery({ token }, { enabled: token.length > 0, retry: false, staleTime: 0 });
  const [problem, setProblem] = useState<TProblem | null>(null);
  const [created, setCreated] = useState<{ loginId: string } | null>(null);

  if (created) return <AccountCreated loginId={created.loginId} />;
  if (!token) return <Problem problem="invalid" />;
  if (problem) return <Problem problem={problem} />;
  if (check.isPending || me.isPending) {
    return (
      <>
        <PageHeading>{t('acceptInvitation.title')}</PageHeading>
        <p className="k-loading" role="status">
          {t('acceptInvitation.checking')}
        </p>
      </>
    );
  }
  if (check.isError) return <Problem problem={PROBLEM_OF_ERROR[apiErrorKey(check.error) ?? ''] ?? 'invalid'} />;
  if (check.data.status !== 'pending') return <Problem problem={check.data.status} />;

  const signedIn = me.data?.user.role === 'applicant' ? me.data.user : null;
  return (
    <div className="k-narrow">
      <PageHeading>{t('acceptInvitation.title')}</PageHeading>
      <InvitationSummary invitation={check.data} />
      {signedIn ? (
        <AcceptSignedIn token={token} displayName={signedIn.displayName} onProblem={setProblem} />
      ) : check.data.accountExists ? (
        <section className="k-card" aria-labelledby="sign-in-first-heading">
          <h2 id="sign-in-first-heading" className="k-card__title">
            {t('acceptInvitation.signInFirstHeading')}
          </h2>
          <p>{t('acceptInvitation.signInFirst')}</p>
          <p>
            <Link to={signInReturningTo(`/accept-invitation?token=${encodeURIComponent(token)}`)}>{t('acceptInvitation.toSignIn')}</Link>
          </p>
        </section>
      ) : (
        <NewAccountForm token={token} onProblem={setProblem} onCreated={setCreated} />
      )}
    </div>
  );
}

function InvitationSummary({ invitation }: { invitation: TInvitation }) {
  const { t } = useTranslation();
  return (
    <section className="k-card" aria-labelledby="invitation-heading">
      <h2 id="invitation-heading" className="k-card__title">
        {t('acceptInvitation.summaryHeading')}
      </h2>
      <dl className="k-summary-list">
        <dt>{t('acceptInvitation.organisation')}</dt>
        <dd>{invitation.corporateName ?? t('delegation.noName')}</dd>
        <dt>{t('acceptInvitation.role')}</dt>
        <dd>{invitation.role ? t(`delegation.roles.${invitation.role}`) : ''}</dd>
        <dt>{t('acceptInvitation.email')}</dt>
        <dd>{invitation.email}</dd>
      </dl>
    </section>
  );
}

function AcceptSignedIn({ token, displayName, onProblem }: { token: string; displayName: string; onProblem: (p: TProblem) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const accept = trpc.delegation.acceptSignedIn.useMutation();
  const [error, setError] = useState<string | null>(null);

  async function onAccept() {
    if (accept.isPending) return;
    try {
      await accept.mutateAsync({ token });
      await utils.invalidate();
      void navigate('/', { replace: true });
    } catch (caught) {
      const key = apiErrorKey(caught);
      const problem = PROBLEM_OF_ERROR[key ?? ''];
      if (problem) onProblem(problem);
      else setError(t(key ?? 'common.network'));
    }
  }

  return (
    <section className="k-card" aria-labelledby="accept-heading">
      <h2 id="accept-heading" className="k-card__title">
        {t('acceptInvitation.acceptHeading')}
      </h2>
      {error ? <Notice>{error}</Notice> : null}
      <p>{t('acceptInvitation.acceptAs', { name: displayName })}</p>
      <button type="button" className="k-button" onClick={() => void onAccept()} aria-disabled={accept.isPending || undefined}>
        {t('acceptInvitation.accept')}
      </button>
    </section>
  );
}

function NewAccountForm({
  token,
  onProblem,
  onCreated,
}: {
  token: string;
  onProblem: (p: TProblem) => void;
  onCreated: (created: { loginId: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const accept = trpc.delegation.acceptWithNewAccount.useMutation();
  const documents = trpc.tenant.consentDocuments.useQuery(undefined, { staleTime: 5 * 60_000 });
  const privacyPolicy = documents.data?.find((doc) => doc.key === 'privacy-policy') ?? null;
  const [values, setValues] = useState({ displayName: '', password: '', passwordConfirmation: '' });
  /** The version of the privacy policy the person ticked ('' = not ticked), SPEC A3. */
  const [privacyVersion, setPrivacyVersion] = useState('');
  const fields = useMemo(
    () => ({
      displayName: { id: 'displayName', label: t('acceptInvitation.displayName') },
      password: { id: 'password', label: t('labels.password') },
      passwordConfirmation: { id: 'passwordConfirmation', label: t('labels.passwordConfirmation') },
      'consents.privacy-policy': {
        id: 'consent-privacy-policy',
        label: t('provisional.agree', { title: i18n.language === 'en' ? privacyPolicy?.titleEn : privacyPolicy?.titleJa }),
      },
    }),
    [t, i18n.language, privacyPolicy],
  );
  const form = useFormErrors(fields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (accept.isPending) return;
    const check = ZInvitationNewAccount.safeParse({ ...values, consents: { 'privacy-policy': privacyVersion } });
    if (!check.success) {
      form.showErrors(formErrorsFromIssues(check.error.issues));
      return;
    }
    const mismatch = passwordConfirmationErrors(values);
    if (hasFormErrors(mismatch)) {
      form.showErrors(mismatch);
      return;
    }
    try {
      const result = await accept.mutateAsync({ token, ...check.data });
      await utils.session.me.invalidate();
      onCreated({ loginId: result.loginId });
    } catch (error) {
      const problem = PROBLEM_OF_ERROR[apiErrorKey(error) ?? ''];
      if (problem) {
        onProblem(problem);
        return;
      }
      if (apiErrorKey(error) === 'account.consentOutdated') {
        setPrivacyVersion('');
        void documents.refetch();
      }
      form.showApiError(error);
    }
  }

  return (
    <section className="k-card" aria-labelledby="new-account-heading">
      <h2 id="new-account-heading" className="k-card__title">
        {t('acceptInvitation.newAccountHeading')}
      </h2>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <p>{t('acceptInvitation.newAccountLead')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={fields.displayName.id}
          name="displayName"
          label={fields.displayName.label}
          value={values.displayName}
          onValueChange={(displayName) => setValues((current) => ({ ...current, displayName }))}
          error={form.fieldError('displayName')}
          isRequired
          autoComplete="name"
        />
        <NewPasswordFields
          fields={fields}
          values={values}
          onValueChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
          fieldError={form.fieldError}
        />
        {documents.isPending ? <Loading /> : null}
        {documents.isError ? <Notice>{t('provisional.documentsFailed')}</Notice> : null}
        {privacyPolicy ? (
          <ConsentDocument
            doc={privacyPolicy}
            tickedVersion={privacyVersion}
            onTickedVersionChange={setPrivacyVersion}
            error={form.fieldError('consents.privacy-policy')}
          />
        ) : null}
        <div className="k-form-actions">
          <button type="submit" className="k-button" aria-disabled={accept.isPending || undefined}>
            {t('acceptInvitation.createAndAccept')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The new account's ユーザーID, shown once here: the invitee signs in with it from now on. */
function AccountCreated({ loginId }: { loginId: string }) {
  const { t } = useTranslation();
  return (
    <div className="k-narrow">
      <PageHeading>{t('acceptInvitation.createdTitle')}</PageHeading>
      <Notice tone="success">{t('acceptInvitation.created')}</Notice>
      <dl className="k-summary-list">
        <dt>{t('labels.loginId')}</dt>
        <dd>
          <strong>{loginId}</strong>
        </dd>
      </dl>
      <p>{t('acceptInvitation.keepLoginId')}</p>
      <p>
        <Link to="/">{t('acceptInvitation.toMyPage')}</Link>
      </p>
    </div>
  );
}

function Problem({ problem }: { problem: TProblem }) {
  const { t } = useTranslation();
  return (
    <div className="k-narrow">
      <PageHeading>{t('acceptInvitation.title')}</PageHeading>
      <Notice>{t(`acceptInvitation.problem.${problem}`)}</Notice>
      <p>
        <Link to="/sign-in">{t('acceptInvitation.toSignIn')}</Link>
      </p>
    </div>
  );
}
