import { PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTenantName } from '../lib/use-tenant';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'), useTenantName());
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('common.backToTop')}</Link>
      </p>
    </>
  );
}
