import type { TCustomField } from '@kyogikai/domain';
import {
  apiErrorKey,
  ErrorSummary,
  formatBytes,
  formErrorsFromApiError,
  Notice,
  PageHeading,
  translateMessage,
  useDocumentTitle,
} from '@kyogikai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { customFieldLabel } from '../features/custom-fields/custom-field-inputs';
import { ORGANISATION_DOCUMENTS_PATH } from '../features/documents/organisation-document-links';
import { STEP1_TEXT_FIELDS, step1FieldLabelKey } from '../features/organisation/step1-fields';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { establishmentLabel } from '../features/establishments/establishment-picker';
import { nationalityName } from '../features/workers/nationality';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';
import type { TSubmittedState } from './application-submitted';

type TReview = PortalOutputs['application']['review'];

/**
 * SPEC B5: 「申請内容の確認」, everything that will be submitted, read once more before the final
 * 「上記内容で申請を行う」 (check your answers); each part links to where it is changed.
 */
export function ApplicationReviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('review.title'), useTenantName());
  return <RequireSignedIn>{() => <ReviewLoader />}</RequireSignedIn>;
}

function ReviewLoader() {
  const { t, i18n } = useTranslation();
  const review = trpc.application.review.useQuery(undefined, { refetchOnMount: 'always', staleTime: 0, retry: false });
  const checklist = trpc.application.checklist.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  if (review.isPending || checklist.isPending) {
    return (
      <>
        <PageHeading>{t('review.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (review.isError || checklist.isError) {
    const summary = formErrorsFromApiError(review.error ?? checklist.error).summary ?? { key: 'common.internal' };
    return (
      <>
        <PageHeading>{t('review.title')}</PageHeading>
        <Notice>{translateMessage(t, i18n, summary)}</Notice>
        <p>
          <Link to="/">{t('step1.backToMyPage')}</Link>
        </p>
      </>
    );
  }
  return <Review review={review.data} missingCount={checklist.data.isComplete ? 0 : checklist.data.items.length} />;
}

/**
 * The council's document names by key. The review answer names stored documents by key only; the
 * slots of any one worker carry the names (every worker has the same slots).
 */
function useDocumentNames(workerId: string | undefined): Map<string, { nameJa: string; nameEn: string; order: number }> {
  const slots = trpc.document.slots.useQuery({ workerId: workerId ?? '' }, { enabled: workerId !== undefined, staleTime: 60_000 });
  return new Map((slots.data?.required ?? []).map((slot, order) => [slot.key, { nameJa: slot.nameJa, nameEn: slot.nameEn, order }]));
}

const EDITABLE_STATES = new Set(['draft', 'returned']);

function Review({ review, missingCount }: { review: TReview; missingCount: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const submit = trpc.application.submit.useMutation();
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isEditable = EDITABLE_STATES.has(review.application.state);
  const { organisation } = review;
  const establishmentsById = new Map(review.establishments.map((establishment) => [establishment.id, establishment]));
  const documentNames = useDocumentNames(review.workers[0]?.id);
  const formFields = trpc.tenant.formFields.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });

  async function onSubmit() {
    if (isBusy) return;
    setIsBusy(true);
    try {
      const result = await submit.mutateAsync({ applicationId: review.application.id, version: review.application.version });
      // Everything the applicant sees has changed state (locked, timeline, status).
      await utils.invalidate();
      void navigate('/application/submitted', {
        replace: true,
        state: { referenceNumber: result.referenceNumber, submittedAt: result.submittedAt } satisfies TSubmittedState,
      });
    } catch (caught) {
      const summary = formErrorsFromApiError(caught).summary ?? { key: 'common.internal' };
      setError((current) => ({ message: translateMessage(t, i18n, summary), attempt: (current?.attempt ?? 0) + 1 }));
      if (apiErrorKey(caught) !== 'application.incomplete') void utils.application.review.invalidate();
      setIsBusy(false);
    }
  }

  // The council's order, then other documents as they were added.
  const sortedDocuments = <T extends { documentKey: string }>(documents: readonly T[]): T[] =>
    [...documents].sort(
      (a, b) =>
        (documentNames.get(a.documentKey)?.order ?? Number.MAX_SAFE_INTEGER) -
        (documentNames.get(b.documentKey)?.order ?? Number.MAX_SAFE_INTEGER),
    );
  const documentName = (document: { documentKey: string; customName: string | null }) => {
    if (document.customName) return document.customName;
    const names = documentNames.get(document.documentKey);
    return names ? (i18n.language === 'en' ? names.nameEn : names.nameJa) : document.documentKey;
  };

  return (
    <>
      <PageHeading>{t('review.title')}</PageHeading>
      <p className="k-lead">{isEditable ? t('review.lead') : t('review.leadLocked')}</p>
      <ErrorSummary message={error?.message} items={[]} attempt={error?.attempt ?? 0} />
      {error ? (
        <p>
          <Link to="/">{t('review.backToFix')}</Link>
        </p>
      ) : null}

      <section className="k-card" aria-labelledby="review-step1-heading">
        <h2 id="review-step1-heading" className="k-card__title">
          {t('steps.step1')}
        </h2>
        <dl className="k-summary-list">
          {STEP1_TEXT_FIELDS.map((field) => (
            <div key={field} className="k-summary-list__row">
              <dt>{t(`step1.summaryLabels.${field}`, { defaultValue: t(step1FieldLabelKey(field)) })}</dt>
              <dd>{organisation[field] || t('review.notEntered')}</dd>
            </div>
          ))}
          <div className="k-summary-list__row">
            <dt>{t('step1.fields.directoryOptIn')}</dt>
            <dd>{organisation.directoryOptIn ? t('review.directoryYes') : t('review.directoryNo')}</dd>
          </div>
        </dl>
        {isEditable ? (
          <p className="k-section-gap">
            <Link to="/application/step1" aria-label={t('review.changeFor', { what: t('steps.step1') })}>
              {t('review.change')}
            </Link>
          </p>
        ) : null}
      </section>

      <section className="k-card" aria-labelledby="review-establishments-heading">
        <h2 id="review-establishments-heading" className="k-card__title">
          {t('review.establishmentsHeading', { count: review.establishments.length })}
        </h2>
        {review.establishments.length === 0 ? <p>{t('review.none')}</p> : null}
        {review.establishments.map((establishment) => (
          <div key={establishment.id} className="k-review-item">
            <h3 className="k-subheading">{establishment.name}</h3>
            <dl className="k-summary-list">
              <div className="k-summary-list__row">
                <dt>{t('step1.fields.postalCode')}</dt>
                <dd>{establishment.postalCode ?? t('review.notEntered')}</dd>
              </div>
              <div className="k-summary-list__row">
                <dt>{t('review.address')}</dt>
                <dd>
                  {establishment.prefecture}
                  {establishment.city}
                  {establishment.town}
                  {establishment.building ? ` ${establishment.building}` : ''}
                </dd>
              </div>
              <div className="k-summary-list__row">
                <dt>{t('step1.fields.phone')}</dt>
                <dd>{establishment.phone ?? t('review.notEntered')}</dd>
              </div>
              <CustomFieldRows fields={formFields.data?.establishment ?? []} values={establishment.extra} />
            </dl>
          </div>
        ))}
      </section>

      <ReviewOrganisationDocuments isEditable={isEditable} />

      <section className="k-card" aria-labelledby="review-workers-heading">
        <h2 id="review-workers-heading" className="k-card__title">
          {t('review.workersHeading', { count: review.workers.length })}
        </h2>
        {review.workers.length === 0 ? <p>{t('review.none')}</p> : null}
        {review.workers.map((worker, index) => (
          <div key={worker.id} className="k-review-item">
            <h3 className="k-subheading">
              {t('review.workerNumber', { n: index + 1 })} <span lang="en">{worker.nameLatin}</span>
            </h3>
            <dl className="k-summary-list">
              <div className="k-summary-list__row">
                <dt>{t('labels.workerNameLatin')}</dt>
                <dd lang="en">{worker.nameLatin}</dd>
              </div>
              <div className="k-summary-list__row">
                <dt>{t('labels.nationality')}</dt>
                <dd>{nationalityName(worker.nationality, i18n.language)}</dd>
              </div>
              <div className="k-summary-list__row">
                <dt>{t('labels.workerNameKana')}</dt>
                <dd>{worker.nameKana || t('review.notEntered')}</dd>
              </div>
              <CustomFieldRows fields={formFields.data?.worker ?? []} values={worker.extra} />
              <div className="k-summary-list__row">
                <dt>{t('workers.establishmentsColumn')}</dt>
                <dd>
                  <ul className="k-plain-list">
                    {worker.establishmentIds.map((id) => {
                      const establishment = establishmentsById.get(id);
                      return <li key={id}>{establishment ? establishmentLabel(establishment) : id}</li>;
                    })}
                  </ul>
                </dd>
              </div>
              <div className="k-summary-list__row">
                <dt>{t('review.documents')}</dt>
                <dd>
                  {worker.documents.length === 0 ? (
                    t('review.noDocuments')
                  ) : (
                    <ul className="k-plain-list">
                      {sortedDocuments(worker.documents).map((document) => (
                        <li key={document.id}>
                          {documentName(document)}：{document.fileName}（{formatBytes(document.byteSize, i18n.language)}）
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
            {isEditable ? (
              <p>
                <Link to={`/application/workers/${worker.id}`} aria-label={t('review.changeFor', { what: worker.nameLatin })}>
                  {t('review.change')}
                </Link>
              </p>
            ) : null}
          </div>
        ))}
      </section>

      {isEditable ? (
        <section className="k-card" aria-labelledby="review-submit-heading">
          <h2 id="review-submit-heading" className="k-card__title">
            {t('review.submitHeading')}
          </h2>
          <p>{t('review.submitNote')}</p>
          {missingCount > 0 ? <Notice>{t('checklist.disabledReason', { count: missingCount })}</Notice> : null}
          <div className="k-form-actions">
            <button
              type="button"
              className={missingCount > 0 ? 'k-button k-button--unavailable' : 'k-button'}
              onClick={() => {
                if (missingCount === 0) void onSubmit();
              }}
              aria-disabled={isBusy || missingCount > 0 || undefined}
            >
              {t('submission.submit')}
            </button>
            <p className="k-saved-at" role="status">
              {isBusy ? t('review.submitting') : ''}
            </p>
            <Link to="/">{t('step1.backToMyPage')}</Link>
          </div>
        </section>
      ) : (
        <p>
          <Link to="/">{t('step1.backToMyPage')}</Link>
        </p>
      )}
    </>
  );
}

/**
 * 「法人・事業所の書類」 as submitted: the organisation's documents and each establishment's, one line
 * per slot (its file, or that none is there). Only for councils that ask for such documents.
 */
function ReviewOrganisationDocuments({ isEditable }: { isEditable: boolean }) {
  const { t, i18n } = useTranslation();
  const slots = trpc.document.organisationSlots.useQuery(undefined, { refetchOnMount: 'always', retry: false });
  if (!slots.data) return null;
  const { organisation, establishments, establishmentDocuments } = slots.data;
  if (organisation.length === 0 && establishmentDocuments.length === 0) return null;
  const groups = [
    ...(organisation.length > 0 ? [{ id: 'organisation', title: t('organisationDocuments.reviewOrganisation'), slots: organisation }] : []),
    ...establishments.map((establishment) => ({ id: establishment.id, title: establishment.name, slots: establishment.slots })),
  ];
  return (
    <section className="k-card" aria-labelledby="review-organisation-documents-heading">
      <h2 id="review-organisation-documents-heading" className="k-card__title">
        {t('organisationDocuments.title')}
      </h2>
      <dl className="k-summary-list">
        {groups.map((group) => (
          <div key={group.id} className="k-summary-list__row">
            <dt>{group.title}</dt>
            <dd>
              <ul className="k-plain-list">
                {group.slots.map((slot) => (
                  <li key={slot.key}>
                    {i18n.language === 'en' ? slot.nameEn : slot.nameJa}：
                    {slot.document
                      ? `${slot.document.fileName}（${formatBytes(slot.document.byteSize, i18n.language)}）`
                      : t('organisationDocuments.reviewNotUploaded')}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      {isEditable ? (
        <p className="k-section-gap">
          <Link to={ORGANISATION_DOCUMENTS_PATH} aria-label={t('review.changeFor', { what: t('organisationDocuments.title') })}>
            {t('review.change')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** The council's own fields of an establishment or worker, as label and chosen option. */
function CustomFieldRows({ fields, values }: { fields: readonly TCustomField[]; values: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {fields.map((field) => {
        const value = values[field.key];
        const option = field.options?.find((candidate) => candidate.value === value);
        const shown = option ? (i18n.language === 'en' ? option.labelEn : option.labelJa) : value;
        return (
          <div key={field.key} className="k-summary-list__row">
            <dt>{customFieldLabel(field, i18n.language)}</dt>
            <dd>{shown || t('review.notEntered')}</dd>
          </div>
        );
      })}
    </>
  );
}
