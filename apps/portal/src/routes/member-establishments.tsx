import { formatAddress } from '@kyogikai/domain';
import { Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberEstablishmentDialog, type TMemberEstablishmentDialog } from '../features/establishments/member-establishment-dialog';
import { establishmentEditSavedMessage } from '../features/establishments/member-establishment-links';
import { CardSection } from '../features/layout/card-section';
import { DraftSaveFeedback, useDraftSaveFeedback } from '../features/membership/draft-save-feedback';
import { ItemStateText, MemberPageLoading, PendingChangesTable, RegisteredDataError } from '../features/membership/member-changes-common';
import {
  changeFieldLabel,
  isItemEditable,
  itemState,
  type TRegisteredData,
  type TRegisteredEstablishment,
  useDraftVersion,
  useRefreshChanges,
  useRegisteredData,
} from '../features/membership/registered-data';
import { RemoveDraftItemDialog } from '../features/membership/remove-draft-item-dialog';
import { RequireSignedIn } from '../features/session/require-signed-in';
import { useWorkerFormFields } from '../features/workers/worker-fields';
import { trpc } from '../lib/trpc';
import { useTenantName } from '../lib/use-tenant';

/**
 * ◆受入れ事業所情報 after joining (SPEC D3, D4; manual p.13-14): every establishment — registered and
 * being added — with the number of workers registered there and any waiting change before/after.
 * 「登録内容を変更する」 (yellow, top right) → 「受入れ事業所の追加」 (D4) or 修正 → 「受入れ事業所の変更」
 * (D3), each saved into the change draft (M-D1) and submitted from マイページ.
 */
export function MemberEstablishmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('memberChanges.establishmentsTitle'), useTenantName());
  return <RequireSignedIn>{() => <EstablishmentsLoader />}</RequireSignedIn>;
}

function EstablishmentsLoader() {
  const { t } = useTranslation();
  const registered = useRegisteredData();
  const formFields = useWorkerFormFields();
  if (registered.error) return <RegisteredDataError title={t('memberChanges.establishmentsTitle')} error={registered.error} />;
  if (!registered.data || !formFields.isReady) return <MemberPageLoading title={t('memberChanges.establishmentsTitle')} />;
  return <Establishments data={registered.data} customFields={formFields.establishment} />;
}

/** The page's only errors are the API's (the form is in the dialog). */
const NO_FIELDS = {};

function Establishments({
  data,
  customFields,
}: {
  data: TRegisteredData;
  customFields: ReturnType<typeof useWorkerFormFields>['establishment'];
}) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshChanges();
  const removeItem = trpc.changeRequest.removeDraftItem.useMutation();
  const [isEditing, setIsEditing] = useState(false);
  const [draftVersion, rememberDraft] = useDraftVersion(data.draftVersion);
  const [dialog, setDialog] = useState<TMemberEstablishmentDialog | null>(null);
  const [removing, setRemoving] = useState<TRegisteredEstablishment | null>(null);
  const [removedNotice, setRemovedNotice] = useState(false);
  const feedback = useDraftSaveFeedback(NO_FIELDS);
  const { setSavedMessage, showError } = feedback;

  async function onRemove() {
    const target = removing;
    if (!target?.pending || draftVersion === null || removeItem.isPending) return;
    try {
      const result = await removeItem.mutateAsync({ draftVersion, itemId: target.pending.itemId });
      rememberDraft(result);
      setSavedMessage(null);
      setRemovedNotice(true);
      await refresh();
    } catch (error) {
      showError(error);
    } finally {
      setRemoving(null);
    }
  }

  return (
    <>
      <div className="k-member-info-head">
        <PageHeading>{t('memberChanges.establishmentsTitle')}</PageHeading>
        {data.canEdit && !isEditing ? (
          <button
            type="button"
            className="k-button k-button--yellow"
            onClick={() => {
              setSavedMessage(null);
              setIsEditing(true);
            }}
          >
            {t('memberInfo.edit')}
          </button>
        ) : null}
      </div>
      {!data.canEdit ? <Notice>{t('memberChanges.readOnly')}</Notice> : null}
      <p className="k-lead">{t('memberChanges.establishmentsLead')}</p>
      {removedNotice ? <Notice tone="success">{t('memberChanges.removed')}</Notice> : null}
      <DraftSaveFeedback feedback={feedback} />

      <CardSection headingId="establishments-heading" title={t('memberChanges.establishmentsHeading')}>
        {isEditing ? (
          <div className="k-button-row">
            <button type="button" className="k-button k-button--secondary" onClick={() => setDialog({ kind: 'add' })}>
              {t('memberChanges.addEstablishmentD4')}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={() => setIsEditing(false)}>
              {t('memberChanges.stopEditing')}
            </button>
          </div>
        ) : null}
        {data.establishments.length === 0 ? (
          <p>{t('memberChanges.noEstablishments')}</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
          <section className="k-table-wrap k-section-gap" aria-labelledby="establishments-heading" tabIndex={0}>
            <table className="k-table">
              <thead>
                <tr>
                  <th scope="col">{t('labels.establishmentName')}</th>
                  <th scope="col">{t('memberChanges.columns.addressAndPhone')}</th>
                  <th scope="col">{t('memberChanges.columns.workerCount')}</th>
                  <th scope="col">{t('memberChanges.columns.state')}</th>
                  {isEditing ? <th scope="col">{t('memberChanges.columns.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.establishments.map((establishment) => {
                  const state = itemState(establishment);
                  const hasChangeRows = establishment.status === 'registered' && establishment.pending !== null;
                  return (
                    <Fragment key={establishment.id}>
                      <tr>
                        <th scope="row">{establishment.name}</th>
                        <td>
                          {formatAddress(establishment)}
                          {establishment.phone ? (
                            <>
                              <br />
                              {establishment.phone}
                            </>
                          ) : null}
                        </td>
                        <td>{t('memberChanges.workerCount', { count: establishment.workerCount })}</td>
                        <td>
                          <ItemStateText state={state} />
                        </td>
                        {isEditing ? (
                          <td>
                            <div className="k-inline-actions k-inline-actions--stacked">
                              {isItemEditable(establishment) ? (
                                <button
                                  type="button"
                                  className="k-button k-button--secondary k-button--small"
                                  aria-label={t('memberChanges.editEstablishmentFor', { name: establishment.name })}
                                  onClick={() => setDialog({ kind: 'edit', establishment })}
                                >
                                  {t('memberChanges.editEstablishment')}
                                </button>
                              ) : null}
                              {establishment.pending?.state === 'draft' ? (
                                <button
                                  type="button"
                                  className="k-button k-button--secondary k-button--small"
                                  aria-label={t('memberChanges.removeChangeFor', { name: establishment.name })}
                                  onClick={() => setRemoving(establishment)}
                                >
                                  {t('memberChanges.removeChange')}
                                </button>
                              ) : null}
                            </div>
                          </td>
                        ) : null}
                      </tr>
                      {hasChangeRows && establishment.pending ? (
                        <tr>
                          <td colSpan={isEditing ? 5 : 4}>
                            <PendingChangesTable
                              caption={`${t('memberChanges.pendingChange')}（${establishment.name}）`}
                              pending={establishment.pending}
                              labelOf={(field) => changeFieldLabel(field, t, i18n.language, customFields)}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </section>
        )}
        <p className="k-section-gap">
          <Link to="/">{t('memberInfo.backToMyPage')}</Link>
        </p>
      </CardSection>

      <MemberEstablishmentDialog
        dialog={dialog}
        draftVersion={draftVersion}
        customFields={customFields}
        onClose={() => setDialog(null)}
        onSaved={(result) => {
          rememberDraft(result);
          setDialog(null);
          setRemovedNotice(false);
          void refresh();
          setSavedMessage(result.kind === 'add' ? { detail: t('memberChanges.addSaved') } : establishmentEditSavedMessage(result, t));
        }}
      />

      <RemoveDraftItemDialog
        id="remove-change"
        isOpen={removing !== null}
        title={t('memberChanges.removeChangeTitle')}
        body={removing ? t('memberChanges.removeChangeBody', { name: removing.name }) : null}
        isRemoving={removeItem.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => void onRemove()}
      />
    </>
  );
}
