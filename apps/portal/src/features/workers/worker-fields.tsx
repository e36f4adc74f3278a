import { type TCustomField, ZWorkerValues } from '@kyogikai/domain';
import { ComboboxField, type FormErrors, TextField } from '@kyogikai/ui';
import type { TFunction } from 'i18next';
import { type Dispatch, type SetStateAction, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsFromIssues } from '../../lib/client-checks';
import { trpc } from '../../lib/trpc';
import { CustomFieldInputs, customFieldErrors, customFieldLabel } from '../custom-fields/custom-field-inputs';
import { nationalityOptions } from './nationality';
import { WORKER_NORMALISE_ON_BLUR, type WorkerFormValues } from './worker-values';

/** The council's extra fields of the establishment and worker forms (`tenant.formFields`, SPEC G2). */
export function useWorkerFormFields(): { isReady: boolean; establishment: readonly TCustomField[]; worker: readonly TCustomField[] } {
  const fields = trpc.tenant.formFields.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY, retry: false });
  return {
    // Without them the forms would be refused for a required one: wait (a failure shows the forms without).
    isReady: !fields.isPending,
    establishment: fields.data?.establishment ?? NO_FIELDS,
    worker: fields.data?.worker ?? NO_FIELDS,
  };
}
const NO_FIELDS: readonly TCustomField[] = [];

/** The worker fields' ids and labels for the error summary (`useFormErrors`), keyed as the API names them. */
export function workerFieldInfo(
  t: TFunction,
  language: string,
  workerFields: readonly TCustomField[],
): Record<string, { id: string; label: string }> {
  const result: Record<string, { id: string; label: string }> = {
    nameLatin: { id: 'nameLatin', label: t('labels.workerNameLatin') },
    nationality: { id: 'nationality', label: t('labels.nationality') },
    nameKana: { id: 'nameKana', label: t('labels.workerNameKana') },
  };
  for (const field of workerFields)
    result[`extra.${field.key}`] = { id: `worker-extra-${field.key}`, label: customFieldLabel(field, language) };
  return result;
}

/** A worker as the API takes it (STEP2's create/update and the D2 draft save alike). */
export interface TWorkerInput {
  nameLatin: string;
  nationality: string;
  nameKana: string | null;
  extra: Record<string, string>;
  establishmentIds: string[];
}

/**
 * Normalises the form's values as the API will and checks them with the API's own schema and the
 * council's required fields: the input to send, or the errors to show (and the normalised values
 * the form should now display).
 */
export function checkWorkerInput(
  values: WorkerFormValues,
  establishmentIds: string[],
  workerFields: readonly TCustomField[],
): { normalised: WorkerFormValues; input: TWorkerInput | null; errors: FormErrors | null } {
  const normalised: WorkerFormValues = {
    ...values,
    nameLatin: WORKER_NORMALISE_ON_BLUR.nameLatin(values.nameLatin),
    nameKana: WORKER_NORMALISE_ON_BLUR.nameKana(values.nameKana),
  };
  const input: TWorkerInput = {
    nameLatin: normalised.nameLatin,
    nationality: normalised.nationality,
    nameKana: normalised.nameKana || null,
    extra: normalised.extra,
    establishmentIds,
  };
  const check = ZWorkerValues.safeParse(input);
  const extraErrors = customFieldErrors(workerFields, normalised.extra, 'extra.');
  if (check.success && Object.keys(extraErrors).length === 0) return { normalised, input, errors: null };
  const errors = check.success ? {} : formErrorsFromIssues(check.error.issues).fields;
  return { normalised, input: null, errors: { summary: { key: 'validation.failed' }, fields: { ...errors, ...extraErrors } } };
}

export interface WorkerFieldsProps {
  values: WorkerFormValues;
  onChange: Dispatch<SetStateAction<WorkerFormValues>>;
  errorFor: (path: string) => string | undefined;
  workerFields: readonly TCustomField[];
  readOnly: boolean;
}

/**
 * ◆特定技能外国人情報の入力 (SPEC B4b, manual p.6-7): 氏名（ローマ字）, 国籍 (chosen from the list),
 * 氏名（カタカナ） and the council's own fields. Used by STEP2 and by 「特定技能外国人の追加」 (D2).
 */
export function WorkerFields({ values, onChange, errorFor, workerFields, readOnly }: WorkerFieldsProps) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => nationalityOptions(i18n.language), [i18n.language]);
  const setField = (name: 'nameLatin' | 'nationality' | 'nameKana', value: string) =>
    onChange((current) => ({ ...current, [name]: value }));
  const normaliseOnBlur = (name: 'nameLatin' | 'nameKana') => {
    if (!readOnly) onChange((current) => ({ ...current, [name]: WORKER_NORMALISE_ON_BLUR[name](current[name]) }));
  };
  return (
    <>
      <TextField
        id="nameLatin"
        label={t('labels.workerNameLatin')}
        hint={readOnly ? undefined : t('step2.hints.nameLatin')}
        value={values.nameLatin}
        onValueChange={(value) => setField('nameLatin', value)}
        onBlur={() => normaliseOnBlur('nameLatin')}
        error={errorFor('nameLatin')}
        isRequired
        readOnly={readOnly}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        lang="en"
      />
      <ComboboxField
        id="nationality"
        label={t('labels.nationality')}
        hint={readOnly ? undefined : t('step2.hints.nationality')}
        options={options}
        value={values.nationality}
        onValueChange={(value) => setField('nationality', value)}
        error={errorFor('nationality')}
        isRequired
        readOnly={readOnly}
      />
      <TextField
        id="nameKana"
        label={t('labels.workerNameKana')}
        hint={readOnly ? undefined : t('step2.hints.nameKana')}
        value={values.nameKana}
        onValueChange={(value) => setField('nameKana', value)}
        onBlur={() => normaliseOnBlur('nameKana')}
        error={errorFor('nameKana')}
        isOptional
        readOnly={readOnly}
        autoComplete="off"
        maxLength={100}
      />
      <CustomFieldInputs
        idPrefix="worker-extra-"
        fields={workerFields}
        values={values.extra}
        onChange={(key, value) => onChange((current) => ({ ...current, extra: { ...current.extra, [key]: value } }))}
        errorFor={(key) => errorFor(`extra.${key}`)}
        readOnly={readOnly}
      />
    </>
  );
}
