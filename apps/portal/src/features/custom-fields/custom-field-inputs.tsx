import type { TCustomField } from '@kyogikai/domain';
import { type FormErrors, SelectField, TextField } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';

/** A council field's label in the user's language. */
export function customFieldLabel(field: Pick<TCustomField, 'labelJa' | 'labelEn'>, language: string): string {
  return language === 'en' ? field.labelEn : field.labelJa;
}

/** Required council fields left empty, keyed `<prefix><key>` as the server names them (`extra.serviceType`). */
export function customFieldErrors(fields: readonly TCustomField[], values: Record<string, string>, prefix: string): FormErrors['fields'] {
  const found: FormErrors['fields'] = {};
  for (const field of fields)
    if (field.required && !values[field.key]?.trim()) found[`${prefix}${field.key}`] = { key: 'validation.required' };
  return found;
}

export interface CustomFieldInputsProps {
  idPrefix: string;
  fields: readonly TCustomField[];
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  errorFor: (key: string) => string | undefined;
  readOnly?: boolean;
}

/** The fields a council adds to a form (SPEC G2: tenant data, not code), stored in `extra`. */
export function CustomFieldInputs({ idPrefix, fields, values, onChange, errorFor, readOnly = false }: CustomFieldInputsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {fields.map((field) => {
        const common = {
          id: `${idPrefix}${field.key}`,
          label: customFieldLabel(field, i18n.language),
          value: values[field.key] ?? '',
          onValueChange: (value: string) => onChange(field.key, value),
          error: errorFor(field.key),
          isRequired: field.required,
          isOptional: !field.required,
        };
        if (field.type === 'select') {
          return (
            <SelectField
              key={field.key}
              {...common}
              disabled={readOnly}
              placeholder={t('form.choose')}
              options={(field.options ?? []).map((option) => ({
                value: option.value,
                label: i18n.language === 'en' ? option.labelEn : option.labelJa,
              }))}
            />
          );
        }
        return (
          <TextField
            key={field.key}
            {...common}
            readOnly={readOnly}
            type={field.type === 'date' ? 'date' : 'text'}
            {...(field.maxLength ? { maxLength: field.maxLength } : {})}
          />
        );
      })}
    </>
  );
}
