import { ZPasswordChangeForm } from '@kyogikai/domain';
import { ErrorSummary, PageHeading, TextField, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NewPasswordField } from '../features/account/new-password-field';
import { RequireSignedIn } from '../features/session/require-signed-in';
import { formErrorsFromIssues } from '../lib/client-checks';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

/** 「パスワード変更」 for a signed-in user (linked from マイページ). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePassword.title'), useTenantName());
  return <RequireSignedIn>{() => <ChangePasswordForm />}</RequireSignedIn>;
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const change = trpc.account.changePassword.useMutation();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', newPasswordConfirmation: '' });
  const fields = useMemo(
    () => ({
      currentPassword: { id: 'currentPassword', label: t('changePassword.currentPassword') },
      newPassword: { id: 'newPassword', label: t('changePassword.newPassword') },
      newPasswordConfirmation: { id: 'newPasswordConfirmation', label: t('changePassword.newPasswordConfirmation') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const check = ZPasswordChangeForm.safeParse(values);
    if (!check.success) {
      form.showErrors(formErrorsFromIssues(check.error.issues));
      return;
    }
    try {
      await change.mutateAsync(values);
      void navigate('/', { state: { notice: 'passwordChanged' } });
    } catch (error) {
      setValues((current) => ({ ...current, currentPassword: '' }));
      form.showApiError(error);
    }
  }

  return (
    <div className="k-narrow">
      <PageHeading>{t('changePassword.title')}</PageHeading>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <div className="k-card">
        <p>{t('changePassword.lead')}</p>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id={fields.currentPassword.id}
            name="currentPassword"
            type="password"
            label={fields.currentPassword.label}
            value={values.currentPassword}
            onValueChange={set('currentPassword')}
            error={form.fieldError('currentPassword')}
            isRequired
            autoComplete="current-password"
          />
          <NewPasswordField
            id={fields.newPassword.id}
            name="newPassword"
            label={fields.newPassword.label}
            value={values.newPassword}
            onValueChange={set('newPassword')}
            error={form.fieldError('newPassword')}
          />
          <TextField
            id={fields.newPasswordConfirmation.id}
            name="newPasswordConfirmation"
            type="password"
            label={fields.newPasswordConfirmation.label}
            value={values.newPasswordConfirmation}
            onValueChange={set('newPasswordConfirmation')}
            error={form.fieldError('newPasswordConfirmation')}
            isRequired
            autoComplete="new-password"
          />
          <div className="k-form-actions">
            <button type="submit" className="k-button" aria-disabled={change.isPending || undefined}>
              {t('changePassword.submit')}
            </button>
            <Link to="/">{t('step1.backToMyPage')}</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
