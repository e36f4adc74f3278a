import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorSummaryItem } from '../components/error-summary';
import { translateMessage } from '../i18n/create-i18n';
import { type FormErrors, formErrorsFromApiError, NO_FORM_ERRORS } from './form-errors';

export interface FormFieldInfo {
  /** The input's DOM id (the summary links to it). */
  id: string;
  /** The translated label (the summary names the field with it). */
  label: string;
}

export interface UseFormErrorsResult {
  errors: FormErrors;
  /** Increments on each failed submit; give it to ErrorSummary so focus moves there each time. */
  attempt: number;
  /** The translated error for one field, if any. */
  fieldError: (name: string) => string | undefined;
  summaryMessage: string | undefined;
  summaryItems: ErrorSummaryItem[];
  showErrors: (errors: FormErrors) => void;
  showApiError: (error: unknown) => void;
  clear: () => void;
}

/** Empty required fields as form errors (checked before sending, with the server's own keys). */
export function requiredFieldErrors(values: Record<string, string>, required: readonly string[]): FormErrors {
  const fields: FormErrors['fields'] = {};
  for (const name of required) {
    if (!values[name]?.trim()) fields[name] = { key: 'validation.required' };
  }
  return Object.keys(fields).length > 0 ? { summary: { key: 'validation.failed' }, fields } : NO_FORM_ERRORS;
}

/**
 * Error state for one form, translated for display: a sentence for the summary, a line per field
 * in the summary (「<label>：<message>」, linking to the field), and the message beside each field.
 * Errors for paths the form has no field for still appear in the summary, unlinked.
 */
export function useFormErrors(fields: Record<string, FormFieldInfo>): UseFormErrorsResult {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [attempt, setAttempt] = useState(0);

  const showErrors = useCallback((next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  }, []);
  const showApiError = useCallback((error: unknown) => showErrors(formErrorsFromApiError(error)), [showErrors]);
  const clear = useCallback(() => setErrors(NO_FORM_ERRORS), []);

  const fieldError = useCallback(
    (name: string) => {
      const message = errors.fields[name];
      return message ? translateMessage(t, i18n, message) : undefined;
    },
    [errors, t, i18n],
  );

  const summaryItems = useMemo<ErrorSummaryItem[]>(
    () =>
      Object.entries(errors.fields).map(([name, message]) => {
        const field = fields[name];
        const text = translateMessage(t, i18n, message);
        return field ? { fieldId: field.id, text: t('form.errorSummaryItem', { label: field.label, message: text }) } : { text };
      }),
    [errors, fields, t, i18n],
  );

  const summaryMessage = errors.summary ? translateMessage(t, i18n, errors.summary) : undefined;
  return { errors, attempt, fieldError, summaryMessage, summaryItems, showErrors, showApiError, clear };
}
