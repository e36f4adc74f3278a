import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trpc } from '../../lib/trpc';
import { ORGANISATION_DOCUMENTS_PATH } from './organisation-document-links';

/**
 * マイページ's way to 「法人・事業所の書類」 (SPEC B4c): shown only when the council asks for documents
 * of the organisation or of its establishments, with how many of the required ones are there.
 */
export function OrganisationDocumentsCard({ isEditable }: { isEditable: boolean }) {
  const { t } = useTranslation();
  const slots = trpc.document.organisationSlots.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  if (!slots.data) return null;
  const { organisation, establishments, establishmentDocuments } = slots.data;
  if (organisation.length === 0 && establishmentDocuments.length === 0) return null;
  const required = [...organisation, ...establishments.flatMap((establishment) => establishment.slots)].filter((slot) => slot.required);
  return (
    <section className="k-card" aria-labelledby="organisation-documents-card-heading">
      <h2 id="organisation-documents-card-heading" className="k-card__title">
        {t('organisationDocuments.title')}
      </h2>
      <p>{t('organisationDocuments.cardLead')}</p>
      <p>
        <strong>
          {t('organisationDocuments.cardProgress', { done: required.filter((slot) => slot.document).length, total: required.length })}
        </strong>
      </p>
      <p>
        <Link to={ORGANISATION_DOCUMENTS_PATH}>
          {isEditable ? t('organisationDocuments.cardLink') : t('organisationDocuments.cardLinkLocked')}
        </Link>
      </p>
    </section>
  );
}
