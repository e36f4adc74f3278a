import { normaliseText, type TCustomField, type TEstablishmentValuesInput } from '@kyogikai/domain';
import { apiErrorKey, ErrorSummary, formErrorsFromApiError, ModalDialog, type FormErrors, TextField, useFormErrors } from '@kyogikai/ui';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomFieldInputs, customFieldErrors, customFieldLabel } from '../custom-fields/custom-field-inputs';
import { STEP1_INPUT_ATTRIBUTES, STEP1_NORMALISE_ON_BLUR, step1FieldLabelKey } from '../organisation/step1-fields';
import { type TPostalLookupStatus, usePostalLookup } from '../organisation/use-postal-lookup';
import { withoutPathPrefix } from '../../lib/client-checks';
import { type PortalOutputs, trpc } from '../../lib/trpc';

export type TEstablishment = PortalOutputs['establishment']['list'][number];

/** The 受入れ事業所 fields in form order; address and phone are labelled as in STEP1 (same words). */
const ADDRESS_FIELDS = ['postalCode', 'prefecture', 'city', 'town', 'building', 'phone'] as const;
type TAddressField = (typeof ADDRESS_FIELDS)[number];
type TTextField = 'name' | TAddressField;
const TEXT_FIELDS: readonly TTextField[] = ['name', ...ADDRESS_FIELDS];
const REQUIRED: ReadonlySet<TTextField> = new Set(['name', 'postalCode', 'prefecture', 'city', 'town', 'phone']);

interface EstablishmentValues {
  name: string;
  postalCode: string;
  prefecture: string;
  city: string;
  town: string;
  building: string;
  phone: string;
  extra: Record<string, string>;
}

const POSTAL_STATUS_KEYS: Record<TPostalLookupStatus, string | null> = {
  idle: null,
  looking: 'postal.looking',
  found: 'postal.found',
  not_found: 'postal.notFound',
  invalid: 'postal.invalid',
  failed: 'postal.failed',
};

function valuesFrom(establishment: TEstablishment | null): EstablishmentValues {
  return {
    name: establishment?.name ?? '',
    postalCode: establishment?.postalCode ?? '',
    prefecture: establishment?.prefecture ?? '',
    city: establishment?.city ?? '',
    town: establishment?.town ?? '',
    building: establishment?.building ?? '',
    phone: establishment?.phone ?? '',
    extra: { ...(establishment?.extra ?? {}) },
  };
}

const normaliseOnBlur = (name: TTextField, value: string) =>
  name === 'name' ? normaliseText(value) : STEP1_NORMALISE_ON_BLUR[name](value);

export interface EstablishmentDialogProps {
  isOpen: boolean;
  /** The establishment to correct, or null to add one. */
  editing: TEstablishment | null;
  /** The council's extra establishment fields (e.g. 介護サービスの種類). */
  customFields: readonly TCustomField[];
  onClose: () => void;
  onSaved: (id: string) => void;
  /**
   * Where the values go instead of the application's establishments (STEP2): after joining, into
   * the change draft (SPEC D3 「受入れ事業所の変更」, D4 「受入れ事業所の追加」). Answers the id the
   * establishment is known by (an addition's change item id).
   */
  save?: (values: TEstablishmentValuesInput, editing: TEstablishment | null) => Promise<string>;
  /** The dialog's title and submit button, when not STEP2's (e.g. 「受入れ事業所の変更」 / 「上記内容に変更する」). */
  title?: string;
  submitLabel?: string;
  /** Said above the fields, after the general lead (e.g. how many workers an edit reaches). */
  note?: ReactNode;
}

/**
 * SPEC B4a 「受入れ事業所の追加」: 事業所名, 郵便番号 (filling 都道府県/市区町村/町域 as in STEP1), the
 * rest of the address, 電話番号 and the council's own fields, in a modal dialog.
 */
export function EstablishmentDialog({
  isOpen,
  editing,
  customFields,
  onClose,
  onSaved,
  save,
  title,
  submitLabel,
  note,
}: EstablishmentDialogProps) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const create = trpc.establishment.create.useMutation();
  const update = trpc.establishment.update.useMutation();
  const [values, setValues] = useState<EstablishmentValues>(() => valuesFrom(editing));
  const [isBusy, setIsBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const postal = usePostalLookup((address) => setValues((current) => ({ ...current, ...address })));
  const rememberPostal = postal.remember;
  // Each opening starts from the establishment being corrected (or empty).
  useEffect(() => {
    if (!isOpen) return;
    const initial = valuesFrom(editing);
    setValues(initial);
    rememberPostal(initial.postalCode);
  }, [isOpen, editing, rememberPostal]);

  const fields = useMemo(() => {
    const result: Record<string, { id: string; label: string }> = {};
    for (const name of TEXT_FIELDS) result[name] = { id: `establishment-${name}`, label: t(labelKey(name)) };
    for (const field of customFields)
      result[`extra.${field.key}`] = { id: `establishment-extra-${field.key}`, label: customFieldLabel(field, i18n.language) };
    return result;
  }, [t, i18n.language, customFields]);
  const form = useFormErrors(fields);
  const clearForm = form.clear;
  useEffect(() => {
    if (isOpen) clearForm();
  }, [isOpen, clearForm]);

  function clientErrors(current: EstablishmentValues): FormErrors {
    const found: FormErrors['fields'] = {};
    for (const name of TEXT_FIELDS) if (REQUIRED.has(name) && !current[name].trim()) found[name] = { key: 'validation.required' };
    Object.assign(found, customFieldErrors(customFields, current.extra, 'extra.'));
    return Object.keys(found).length > 0 ? { summary: { key: 'validation.failed' }, fields: found } : { summary: null, fields: {} };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const normalised = { ...values };
    for (const name of TEXT_FIELDS) normalised[name] = normaliseOnBlur(name, normalised[name]);
    setValues(normalised);
    const problems = clientErrors(normalised);
    if (problems.summary) {
      form.showErrors(problems);
      return;
    }
    const input = {
      name: normalised.name,
      postalCode: normalised.postalCode,
      prefecture: normalised.prefecture,
      city: normalised.city,
      town: normalised.town,
      phone: normalised.phone,
      extra: normalised.extra,
      ...(normalised.building ? { building: normalised.building } : {}),
    };
    setIsBusy(true);
    try {
      let id: string;
      if (save) {
        id = await save({ ...input, building: normalised.building || null }, editing);
      } else if (editing) {
        await update.mutateAsync({ id: editing.id, version: editing.version, values: { ...input, building: normalised.building } });
        id = editing.id;
      } else {
        id = (await create.mutateAsync(input)).id;
      }
      if (!save) {
        await utils.establishment.list.invalidate();
        void utils.worker.list.invalidate();
      }
      onSaved(id);
    } catch (error) {
      if (apiErrorKey(error) === 'application.lockedUnderReview') void utils.mypage.get.invalidate();
      const errors = withoutPathPrefix(formErrorsFromApiError(error), 'values.');
      // A council field the form does not show (the portal is not told of every council field
      // yet): the user cannot fix it here, so say so instead of naming an invisible field.
      const hidden = Object.keys(errors.fields).filter((path) => path.startsWith('extra.') && !(path in fields));
      form.showErrors(hidden.length > 0 ? { summary: { key: 'establishments.councilFieldMissing' }, fields: {} } : errors);
    } finally {
      setIsBusy(false);
    }
  }

  const textField = (name: TTextField) => {
    const isPostalCode = name === 'postalCode';
    const postalStatusKey = isPostalCode ? POSTAL_STATUS_KEYS[postal.status] : null;
    const attributes = name === 'name' ? { autoComplete: 'off' as const } : (STEP1_INPUT_ATTRIBUTES[name] ?? {});
    return (
      <TextField
        key={name}
        id={`establishment-${name}`}
        label={t(labelKey(name))}
        hint={HINTS[name] ? t(HINTS[name]) : undefined}
        value={values[name]}
        onValueChange={(value) => {
          setValues((current) => ({ ...current, [name]: value }));
          if (isPostalCode) void postal.check(value);
        }}
        onBlur={() => {
          setValues((current) => ({ ...current, [name]: normaliseOnBlur(name, current[name]) }));
          if (isPostalCode) void postal.check(values.postalCode, { onBlur: true });
        }}
        error={form.fieldError(name)}
        isRequired={REQUIRED.has(name)}
        isOptional={!REQUIRED.has(name)}
        inputRef={name === 'name' ? nameRef : undefined}
        {...attributes}
        {...(isPostalCode
          ? {
              describedBy: 'establishment-postalCode-status',
              afterInput: (
                <span
                  id="establishment-postalCode-status"
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
    <ModalDialog
      id="establishment-dialog"
      isOpen={isOpen}
      title={title ?? (editing ? t('establishments.editTitle') : t('step2.addEstablishment'))}
      onCancel={onClose}
      initialFocusRef={nameRef}
      isBodyDescription={false}
      actions={
        <>
          <button type="submit" form="establishment-form" className="k-button" aria-disabled={isBusy || undefined}>
            {submitLabel ?? (editing ? t('establishments.saveChanges') : t('establishments.add'))}
          </button>
          <button type="button" className="k-button k-button--secondary" onClick={onClose}>
            {t('establishments.cancel')}
          </button>
        </>
      }
    >
      <p>{t('establishments.dialogLead')}</p>
      {note}
      <ErrorSummary id="establishment-errors" message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      <form id="establishment-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {textField('name')}
        {textField('postalCode')}
        {textField('prefecture')}
        {textField('city')}
        {textField('town')}
        {textField('building')}
        {textField('phone')}
        <CustomFieldInputs
          idPrefix="establishment-extra-"
          fields={customFields}
          values={values.extra}
          onChange={(key, value) => setValues((current) => ({ ...current, extra: { ...current.extra, [key]: value } }))}
          errorFor={(key) => form.fieldError(`extra.${key}`)}
        />
      </form>
      <p className="k-saved-at" role="status">
        {isBusy ? t('establishments.saving') : ''}
      </p>
    </ModalDialog>
  );
}

const HINTS: Partial<Record<TTextField, string>> = {
  postalCode: 'step1.hints.postalCode',
  building: 'step1.hints.building',
  phone: 'step1.hints.phone',
};

function labelKey(name: TTextField): string {
  return name === 'name' ? 'labels.establishmentName' : step1FieldLabelKey(name);
}
