import type { TCustomField } from '@kyogikai/domain';
import { apiErrorKey, ErrorSummary, formErrorsFromApiError, Notice, PageHeading, useDocumentTitle, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { WorkerDocuments } from '../features/documents/worker-documents';
import { EstablishmentDialog, type TEstablishment } from '../features/establishments/establishment-dialog';
import { EstablishmentPicker } from '../features/establishments/establishment-picker';
import { UnsavedChangesDialog } from '../features/forms/unsaved-changes-dialog';
import { CardSection } from '../features/layout/card-section';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { checkWorkerInput, type TWorkerInput, useWorkerFormFields, WorkerFields, workerFieldInfo } from '../features/workers/worker-fields';
import { EMPTY_WORKER, sameIds, sameWorkerValues, type WorkerFormValues, workerValuesFrom } from '../features/workers/worker-values';
import { withoutPathPrefix } from '../lib/client-checks';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useUnsavedChangesGuard } from '../lib/use-unsaved-changes';
import { useTenantName } from '../lib/use-tenant';

type TWorker = PortalOutputs['worker']['get'];

/** Where the page was left from: the one-off messages マイページ shows. */
export type TWorkerPageState = { created?: boolean } | null;

const NEW = 'new';

/** SPEC B4a-d, manual p.6-7: 「STEP2. 特定技能外国人の登録」, one worker at a time. */
export function WorkerPage() {
  const { t } = useTranslation();
  const { workerId = NEW } = useParams();
  useDocumentTitle(t('step2.title'), useTenantName());
  return <RequireSignedIn>{() => <WorkerLoader key={workerId} workerId={workerId} />}</RequireSignedIn>;
}

function WorkerLoader({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const isNew = workerId === NEW;
  const worker = trpc.worker.get.useQuery({ id: workerId }, { enabled: !isNew, refetchOnMount: 'always', staleTime: 0, retry: false });
  const myPage = trpc.mypage.get.useQuery(undefined, { retry: false });
  const establishments = trpc.establishment.list.useQuery(undefined, { retry: false });
  const formFields = useWorkerFormFields();
  // The form starts from the first fresh answer and then owns its values.
  const [initial, setInitial] = useState<TWorker | null>(null);
  useEffect(() => {
    if (!initial && worker.data && !worker.isFetching) setInitial(worker.data);
  }, [initial, worker.data, worker.isFetching]);

  const error = worker.error ?? myPage.error ?? establishments.error;
  if (error) {
    return (
      <>
        <PageHeading>{t('step2.title')}</PageHeading>
        <Notice>
          {apiErrorKey(error) === 'worker.notFound' || apiErrorKey(error) === 'common.notFound' ? t('step2.notFound') : t('common.network')}
        </Notice>
        <p>
          <Link to="/">{t('step1.backToMyPage')}</Link>
        </p>
      </>
    );
  }
  if ((isNew || initial) && myPage.data && establishments.data && formFields.isReady) {
    return (
      <WorkerForm
        initial={isNew ? null : initial}
        isEditable={myPage.data.isEditable}
        establishments={establishments.data}
        establishmentFields={formFields.establishment}
        workerFields={formFields.worker}
      />
    );
  }
  return (
    <>
      <PageHeading>{t('step2.title')}</PageHeading>
      <Loading />
    </>
  );
}

interface WorkerFormProps {
  initial: TWorker | null;
  isEditable: boolean;
  establishments: readonly TEstablishment[];
  establishmentFields: readonly TCustomField[];
  workerFields: readonly TCustomField[];
}

function WorkerForm({ initial, isEditable, establishments, establishmentFields, workerFields }: WorkerFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const utils = trpc.useUtils();
  const create = trpc.worker.create.useMutation();
  const update = trpc.worker.update.useMutation();
  const workerId = initial?.id ?? null;
  const [values, setValues] = useState<WorkerFormValues>(() => (initial ? workerValuesFrom(initial) : EMPTY_WORKER));
  const [rows, setRows] = useState<string[]>(() => (initial && initial.establishmentIds.length > 0 ? [...initial.establishmentIds] : ['']));
  const [saved, setSaved] = useState(() => ({ values, rows: rows.filter(Boolean) }));
  const [version, setVersion] = useState(initial?.version ?? 0);
  const [isBusy, setIsBusy] = useState(false);
  const [isLockedByServer, setIsLockedByServer] = useState(false);
  const [dialog, setDialog] = useState<{ editing: TEstablishment | null } | null>(null);
  const [establishmentNotice, setEstablishmentNotice] = useState('');
  const [leaveTo, setLeaveTo] = useState<{ path: string; state: unknown } | null>(null);
  const [justCreated] = useState(() => (location.state as TWorkerPageState)?.created === true);
  const documentsHeadingRef = useRef<HTMLHeadingElement>(null);
  const isLocked = !isEditable || isLockedByServer;

  const fields = useMemo(
    () => ({
      ...workerFieldInfo(t, i18n.language, workerFields),
      establishmentIds: { id: establishments.length > 0 ? 'establishment-0' : 'add-establishment', label: t('establishments.first') },
    }),
    [t, i18n.language, establishments.length, workerFields],
  );
  const form = useFormErrors(fields);

  const chosenIds = rows.filter(Boolean);
  const hasUnsavedChanges = !isLocked && (!sameWorkerValues(values, saved.values) || !sameIds(chosenIds, saved.rows));
  const blocker = useUnsavedChangesGuard(hasUnsavedChanges);

  // Navigate only once the saved state is rendered, so the unsaved-changes guard lets it pass.
  useEffect(() => {
    if (leaveTo) void navigate(leaveTo.path, { state: leaveTo.state, replace: leaveTo.path !== '/' });
  }, [leaveTo, navigate]);

  // Just saved as new: the uploads are what comes next (after the router's move to the heading).
  useEffect(() => {
    if (!justCreated) return;
    window.history.replaceState({ ...(window.history.state as object), usr: null }, '');
    const timer = window.setTimeout(() => documentsHeadingRef.current?.focus(), 50);
    return () => window.clearTimeout(timer);
  }, [justCreated]);

  /** The values as the API takes them, checked with its own schema first. */
  function checkedInput(): TWorkerInput | null {
    const checked = checkWorkerInput(values, chosenIds, workerFields);
    setValues(checked.normalised);
    if (checked.errors) form.showErrors(checked.errors);
    return checked.input;
  }

  /** Saves what is on the page; returns the worker's id, or null when it could not. */
  async function save(): Promise<string | null> {
    const input = checkedInput();
    if (!input) return null;
    setIsBusy(true);
    try {
      let id = workerId;
      if (id === null) {
        const created = await create.mutateAsync({ ...input, nameKana: input.nameKana ?? undefined });
        id = created.id;
        setVersion(created.version);
      } else if (hasUnsavedChanges) {
        const result = await update.mutateAsync({ id, version, values: input });
        setVersion(result.version);
      }
      setSaved({ values: workerValuesFrom({ ...input, nameKana: input.nameKana }), rows: input.establishmentIds });
      form.clear();
      void utils.worker.list.invalidate();
      void utils.application.checklist.invalidate();
      void utils.mypage.get.invalidate();
      return id;
    } catch (error) {
      const key = apiErrorKey(error);
      if (key === 'application.lockedUnderReview') {
        setIsLockedByServer(true);
        void utils.mypage.get.invalidate();
      }
      form.showErrors(withoutPathPrefix(formErrorsFromApiError(error), 'values.'));
      return null;
    } finally {
      setIsBusy(false);
    }
  }

  async function saveAndUpload() {
    if (isBusy) return;
    const id = await save();
    if (id) setLeaveTo({ path: `/application/workers/${id}`, state: { created: true } satisfies TWorkerPageState });
  }

  async function onRegister(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy || isLocked) return;
    const id = await save();
    if (id) setLeaveTo({ path: '/', state: { notice: 'workerRegistered', noticeName: values.nameLatin.trim().toUpperCase() } });
  }

  return (
    <>
      <PageHeading>{isLocked ? t('steps.step2') : t('step2.title')}</PageHeading>
      {isLocked ? (
        <Notice>{t('step2.locked')}</Notice>
      ) : (
        <p className="k-lead">{initial ? t('step2.leadEdit', { name: initial.nameLatin }) : t('step2.lead')}</p>
      )}
      {justCreated ? <Notice tone="success">{t('step2.createdNotice')}</Notice> : null}
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      {isLocked ? null : (
        <aside className="k-notice" aria-labelledby="worker-idle-title">
          <p>
            <strong id="worker-idle-title">{t('myPage.idleNoticeTitle')}</strong> {t('step2.idleNotice')}
          </p>
        </aside>
      )}

      <form id="worker-form" noValidate onSubmit={(event) => void onRegister(event)}>
        <CardSection headingId="establishments-heading" title={t('step2.establishmentsHeading')}>
          {isLocked ? null : <p>{t('step2.establishmentsLead')}</p>}
          <EstablishmentPicker
            establishments={establishments}
            rows={rows}
            onRowsChange={setRows}
            error={form.fieldError('establishmentIds')}
            isEditable={!isLocked}
            onAdd={() => setDialog({ editing: null })}
            onEdit={(establishment) => setDialog({ editing: establishment })}
          />
          <p className="k-visually-hidden" role="status">
            {establishmentNotice}
          </p>
        </CardSection>

        <CardSection headingId="worker-heading" title={t('step2.workerHeading')}>
          {isLocked ? null : <p>{t('step2.workerLead')}</p>}
          <WorkerFields values={values} onChange={setValues} errorFor={form.fieldError} workerFields={workerFields} readOnly={isLocked} />
        </CardSection>
      </form>

      <CardSection headingId="documents-heading" title={t('step2.documentsHeading')} headingRef={documentsHeadingRef}>
        {workerId ? (
          <WorkerDocuments
            workerId={workerId}
            workerName={initial?.nameLatin ?? values.nameLatin}
            isEditable={!isLocked}
            headingId="documents-heading"
          />
        ) : (
          <>
            <p>{t('step2.saveFirst')}</p>
            <p>
              <button
                type="button"
                className="k-button k-button--secondary"
                onClick={() => void saveAndUpload()}
                aria-disabled={isBusy || undefined}
              >
                {t('step2.saveAndUpload')}
              </button>
            </p>
          </>
        )}
      </CardSection>

      <div className="k-form-actions">
        {isLocked ? null : (
          <>
            <p className="k-form-actions__note">{t('step2.registerNote')}</p>
            <button type="submit" form="worker-form" className="k-button" aria-disabled={isBusy || undefined}>
              {t('step2.register')}
            </button>
          </>
        )}
        <p className="k-saved-at" role="status">
          {isBusy ? t('step2.saving') : ''}
        </p>
        <Link to="/">{t('step1.backToMyPage')}</Link>
      </div>

      <EstablishmentDialog
        isOpen={dialog !== null}
        editing={dialog?.editing ?? null}
        customFields={establishmentFields}
        onClose={() => setDialog(null)}
        onSaved={(id) => {
          const isNewEstablishment = dialog?.editing === null;
          setDialog(null);
          if (!isNewEstablishment) {
            setEstablishmentNotice(t('establishments.updatedNotice'));
            return;
          }
          setRows((current) => {
            if (current.includes(id)) return current;
            const empty = current.indexOf('');
            return empty >= 0 ? current.map((row, index) => (index === empty ? id : row)) : [...current, id];
          });
          setEstablishmentNotice(t('establishments.addedNotice'));
        }}
      />

      <UnsavedChangesDialog blocker={blocker} title={t('step2.unsavedTitle')} body={t('step2.unsavedBody')} />
    </>
  );
}
