import { ZOrganisationDraft } from '@kyogikai/domain';
import {
  apiErrorKey,
  CheckboxField,
  ErrorSummary,
  formatTime,
  formErrorsFromApiError,
  ModalDialog,
  Notice,
  PageHeading,
  TextField,
  useDocumentTitle,
  useFormErrors,
} from '@kyogikai/ui';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnsavedChangesDialog } from '../features/forms/unsaved-changes-dialog';
import {
  STEP1_INPUT_ATTRIBUTES,
  STEP1_NEEDED_FOR_SUBMIT,
  STEP1_NORMALISE_ON_BLUR,
  STEP1_TEXT_FIELDS,
  sameStep1Values,
  step1FieldLabelKey,
  step1ValuesFrom,
  type TStep1TextField,
  type TStep1Values,
} from '../features/organisation/step1-fields';
import { type TPostalLookupStatus, usePostalLookup } from '../features/organisation/use-postal-lookup';
import { Loading, RequireSignedIn } from '../features/session/require-signed-in';
import { formErrorsFromIssues, withoutPathPrefix } from '../lib/client-checks';
import { type PortalOutputs, trpc } from '../lib/trpc';
import { useUnsavedChangesGuard } from '../lib/use-unsaved-changes';
import { useTenant, useTenantName } from '../lib/use-tenant';

type TOrganisation = PortalOutputs['organisation']['get'];

/** Fields with a hint under the label (the catalogue key is step1.hints.<field>). */
const HINTS: Partial<Record<TStep1TextField, string>> = {
  corporateNameKana: 'step1.hints.corporateNameKana',
  corporateNumber: 'step1.hints.corporateNumber',
  postalCode: 'step1.hints.postalCode',
  building: 'step1.hints.building',
  phone: 'step1.hints.phone',
  contactPhone: 'step1.hints.phone',
};

const POSTAL_STATUS_KEYS: Record<TPostalLookupStatus, string | null> = {
  idle: null,
  looking: 'postal.looking',
  found: 'postal.found',
  not_found: 'postal.notFound',
  invalid: 'postal.invalid',
  failed: 'postal.failed',
};

/** The API refuses 一時保存 with these when STEP1 is not editable now; the form then turns read-only. */
const LOCKING_KEYS: ReadonlySet<string> = new Set([
  'application.lockedUnderReview',
  'organisation.changeRequestRequired',
  'membership.notActive',
]);

/** SPEC B2/B3, manual p.5: 「STEP1. 会員情報」 with postal-code auto-fill and 「一時保存」. */
export function Step1Page() {
  const { t } = useTranslation();
  useDocumentTitle(t('step1.title'), useTenantName());
  return <RequireSignedIn>{() => <Step1Loader />}</RequireSignedIn>;
}

function Step1Loader() {
  const { t } = useTranslation();
  const organisation = trpc.organisation.get.useQuery(undefined, { refetchOnMount: 'always', staleTime: 0, retry: false });
  const myPage = trpc.mypage.get.useQuery(undefined, { retry: false });
  // The form starts from the first fresh answer and then owns its values: later refetches (after
  // a save) must not overwrite what the user is typing.
  const [initial, setInitial] = useState<TOrganisation | null>(null);
  useEffect(() => {
    if (!initial && organisation.data && !organisation.isFetching) setInitial(organisation.data);
  }, [initial, organisation.data, organisation.isFetching]);

  if (initial) {
    return (
      <Step1Form
        initial={initial}
        isEditable={myPage.data?.isEditable ?? true}
        isUnderReview={UNDER_REVIEW.has(myPage.data?.application?.state ?? '')}
        missingFields={myPage.data?.step1MissingFields ?? []}
      />
    );
  }
  return (
    <>
      <PageHeading>{t('step1.title')}</PageHeading>
      {organisation.isError ? (
        <Notice>{apiErrorKey(organisation.error) === 'organisation.notSelected' ? t('myPage.noOrganisation') : t('common.network')}</Notice>
      ) : (
        <Loading />
      )}
    </>
  );
}

const UNDER_REVIEW: ReadonlySet<string> = new Set(['submitted', 'under_review', 'resubmitted', 'forwarded']);

interface Step1FormProps {
  initial: TOrganisation;
  isEditable: boolean;
  isUnderReview: boolean;
  missingFields: readonly string[];
}

function Step1Form({ initial, isEditable, isUnderReview, missingFields }: Step1FormProps) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const saveDraft = trpc.organisation.saveDraft.useMutation();
  const [values, setValues] = useState<TStep1Values>(() => step1ValuesFrom(initial));
  /** What the server holds (as last loaded or saved): the form is "unsaved" while it differs. */
  const [saved, setSaved] = useState<TStep1Values>(() => step1ValuesFrom(initial));
  const [version, setVersion] = useState(initial.version);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [hasReloaded, setHasReloaded] = useState(false);
  const [isConflictOpen, setIsConflictOpen] = useState(false);
  /** The key the API refused 一時保存 with, when it says STEP1 is not editable now. */
  const [isLockedByServer, setIsLockedByServer] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const reloadButtonRef = useRef<HTMLButtonElement>(null);
  const isLocked = !isEditable || isLockedByServer !== null;
  const isLockedForReview = isUnderReview || isLockedByServer === 'application.lockedUnderReview';

  const isCorporateNumberRequired = useTenant().data?.corporateNumberRequired === true;
  const required = useMemo(
    () => new Set([...STEP1_NEEDED_FOR_SUBMIT, ...missingFields, ...(isCorporateNumberRequired ? ['corporateNumber'] : [])]),
    [missingFields, isCorporateNumberRequired],
  );
  const fields = useMemo(() => {
    const result: Record<string, { id: string; label: string }> = {};
    for (const name of STEP1_TEXT_FIELDS) {
      const summaryKey = `step1.summaryLabels.${name}`;
      result[name] = { id: name, label: i18n.exists(summaryKey) ? t(summaryKey) : t(step1FieldLabelKey(name)) };
    }
    result.directoryOptIn = { id: 'directoryOptIn', label: t('step1.fields.directoryOptIn') };
    return result;
  }, [t, i18n]);
  const form = useFormErrors(fields);

  const postal = usePostalLookup((address) => setValues((current) => ({ ...current, ...address })));
  const rememberPostal = postal.remember;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the saved code at start-up counts as already looked up.
  useEffect(() => {
    rememberPostal(initial.postalCode ?? '');
  }, []);

  const hasUnsavedChanges = !isLocked && !sameStep1Values(values, saved);
  const blocker = useUnsavedChangesGuard(hasUnsavedChanges);

  const setField = (name: TStep1TextField, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setSavedAt(null);
    setHasReloaded(false);
  };

  function normalisedValues(current: TStep1Values): TStep1Values {
    const result = { ...current };
    for (const name of STEP1_TEXT_FIELDS) result[name] = STEP1_NORMALISE_ON_BLUR[name](result[name]);
    return result;
  }

  async function save(baseVersion: number) {
    const toSave = normalisedValues(values);
    setValues(toSave);
    // The API's own draft schema: a value that is there and wrong (not katakana, a 法人番号 whose
    // check digit fails) is named before sending; empty fields never block 一時保存 (SPEC B3).
    const check = ZOrganisationDraft.safeParse(toSave);
    if (!check.success) {
      form.showErrors(formErrorsFromIssues(check.error.issues));
      return;
    }
    setIsBusy(true);
    try {
      const result = await saveDraft.mutateAsync({ version: baseVersion, values: toSave });
      setVersion(result.version);
      setSaved(toSave);
      setSavedAt(result.savedAt);
      setHasReloaded(false);
      form.clear();
      void utils.mypage.get.invalidate();
      void utils.organisation.get.invalidate();
    } catch (error) {
      const key = apiErrorKey(error);
      if (key === 'organisation.draftChanged') {
        setIsConflictOpen(true);
        return;
      }
      if (key && LOCKING_KEYS.has(key)) setIsLockedByServer(key);
      form.showErrors(withoutPathPrefix(formErrorsFromApiError(error), 'values.'));
    } finally {
      setIsBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy || isLocked) return;
    void save(version);
  }

  async function reloadLatest() {
    setIsBusy(true);
    try {
      const latest = await utils.organisation.get.fetch(undefined, { staleTime: 0 });
      const latestValues = step1ValuesFrom(latest);
      setValues(latestValues);
      setSaved(latestValues);
      setVersion(latest.version);
      rememberPostal(latest.postalCode ?? '');
      setSavedAt(null);
      setHasReloaded(true);
      form.clear();
      setIsConflictOpen(false);
    } catch (error) {
      setIsConflictOpen(false);
      form.showApiError(error);
    } finally {
      setIsBusy(false);
    }
  }

  async function overwriteWithMine() {
    setIsConflictOpen(false);
    setIsBusy(true);
    try {
      const latest = await utils.organisation.get.fetch(undefined, { staleTime: 0 });
      await save(latest.version);
    } catch (error) {
      form.showApiError(error);
      setIsBusy(false);
    }
  }

  const textField = (name: TStep1TextField) => {
    const attributes = STEP1_INPUT_ATTRIBUTES[name] ?? {};
    const hintKey = HINTS[name];
    const normalise = STEP1_NORMALISE_ON_BLUR[name];
    const isPostalCode = name === 'postalCode';
    const postalStatusKey = isPostalCode ? POSTAL_STATUS_KEYS[postal.status] : null;
    return (
      <TextField
        key={name}
        id={name}
        name={name}
        label={t(step1FieldLabelKey(name))}
        hint={hintKey ? t(hintKey) : undefined}
        value={values[name]}
        onValueChange={(value) => {
          setField(name, value);
          if (isPostalCode) void postal.check(value);
        }}
        onBlur={() => {
          if (!isLocked) setValues((current) => ({ ...current, [name]: normalise(current[name]) }));
          if (isPostalCode && !isLocked) void postal.check(values.postalCode, { onBlur: true });
        }}
        error={form.fieldError(name)}
        isRequired={required.has(name)}
        isOptional={!required.has(name)}
        readOnly={isLocked}
        {...attributes}
        {...(isPostalCode
          ? {
              describedBy: 'postalCode-status',
              afterInput: (
                <span
                  id="postalCode-status"
                  className={
                    postal.status === 'found' || postal.status === 'looking' ? 'k-field-status' : 'k-field-status k-field-status--warning'
                  }
                  role="status"
                >
                  {postalStatusKey ? t(postalStatusKey) : ''}
                </span>
              ),
            }
          : {})}
      />
    );
  };

  return (
    <>
      <PageHeading>{t('step1.title')}</PageHeading>
      <p className="k-lead">{t('step1.lead')}</p>
      {isLocked ? <Notice>{isLockedForReview ? t('step1.locked') : t('step1.lockedOther')}</Notice> : <p>{t('step1.saveNote')}</p>}
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      {hasReloaded ? <Notice tone="success">{t('step1.reloaded')}</Notice> : null}
      <aside className="k-notice" aria-labelledby="step1-idle-title">
        <p>
          <strong id="step1-idle-title">{t('myPage.idleNoticeTitle')}</strong> {t('myPage.idleNotice')}
        </p>
      </aside>
      <form noValidate onSubmit={onSubmit}>
        <div className="k-card">
          <fieldset className="k-fieldset">
            <legend>{t('step1.corporationHeading')}</legend>
            {textField('corporateName')}
            {textField('corporateNameKana')}
            {textField('corporateNumber')}
          </fieldset>
        </div>
        <div className="k-card">
          <fieldset className="k-fieldset">
            <legend>{t('step1.addressHeading')}</legend>
            {textField('postalCode')}
            {textField('prefecture')}
            {textField('city')}
            {textField('town')}
            {textField('building')}
            {textField('phone')}
          </fieldset>
        </div>
        <div className="k-card">
          <fieldset className="k-fieldset">
            <legend>{t('step1.representativeHeading')}</legend>
            {textField('representativeTitle')}
            {textField('representativeName')}
          </fieldset>
        </div>
        <div className="k-card">
          <fieldset className="k-fieldset">
            <legend>{t('step1.contactHeading')}</legend>
            {textField('contactName')}
            {textField('contactDepartment')}
            {textField('contactEmail')}
            {textField('contactPhone')}
          </fieldset>
        </div>
        <div className="k-card">
          <fieldset className="k-fieldset">
            <legend>{t('step1.directoryHeading')}</legend>
            <CheckboxField
              id="directoryOptIn"
              name="directoryOptIn"
              label={t('step1.directoryOptIn')}
              hint={t('step1.directoryHint')}
              checked={values.directoryOptIn}
              onCheckedChange={(directoryOptIn) => {
                if (isLocked) return;
                setValues((current) => ({ ...current, directoryOptIn }));
                setSavedAt(null);
              }}
              error={form.fieldError('directoryOptIn')}
              disabled={isLocked}
            />
          </fieldset>
        </div>
        <div className="k-form-actions">
          {isLocked ? null : (
            <button type="submit" className="k-button" aria-disabled={isBusy || undefined}>
              {t('step1.save')}
            </button>
          )}
          <p className="k-saved-at" role="status">
            {isBusy && !isConflictOpen
              ? t('step1.saving')
              : savedAt
                ? t('step1.savedAt', { time: formatTime(savedAt, i18n.language) })
                : ''}
          </p>
          <Link to="/">{t('step1.backToMyPage')}</Link>
        </div>
      </form>

      <ModalDialog
        id="draft-conflict"
        role="alertdialog"
        isOpen={isConflictOpen}
        title={t('step1.conflictTitle')}
        onCancel={() => setIsConflictOpen(false)}
        initialFocusRef={reloadButtonRef}
        actions={
          <>
            <button
              ref={reloadButtonRef}
              type="button"
              className="k-button"
              onClick={() => void reloadLatest()}
              aria-disabled={isBusy || undefined}
            >
              {t('step1.conflictReload')}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={() => void overwriteWithMine()}>
              {t('step1.conflictOverwrite')}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={() => setIsConflictOpen(false)}>
              {t('step1.conflictClose')}
            </button>
          </>
        }
      >
        <p>{t('step1.conflictBody')}</p>
        <p>{t('step1.conflictChoice')}</p>
      </ModalDialog>

      <UnsavedChangesDialog blocker={blocker} title={t('unsaved.title')} body={t('unsaved.body')} />
    </>
  );
}
