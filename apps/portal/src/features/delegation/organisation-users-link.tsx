import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trpc } from '../../lib/trpc';

/** マイページ → 「利用者の管理」 (SPEC G7), only for users who may manage the organisation's users. */
export function OrganisationUsersLink() {
  const { t } = useTranslation();
  const organisation = trpc.organisation.get.useQuery(undefined, { retry: false });
  if (!organisation.data?.myPermissions.includes('manage_users')) return null;
  return (
    <section className="k-card" aria-labelledby="organisation-users-heading">
      <h2 id="organisation-users-heading" className="k-card__title">
        {t('organisationUsers.title')}
      </h2>
      <p>{t('organisationUsers.myPageLead')}</p>
      <p>
        <Link to="/organisation/users">{t('organisationUsers.myPageLink')}</Link>
      </p>
    </section>
  );
}
