import { apiErrorKey, Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DocumentUploads } from '../features/documents/document-uploads';
import { establishmentSlotsPrefix, ORGANISATION_SLOTS_PREFIX } from '../features/documents/organisation-document-links';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

type TOrganisationSlots = PortalOutputs['document']['organisationSlots'];

/**
 * 「法人・事業所の書類」 (SPEC B4c, issue 5): the documents a council asks of the member itself (e.g.
 * 登記事項証明書) and of each accepting establishment (e.g. 飲食店営業許可証の写し), with the same
 * upload widget as a worker's documents. Reached from マイページ when the council asks for such
 * documents; read-only once the application is handed in (the API refuses edits anyway).
 */
export function OrganisationDocumentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisationDocuments.title'), useTenantName());
  return <RequireSignedIn>{() => <OrganisationDocumentsLoader />}</RequireSignedIn>;
}

function OrganisationDocumentsLoader() {
  const { t } = useTranslation();
  const slots = trpc.document.organisationSlots.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  const myPage = trpc.mypage.get.useQuery(undefined, { retry: false });
  const error = slots.error ?? myPage.error;
  return (
    <>
      <PageHeading>{t('organisationDocuments.title')}</PageHeading>
      {error ? (
        <Notice>{apiErrorKey(error) === 'organisation.notSelected' ? t('myPage.noOrganisation') : t('common.network')}</Notice>
      ) : null}
      {!error && (slots.isPending || myPage.isPending) ? <Loading /> : null}
      {slots.data && myPage.data ? <OrganisationDocuments data={slots.data} isEditable={myPage.data.isEditable} /> : null}
      <p className="k-section-gap">
        <Link to="/">{t('step1.backToMyPage')}</Link>
      </p>
    </>
  );
}

function OrganisationDocuments({ data, isEditable }: { data: TOrganisationSlots; isEditable: boolean }) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const location = useLocation();
  const onChanged = async () => {
    await Promise.all([
      utils.document.organisationSlots.invalidate(),
      utils.application.checklist.invalidate(),
      utils.mypage.get.invalidate(),
    ]);
  };
  const name = (slot: { nameJa: string; nameEn: string }) => (i18n.language === 'en' ? slot.nameEn : slot.nameJa);

  // A checklist link names the slot in the hash: bring it into view and put the focus on its control.
  // Deferred a task: the layout moves the focus to the page heading after a navigation, which would
  // otherwise win (its effect runs after this one).
  useEffect(() => {
    const id = location.hash ? decodeURIComponent(location.hash.slice(1)) : '';
    if (!id) return;
    const timer = window.setTimeout(() => {
      const target = document.getElementById(id);
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      target.querySelector<HTMLElement>('input[type=file], a, button')?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [location.hash]);

  // Reached by its address in a council that asks for no such documents.
  if (data.organisation.length === 0 && data.establishmentDocuments.length === 0)
    return <p className="k-lead">{t('organisationDocuments.none')}</p>;

  return (
    <>
      <p className="k-lead">{isEditable ? t('organisationDocuments.lead') : t('organisationDocuments.leadLocked')}</p>
      {isEditable ? <p>{t('documents.lead')}</p> : null}

      {data.organisation.length > 0 ? (
        <section className="k-card" aria-labelledby="organisation-documents-heading">
          <h2 id="organisation-documents-heading" className="k-card__title">
            {t('organisationDocuments.organisationHeading')}
          </h2>
          <DocumentUploads
            target={{ scope: 'organisation' }}
            idPrefix={ORGANISATION_SLOTS_PREFIX}
            slots={data.organisation}
            isEditable={isEditable}
            headingId="organisation-documents-heading"
            deleteBody={(file) => t('organisationDocuments.deleteBodyOrganisation', file)}
            onChanged={onChanged}
            hasLead={false}
          />
        </section>
      ) : null}

      {data.establishmentDocuments.length > 0 ? (
        <section className="k-card" aria-labelledby="establishment-documents-heading">
          <h2 id="establishment-documents-heading" className="k-card__title">
            {t('organisationDocuments.establishmentsHeading')}
          </h2>
          <p>
            {t('organisationDocuments.establishmentsLead', {
              documents: data.establishmentDocuments.map(name).join(t('checklist.separator')),
            })}
          </p>
          {data.establishments.length === 0 ? (
            <>
              <p>{t('organisationDocuments.noEstablishments')}</p>
              {isEditable ? (
                <p>
                  <Link to="/application/workers/new">{t('organisationDocuments.addWorker')}</Link>
                </p>
              ) : null}
            </>
          ) : null}
          {data.establishments.map((establishment) => {
            const headingId = `establishment-${establishment.id}-heading`;
            return (
              <div key={establishment.id} className="k-review-item">
                <h3 id={headingId} className="k-subheading">
                  {establishment.name}
                </h3>
                {establishment.workerCount === 0 ? <p className="k-hint">{t('organisationDocuments.establishmentUnused')}</p> : null}
                <DocumentUploads
                  target={{ scope: 'establishment', establishmentId: establishment.id }}
                  idPrefix={establishmentSlotsPrefix(establishment.id)}
                  slots={establishment.slots}
                  isEditable={isEditable}
                  headingId={headingId}
                  deleteBody={(file) => t('organisationDocuments.deleteBodyEstablishment', { ...file, establishment: establishment.name })}
                  onChanged={onChanged}
                  hasLead={false}
                />
              </div>
            );
          })}
        </section>
      ) : null}
    </>
  );
}
