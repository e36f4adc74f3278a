import type { TCustomField } from '@kyogikai/domain';
import { Notice, PageHeading, useDocumentTitle } from '@kyogikai/ui';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { WorkerDocuments } from '../features/documents/worker-documents';
import {
  MemberEstablishmentLinksDialog,
  MemberEstablishmentPicker,
  useMemberEstablishmentLinks,
} from '../features/establishments/member-establishment-links';
import { UnsavedChangesDialog } from '../features/forms/unsaved-changes-dialog';
import { CardSection } from '../features/layout/card-section';
import { DraftSaveFeedback, useDraftSaveFeedback } from '../features/membership/draft-save-feedback';
import { MemberPageLoading, MemberPageNotice, RegisteredDataError } from '../features/membership/member-changes-common';
import {
  isItemEditable,
  type TRegisteredData,
  type TRegisteredWorker,
  useDraftVersion,
  useRefreshChanges,
  useRegisteredData,
} from '../features/membership/registered-data';
import { RemoveDraftItemDialog } from '../features/membership/remove-draft-item-dialog';
import { RequireSignedIn } from '../features/session/require-signed-in';
import { checkWorkerInput, useWorkerFormFields, WorkerFields, workerFieldInfo } from '../features/workers/worker-fields';
import { EMPTY_WORKER, sameIds, sameWorkerValues, type WorkerFormValues, workerValuesFrom } from '../features/workers/worker-values';
import { trpc } from '../lib/trpc';
import { useUnsavedChangesGuard } from '../lib/use-unsaved-changes';
import { useTenantName } from '../lib/use-tenant';
import type { TMyPageState } from './my-page';

/** What the page hands itself after the first save (the address changes to the addition's item). */
interface TAdditionPageState {
  saved?: boolean;
}

/**
 * SPEC D2, manual p.11: 「特定技能外国人の追加」 — the STEP2 form (◆受入れ事業所情報, ◆特定技能外国人情報の入力,
 * then the documents) without 一時保存: 「申請登録情報を変更する」 (green) saves the worker into the
 * change draft and shows M-D1; the documents can be uploaded once it is saved. Nothing is
 * registered until the secretariat approves the submitted change request.
 * `/members/workers/new`, then `/members/workers/additions/:itemId`.
 */
export function MemberWorkerAdditionPage() {
  const { t } = useTranslation();
  const { itemId = null } = useParams();
  useDocumentTitle(t('memberChanges.additionTitle'), useTenantName());
  return <RequireSignedIn>{() => <AdditionLoader key={itemId ?? 'new'} itemId={itemId} />}</RequireSignedIn>;
}

function AdditionLoader({ itemId }: { itemId: string | null }) {
  const { t } = useTranslation();
  const registered = useRegisteredData();
  const formFields = useWorkerFormFields();
  // The form starts from the first fresh answer and then owns its values.
  const [initial, setInitial] = useState<TRegisteredData | null>(null);
  /** Bumped to start the form again from a fresh read. */
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!initial && registered.data && !registered.isFetching) setInitial(registered.data);
  }, [initial, registered.data, registered.isFetching]);

  if (registered.error) return <RegisteredDataError title={t('memberChanges.additionTitle')} error={registered.error} />;
  if (!initial || !registered.data || !formFields.isReady) return <MemberPageLoading title={t('memberChanges.additionTitle')} />;
  const worker = itemId ? initial.workers.find((candidate) => candidate.status === 'adding' && candidate.id === itemId) : null;
  if (itemId && !worker) {
    return <MemberPageNotice title={t('memberChanges.additionTitle')}>{t('memberChanges.additionNotFound')}</MemberPageNotice>;
  }
  return (
    <AdditionForm
      key={generation}
      onReload={async () => {
        const fresh = await registered.refetch();
        if (fresh.data) setInitial(fresh.data);
        setGeneration((current) => current + 1);
      }}
      data={registered.data}
      worker={worker ?? null}
      establishmentFields={formFields.establishment}
      workerFields={formFields.worker}
    />
  );
}

interface AdditionFormProps {
  /** The registered data as last read (the dropdown follows it: an establishment just added appears). */
  data: TRegisteredData;
  /** The addition being continued, or null for a new one. */
  worker: TRegisteredWorker | null;
  establishmentFields: readonly TCustomField[];
  workerFields: readonly TCustomField[];
  /** Re-reads the draft and starts the form again from it (after CONFLICT changeRequest.draftChanged). */
  onReload: () => Promise<unknown>;
}

function AdditionForm({ data, worker, establishmentFields, workerFields, onReload }: AdditionFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const refresh = useRefreshChanges();
  const saveWorker = trpc.changeRequest.saveWorkerAdd.useMutation();
  const removeItem = trpc.changeRequest.removeDraftItem.useMutation();
  const itemId = worker?.id ?? null;
  const [values, setValues] = useState<WorkerFormValues>(() => (worker ? workerValuesFrom(worker) : EMPTY_WORKER));
  const [draftVersion, rememberDraft] = useDraftVersion(data.draftVersion);
  const [isBusy, setIsBusy] = useState(false);
  const [isRemoving, setIsRemoving] = useState(false);
  const [leaveTo, setLeaveTo] = useState<{ path: string; state: unknown; replace: boolean } | null>(null);
  const readOnly = !data.canEdit || (worker !== null && !isItemEditable(worker));

  const fields = useMemo(
    () => ({
      ...workerFieldInfo(t, i18n.language, workerFields),
      establishmentIds: { id: data.establishments.length > 0 ? 'establishment-0' : 'add-establishment', label: t('establishments.first') },
    }),
    [t, i18n.language, data.establishments.length, workerFields],
  );
  // The M-D1 message (with what a save reached, e.g. an establishment edit's workers); the first
  // save's was carried over the address change.
  const feedback = useDraftSaveFeedback(fields, (location.state as TAdditionPageState | null)?.saved ? {} : null);
  const { form, setSavedMessage } = feedback;
  const links = useMemberEstablishmentLinks({
    initialRows: () => (worker && worker.establishmentIds.length > 0 ? [...worker.establishmentIds] : ['']),
    rememberDraft,
    onEditSaved: setSavedMessage,
  });
  const [saved, setSaved] = useState(() => ({ values, rows: links.chosenIds }));
  const chosenIds = links.chosenIds;
  const hasUnsavedChanges = !readOnly && (!sameWorkerValues(values, saved.values) || !sameIds(chosenIds, saved.rows));
  const blocker = useUnsavedChangesGuard(hasUnsavedChanges);

  // The saved message of the first save was carried over the address change: shown once.
  useEffect(() => {
    if ((location.state as TAdditionPageState | null)?.saved)
      window.history.replaceState({ ...(window.history.state as object), usr: null }, '');
  }, [location.state]);
  // Navigate only once the saved state is rendered, so the unsaved-changes guard lets it pass.
  useEffect(() => {
    if (leaveTo) void navigate(leaveTo.path, { state: leaveTo.state, replace: leaveTo.replace });
  }, [leaveTo, navigate]);

  /** The API names the worker's fields under `values.`. */
  const showError = (error: unknown) => feedback.showError(error, 'values.');

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy || readOnly) return;
    setSavedMessage(null);
    const checked = checkWorkerInput(values, chosenIds, workerFields);
    setValues(checked.normalised);
    if (!checked.input) {
      if (checked.errors) form.showErrors(checked.errors);
      return;
    }
    setIsBusy(true);
    try {
      const result = await saveWorker.mutateAsync({ draftVersion, itemId, values: checked.input });
      rememberDraft(result);
      setSaved({ values: checked.normalised, rows: checked.input.establishmentIds });
      form.clear();
      await refresh();
      if (itemId === null && result.itemId) {
        setLeaveTo({
          path: `/members/workers/additions/${result.itemId}`,
          state: { saved: true } satisfies TAdditionPageState,
          replace: true,
        });
      } else {
        setSavedMessage({});
      }
    } catch (error) {
      showError(error);
    } finally {
      setIsBusy(false);
    }
  }

  async function onRemove() {
    if (!itemId || draftVersion === null || removeItem.isPending) return;
    try {
      await removeItem.mutateAsync({ draftVersion, itemId });
      await refresh();
      setSaved({ values, rows: chosenIds });
      setLeaveTo({ path: '/', state: { notice: 'changeRemoved' } satisfies TMyPageState, replace: false });
    } catch (error) {
      setIsRemoving(false);
      showError(error);
    }
  }

  return (
    <>
      <PageHeading>{t('memberChanges.additionTitle')}</PageHeading>
      {!data.canEdit ? <Notice>{t('memberChanges.readOnly')}</Notice> : null}
      {data.canEdit && readOnly ? <Notice>{t('memberChanges.additionPending')}</Notice> : null}
      {readOnly ? null : (
        <p className="k-lead">
          {worker ? t('memberChanges.additionLeadSaved', { name: worker.nameLatin }) : t('memberChanges.additionLead')}
        </p>
      )}
      <DraftSaveFeedback feedback={feedback} onReload={onReload} />

      <form id="worker-addition-form" noValidate onSubmit={(event) => void onSave(event)}>
        <CardSection headingId="establishments-heading" title={t('step2.establishmentsHeading')}>
          {readOnly ? null : <p>{t('memberChanges.linksEditLead')}</p>}
          <MemberEstablishmentPicker
            links={links}
            establishments={data.establishments}
            error={form.fieldError('establishmentIds')}
            isEditable={!readOnly}
          />
        </CardSection>

        <CardSection headingId="worker-heading" title={t('step2.workerHeading')}>
          {readOnly ? null : <p>{t('step2.workerLead')}</p>}
          <WorkerFields values={values} onChange={setValues} errorFor={form.fieldError} workerFields={workerFields} readOnly={readOnly} />
        </CardSection>
      </form>

      <CardSection headingId="documents-heading" title={t('step2.documentsHeading')}>
        {itemId ? (
          <WorkerDocuments
            changeItemId={itemId}
            workerName={worker?.nameLatin ?? values.nameLatin}
            isEditable={!readOnly}
            headingId="documents-heading"
          />
        ) : (
          <p>{t('memberChanges.documentsSaveFirst')}</p>
        )}
      </CardSection>

      <div className="k-form-actions">
        {readOnly ? null : (
          <button type="submit" form="worker-addition-form" className="k-button k-button--green" aria-disabled={isBusy || undefined}>
            {t('memberInfo.saveDraft')}
          </button>
        )}
        {!readOnly && itemId ? (
          <button type="button" className="k-button k-button--secondary" onClick={() => setIsRemoving(true)}>
            {t('memberChanges.removeAddition')}
          </button>
        ) : null}
        <p className="k-saved-at" role="status">
          {isBusy ? t('step2.saving') : ''}
        </p>
        <Link to="/">{t('memberInfo.backToMyPage')}</Link>
      </div>

      <MemberEstablishmentLinksDialog links={links} draftVersion={draftVersion} customFields={establishmentFields} />

      <RemoveDraftItemDialog
        id="remove-addition"
        isOpen={isRemoving}
        title={t('memberChanges.removeAdditionTitle')}
        body={t('memberChanges.removeAdditionBody', { name: worker?.nameLatin ?? values.nameLatin })}
        isRemoving={removeItem.isPending}
        onCancel={() => setIsRemoving(false)}
        onConfirm={() => void onRemove()}
      />

      <UnsavedChangesDialog blocker={blocker} title={t('step2.unsavedTitle')} body={t('memberChanges.unsavedBody')} />
    </>
  );
}
