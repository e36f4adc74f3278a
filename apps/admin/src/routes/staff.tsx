import { PASSWORD_MIN_LENGTH, passwordIssues, type TStaffRole } from '@kyogikai/domain';
import {
  ErrorSummary,
  hasFormErrors,
  Notice,
  PageHeading,
  PasswordRuleChecklist,
  requiredFieldErrors,
  TextField,
  useDocumentTitle,
  useFormErrors,
} from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCurrentUser } from '../features/session/use-session';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

const ROLES: readonly TStaffRole[] = ['secretariat', 'ministry', 'tenant_admin'];
const EMPTY = { email: '', displayName: '', role: 'secretariat' as TStaffRole, password: '' };

/**
 * 職員の管理 (SPEC G1): the council's staff accounts. Secretariat and tenant admins see the list;
 * only tenant admins add accounts. The new member is mailed a notice with the sign-in address; the
 * initial password is never mailed — the admin hands it over.
 */
export function StaffPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tenantName = useTenantName();
  useDocumentTitle(t('staffPage.title'), tenantName);
  const role = me.data?.user.role;
  const canList = role === 'secretariat' || role === 'tenant_admin';
  const staff = trpc.staff.find.useQuery(undefined, { enabled: canList });

  if (me.isPending) {
    return (
      <p className="k-loading" role="status">
        {t('layout.loading')}
      </p>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!canList) return <Notice>{t('common.forbidden')}</Notice>;

  return (
    <>
      <PageHeading>{t('staffPage.title')}</PageHeading>
      <p>
        <Link to="/">{t('staffPage.backToDashboard')}</Link>
      </p>
      <section className="k-card" aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading" className="k-card__title">
          {t('staffPage.listHeading')}
        </h2>
        {staff.isPending ? (
          <p role="status">{t('layout.loading')}</p>
        ) : staff.isError ? (
          <Notice>{t('common.network')}</Notice>
        ) : (
          <table className="k-admin-table">
            <caption className="k-visually-hidden">{t('staffPage.listHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffPage.displayName')}</th>
                <th scope="col">{t('staffPage.email')}</th>
                <th scope="col">{t('staffPage.role')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.map((member) => (
                <tr key={member.id}>
                  <td>{member.displayName}</td>
                  <td>{member.email}</td>
                  <td>{t(`roles.${member.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {role === 'tenant_admin' ? <AddStaffForm /> : <p>{t('staffPage.onlyAdminsAdd')}</p>}
    </>
  );
}

function AddStaffForm() {
  const { t } = useTranslation();
  const utils = trpc.useUtils();
  const create = trpc.staff.create.useMutation();
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const fields = {
    displayName: { id: 'staff-name', label: t('staffPage.displayName') },
    email: { id: 'staff-email', label: t('staffPage.email') },
    role: { id: 'staff-role-secretariat', label: t('staffPage.role') },
    password: { id: 'staff-password', label: t('staffPage.initialPassword') },
  };
  const form = useFormErrors(fields);
  const issues = passwordIssues(values.password);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const missing = requiredFieldErrors(values, ['displayName', 'email', 'password']);
    if (hasFormErrors(missing)) {
      form.showErrors(missing);
      return;
    }
    try {
      const member = await create.mutateAsync(values);
      form.clear();
      setValues(EMPTY);
      setAdded(member.displayName);
      await utils.staff.find.invalidate();
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <section className="k-card" aria-labelledby="staff-add-heading">
      <h2 id="staff-add-heading" className="k-card__title">
        {t('staffPage.addHeading')}
      </h2>
      {added ? <Notice tone="success">{t('staffPage.added', { name: added })}</Notice> : null}
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <p>{t('staffPage.addLead')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={fields.displayName.id}
          name="displayName"
          label={fields.displayName.label}
          value={values.displayName}
          onValueChange={(displayName) => setValues((current) => ({ ...current, displayName }))}
          error={form.fieldError('displayName')}
          isRequired
          autoComplete="off"
        />
        <TextField
          id={fields.email.id}
          name="email"
          type="email"
          label={fields.email.label}
          value={values.email}
          onValueChange={(email) => setValues((current) => ({ ...current, email }))}
          error={form.fieldError('email')}
          isRequired
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <fieldset className="k-admin-fieldset">
          <legend>{fields.role.label}</legend>
          {ROLES.map((option) => (
            <label key={option} className="k-admin-radio">
              <input
                type="radio"
                id={`staff-role-${option}`}
                name="role"
                value={option}
                checked={values.role === option}
                onChange={() => setValues((current) => ({ ...current, role: option }))}
              />{' '}
              {t(`roles.${option}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          id={fields.password.id}
          name="password"
          type="text"
          label={fields.password.label}
          value={values.password}
          onValueChange={(password) => setValues((current) => ({ ...current, password }))}
          error={form.fieldError('password')}
          isRequired
          autoComplete="new-password"
          spellCheck={false}
          describedBy="staff-password-rules"
          hint={t('staffPage.initialPasswordHint')}
          afterInput={
            <PasswordRuleChecklist id="staff-password-rules" value={values.password} issues={issues} minLength={PASSWORD_MIN_LENGTH} />
          }
        />
        <button type="submit" className="k-button" disabled={create.isPending}>
          {t('staffPage.addButton')}
        </button>
      </form>
    </section>
  );
}
