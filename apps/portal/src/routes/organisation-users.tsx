import { ORGANISATION_ROLES, type TOrganisationRole, ZOrganisationInvitationRequest } from '@kyogikai/domain';
import {
  apiErrorKey,
  ErrorSummary,
  formatDate,
  ModalDialog,
  Notice,
  PageHeading,
  SelectField,
  TextField,
  useDocumentTitle,
  useFormErrors,
} from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { formErrorsFromIssues } from '../lib/client-checks';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';
import { CardSection } from '../features/layout/card-section';

type TUser = PortalOutputs['delegation']['listUsers']['users'][number];

/**
 * 「利用者の管理」 (SPEC G7): who acts for the organisation and as what; invite someone (own staff
 * or a registered support organisation) by email with a role; revoke access after a confirmation.
 * Only for users with manage_users; the API refuses everyone else anyway.
 */
export function OrganisationUsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisationUsers.title'), useTenantName());
  return <RequireSignedIn>{() => <OrganisationUsers />}</RequireSignedIn>;
}

function OrganisationUsers() {
  const { t, i18n } = useTranslation();
  const list = trpc.delegation.listUsers.useQuery(undefined, { retry: false, refetchOnMount: 'always' });
  const revoke = trpc.delegation.revoke.useMutation();
  const cancelInvitation = trpc.delegation.cancelInvitation.useMutation();
  const utils = trpc.useUtils();
  const [revoking, setRevoking] = useState<TUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const backLink = (
    <p className="k-section-gap">
      <Link to="/">{t('organisationUsers.backToMyPage')}</Link>
    </p>
  );
  if (list.isPending) return <Loading />;
  if (list.isError) {
    const key = apiErrorKey(list.error);
    return (
      <>
        <PageHeading>{t('organisationUsers.title')}</PageHeading>
        <Notice>{key === 'organisation.permissionMissing' ? t('organisationUsers.notAllowed') : key ? t(key) : t('common.network')}</Notice>
        {backLink}
      </>
    );
  }
  const { users, invitations, supportOrganisationsAllowed } = list.data;

  async function onConfirmRevoke() {
    const target = revoking;
    setRevoking(null);
    if (!target) return;
    setActionError(null);
    try {
      await revoke.mutateAsync({ membershipId: target.membershipId });
      setNotice(t('organisationUsers.revoked', { name: target.displayName }));
      await utils.delegation.listUsers.invalidate();
    } catch (error) {
      setActionError(t(apiErrorKey(error) ?? 'common.network'));
    }
  }

  async function onCancelInvitation(invitationId: string, email: string) {
    setActionError(null);
    try {
      await cancelInvitation.mutateAsync({ invitationId });
      setNotice(t('organisationUsers.invitationCancelled', { email }));
      await utils.delegation.listUsers.invalidate();
    } catch (error) {
      setActionError(t(apiErrorKey(error) ?? 'common.network'));
    }
  }

  const roleName = (role: TOrganisationRole) => t(`delegation.roles.${role}`);
  return (
    <>
      <PageHeading>{t('organisationUsers.title')}</PageHeading>
      <p className="k-lead">{t('organisationUsers.lead')}</p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {actionError ? <Notice>{actionError}</Notice> : null}
      <InviteForm
        supportOrganisationsAllowed={supportOrganisationsAllowed}
        onInvited={(email) => {
          setNotice(t('organisationUsers.invited', { email }));
          void utils.delegation.listUsers.invalidate();
        }}
      />
      <CardSection headingId="users-heading" title={t('organisationUsers.usersHeading')}>
        <div className="k-table-wrap">
          <table className="k-table">
            <caption className="k-visually-hidden">{t('organisationUsers.usersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisationUsers.name')}</th>
                <th scope="col">{t('organisationUsers.email')}</th>
                <th scope="col">{t('organisationUsers.role')}</th>
                <th scope="col">{t('organisationUsers.status')}</th>
                <th scope="col">{t('organisationUsers.since')}</th>
                <th scope="col">{t('organisationUsers.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.membershipId}>
                  <th scope="row">
                    {user.displayName}
                    {user.isMe ? <span className="k-table__sub">{t('organisationUsers.you')}</span> : null}
                  </th>
                  <td>{user.email}</td>
                  <td>{roleName(user.role)}</td>
                  <td>
                    {user.status === 'revoked'
                      ? t('organisationUsers.statusRevoked', { date: user.revokedAt ? formatDate(user.revokedAt, i18n.language) : '' })
                      : user.suspended
                        ? t('organisationUsers.statusSuspended')
                        : t('organisationUsers.statusActive')}
                  </td>
                  <td>{formatDate(user.grantedAt, i18n.language)}</td>
                  <td>
                    {user.status === 'active' && !user.isMe ? (
                      <button
                        type="button"
                        className="k-button k-button--danger k-button--small"
                        onClick={() => setRevoking(user)}
                        aria-label={t('organisationUsers.revokeNamed', { name: user.displayName })}
                      >
                        {t('organisationUsers.revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardSection>
      {invitations.length > 0 ? (
        <CardSection headingId="invitations-heading" title={t('organisationUsers.invitationsHeading')}>
          <div className="k-table-wrap">
            <table className="k-table">
              <caption className="k-visually-hidden">{t('organisationUsers.invitationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisationUsers.email')}</th>
                  <th scope="col">{t('organisationUsers.role')}</th>
                  <th scope="col">{t('organisationUsers.expiresAt')}</th>
                  <th scope="col">{t('organisationUsers.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.invitationId}>
                    <th scope="row">{invitation.email}</th>
                    <td>{roleName(invitation.role)}</td>
                    <td>
                      {invitation.status === 'expired' ? t('organisationUsers.expired') : formatDate(invitation.expiresAt, i18n.language)}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="k-button k-button--secondary k-button--small"
                        onClick={() => void onCancelInvitation(invitation.invitationId, invitation.email)}
                        aria-label={t('organisationUsers.cancelInvitationNamed', { email: invitation.email })}
                      >
                        {t('organisationUsers.cancelInvitation')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </CardSection>
      ) : null}
      {backLink}
      <ModalDialog
        isOpen={revoking !== null}
        id="revoke-confirm"
        role="alertdialog"
        title={t('organisationUsers.confirmTitle')}
        onCancel={() => setRevoking(null)}
        actions={
          <>
            <button type="button" className="k-button k-button--danger" onClick={() => void onConfirmRevoke()}>
              {t('organisationUsers.confirm')}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={() => setRevoking(null)}>
              {t('organisationUsers.keep')}
            </button>
          </>
        }
      >
        <p>{revoking ? t('organisationUsers.confirmBody', { name: revoking.displayName, email: revoking.email }) : null}</p>
      </ModalDialog>
    </>
  );
}

function InviteForm({
  supportOrganisationsAllowed,
  onInvited,
}: {
  supportOrganisationsAllowed: boolean;
  onInvited: (email: string) => void;
}) {
  const { t } = useTranslation();
  const invite = trpc.delegation.invite.useMutation();
  const [values, setValues] = useState({ email: '', role: '' });
  const fields = useMemo(
    () => ({
      email: { id: 'invite-email', label: t('organisationUsers.email') },
      role: { id: 'invite-role', label: t('organisationUsers.role') },
    }),
    [t],
  );
  const form = useFormErrors(fields);
  const roles = ORGANISATION_ROLES.filter((role) => supportOrganisationsAllowed || role !== 'support_organisation');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invite.isPending) return;
    const check = ZOrganisationInvitationRequest.safeParse(values);
    if (!check.success) {
      form.showErrors(
        formErrorsFromIssues(check.error.issues.map((i) => (i.path[0] === 'role' ? { ...i, message: 'validation.required' } : i))),
      );
      return;
    }
    try {
      await invite.mutateAsync(check.data);
      form.clear();
      setValues({ email: '', role: '' });
      onInvited(check.data.email);
    } catch (error) {
      form.showApiError(error);
    }
  }

  return (
    <CardSection headingId="invite-heading" title={t('organisationUsers.inviteHeading')}>
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <p>{t('organisationUsers.inviteLead')}</p>
      {supportOrganisationsAllowed ? null : <p>{t('organisationUsers.supportDisabled')}</p>}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
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
        />
        <SelectField
          id={fields.role.id}
          name="role"
          label={fields.role.label}
          hint={t('organisationUsers.roleHint')}
          value={values.role}
          onValueChange={(role) => setValues((current) => ({ ...current, role }))}
          placeholder={t('form.choose')}
          options={roles.map((role) => ({ value: role, label: t(`delegation.roles.${role}`) }))}
          error={form.fieldError('role')}
          isRequired
        />
        <div className="k-form-actions">
          <button type="submit" className="k-button" aria-disabled={invite.isPending || undefined}>
            {t('organisationUsers.inviteSubmit')}
          </button>
        </div>
      </form>
    </CardSection>
  );
}
