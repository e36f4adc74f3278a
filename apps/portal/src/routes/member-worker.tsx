import type { TCustomField } from '@kyogikai/domain';
import { Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { customFieldLabel } from '../features/custom-fields/custom-field-inputs';
import { WorkerDocuments } from '../features/documents/worker-documents';
import { EstablishmentNameList } from '../features/establishments/establishment-names';
import {
  MemberEstablishmentLinksDialog,
  MemberEstablishmentPicker,
  useMemberEstablishmentLinks,
} from '../features/establishments/member-establishment-links';
import { UnsavedChangesDialog } from '../features/forms/unsaved-changes-dialog';
import { CardSection } from '../features/layout/card-section';
import { DraftSaveFeedback, useDraftSaveFeedback } from '../features/membership/draft-save-feedback';
import {
  MemberPageLoading,
  MemberPageNotice,
  PendingChangesTable,
  RegisteredDataError,
} from '../features/membership/member-changes-common';
import {
  changeFieldLabel,
  establishmentsById,
  isItemEditable,
  type TRegisteredData,
  type TRegisteredWorker,
  useDraftVersion,
  useRefreshChanges,
  useRegisteredData,
} from '../features/membership/registered-data';
import { RequireSignedIn } from '../features/session/require-signed-in';
import { nationalityName } from '../features/workers/nationality';
import { useWorkerFormFields } from '../features/workers/worker-fields';
import { sameIds } from '../features/workers/worker-values';
import { trpc } from '../lib/trpc';
import { useUnsavedChangesGuard } from '../lib/use-unsaved-changes';
import { useTenantName } from '../lib/use-tenant';

/**
 * A registered worker after joining (SPEC D3, manual p.12-13): the registered values, read-only;
 * 「登録内容を変更する」 (yellow, top right) makes ◆受入れ事業所情報 editable — another establishment from
 * the dropdown, 「事業所の新規追加」 (D4 through this screen), 「選択している事業所を修正」 →
 * 「受入れ事業所の変更」 → 「上記内容に変更する」 (reaches every worker registered there) — and
 * 「申請登録情報を変更する」 (green) saves the links into the change draft (M-D1). Before and after are
 * shown side by side until the secretariat approves.
 */
export function MemberWorkerPage() {
  const { t } = useTranslation();
  const { workerId = '' } = useParams();
  useDocumentTitle(t('memberChanges.workerTitle'), useTenantName());
  return <RequireSignedIn>{() => <WorkerLoader key={workerId} workerId={workerId} />}</RequireSignedIn>;
}

function WorkerLoader({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const registered = useRegisteredData();
  const formFields = useWorkerFormFields();
  if (registered.error) return <RegisteredDataError title={t('memberChanges.workerTitle')} error={registered.error} />;
  if (!registered.data || !formFields.isReady) return <MemberPageLoading title={t('memberChanges.workerTitle')} />;
  const worker = registered.data.workers.find((candidate) => candidate.id === workerId);
  // A worker still being added has its own screen (the STEP2 form).
  if (worker?.status === 'adding') return <Navigate to={`/members/workers/additions/${worker.id}`} replace />;
  if (!worker) return <MemberPageNotice title={t('memberChanges.workerTitle')}>{t('memberChanges.workerNotFound')}</MemberPageNotice>;
  return (
    <WorkerDetail data={registered.data} worker={worker} establishmentFields={formFields.establishment} workerFields={formFields.worker} />
  );
}

interface WorkerDetailProps {
  data: TRegisteredData;
  worker: TRegisteredWorker;
  establishmentFields: readonly TCustomField[];
  workerFields: readonly TCustomField[];
}

function WorkerDetail({ data, worker, establishmentFields, workerFields }: WorkerDetailProps) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshChanges();
  const saveLinks = trpc.changeRequest.saveWorkerEstablishments.useMutation();
  const [isEditing, setIsEditing] = useState(false);
  /** The links the dropdowns start from: the draft's proposal, else the registered ones. */
  const startRows = () => {
    const ids =
      worker.pending?.state === 'draft' && worker.pendingEstablishmentIds ? worker.pendingEstablishmentIds : worker.establishmentIds;
    return ids.length > 0 ? [...ids] : [''];
  };
  const [editStart, setEditStart] = useState<string[]>(() => startRows().filter(Boolean));
  const [draftVersion, rememberDraft] = useDraftVersion(data.draftVersion);
  const canChange = data.canEdit && isItemEditable(worker);
  const byId = establishmentsById(data);

  const fields = useMemo(
    () => ({
      establishmentIds: { id: data.establishments.length > 0 ? 'establishment-0' : 'add-establishment', label: t('establishments.first') },
    }),
    [t, data.establishments.length],
  );
  const feedback = useDraftSaveFeedback(fields);
  const { form, setSavedMessage } = feedback;
  const links = useMemberEstablishmentLinks({ initialRows: startRows, rememberDraft, onEditSaved: setSavedMessage });
  const chosenIds = links.chosenIds;
  const hasUnsavedChanges = isEditing && !sameIds(chosenIds, editStart);
  const blocker = useUnsavedChangesGuard(hasUnsavedChanges);

  function startEditing() {
    const start = startRows();
    links.setRows(start);
    setEditStart(start.filter(Boolean));
    setSavedMessage(null);
    form.clear();
    setIsEditing(true);
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saveLinks.isPending) return;
    if (chosenIds.length === 0) {
      form.showErrors({ summary: { key: 'validation.failed' }, fields: { establishmentIds: { key: 'worker.establishmentRequired' } } });
      return;
    }
    try {
      const result = await saveLinks.mutateAsync({ draftVersion, workerId: worker.id, establishmentIds: chosenIds });
      rememberDraft(result);
      setEditStart(chosenIds);
      form.clear();
      await refresh();
      setIsEditing(false);
      setSavedMessage(result.itemId ? {} : { detail: t('memberChanges.linksUnchanged') });
    } catch (error) {
      feedback.showError(error);
    }
  }

  return (
    <>
      <div className="k-member-info-head">
        <PageHeading>{t('memberChanges.workerTitle')}</PageHeading>
        {canChange && !isEditing ? (
          <button type="button" className="k-button k-button--yellow" onClick={startEditing}>
            {t('memberInfo.edit')}
          </button>
        ) : null}
      </div>
      {!data.canEdit ? <Notice>{t('memberChanges.readOnly')}</Notice> : null}
      {data.canEdit && !isItemEditable(worker) ? <Notice>{t('memberChanges.linksPending')}</Notice> : null}
      {isEditing ? null : <p className="k-lead">{t('memberChanges.workerLead')}</p>}
      <DraftSaveFeedback feedback={feedback} onReload={() => feedback.reloadAfterConflict(() => setIsEditing(false))} />

      <CardSection headingId="worker-heading" title={t('memberChanges.workerHeading')}>
        <dl className="k-summary-list">
          <dt>{t('labels.workerNameLatin')}</dt>
          <dd lang="en">{worker.nameLatin}</dd>
          <dt>{t('labels.nationality')}</dt>
          <dd>{nationalityName(worker.nationality, i18n.language)}</dd>
          <dt>{t('labels.workerNameKana')}</dt>
          <dd>{worker.nameKana || t('memberInfo.empty')}</dd>
          {workerFields.map((field) => (
            <div key={field.key} className="k-summary-list__row">
              <dt>{customFieldLabel(field, i18n.language)}</dt>
              <dd>{worker.extra[field.key] || t('memberInfo.empty')}</dd>
            </div>
          ))}
        </dl>
      </CardSection>

      <CardSection headingId="establishments-heading" title={t('step2.establishmentsHeading')}>
        {isEditing ? (
          <form noValidate onSubmit={(event) => void onSave(event)}>
            <p>{t('memberChanges.linksEditLead')}</p>
            <MemberEstablishmentPicker
              links={links}
              establishments={data.establishments}
              error={form.fieldError('establishmentIds')}
              isEditable
            />
            <div className="k-form-actions">
              <button type="submit" className="k-button k-button--green" aria-disabled={saveLinks.isPending || undefined}>
                {t('memberInfo.saveDraft')}
              </button>
              <button type="button" className="k-button k-button--secondary" onClick={() => setIsEditing(false)}>
                {t('memberChanges.stopEditing')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <EstablishmentNameList ids={worker.establishmentIds} byId={byId} />
            {worker.pending ? (
              <PendingChangesTable
                caption={t('memberChanges.pendingChange')}
                pending={worker.pending}
                labelOf={(field) => changeFieldLabel(field, t, i18n.language, workerFields)}
              />
            ) : null}
          </>
        )}
      </CardSection>

      <CardSection headingId="documents-heading" title={t('step2.documentsHeading')}>
        <WorkerDocuments workerId={worker.id} workerName={worker.nameLatin} isEditable={false} headingId="documents-heading" />
      </CardSection>

      <p>
        <Link to="/">{t('memberInfo.backToMyPage')}</Link>
      </p>

      <MemberEstablishmentLinksDialog links={links} draftVersion={draftVersion} customFields={establishmentFields} />

      <UnsavedChangesDialog blocker={blocker} title={t('step2.unsavedTitle')} body={t('memberChanges.unsavedBody')} />
    </>
  );
}
