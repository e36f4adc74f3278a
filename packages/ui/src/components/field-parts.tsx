import { useTranslation } from 'react-i18next';

/**
 * The pieces every form field shares (text, select, combobox, checkbox), so they all read the
 * same to a screen reader: hint and error are tied to the control with aria-describedby, the
 * error sits between label and control (read before typing), and required-ness is text.
 */
export function fieldDescription(id: string, hint: string | undefined, error: string | null | undefined, extra?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, extra].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

/** The field's wrapper class: error fields get the error style. */
export function fieldClassName(error: string | null | undefined): string {
  return error ? 'k-field k-field--error' : 'k-field';
}

/** The label with 「必須」 or 「任意」 as a badge. */
export function FieldLabel({
  htmlFor,
  id,
  label,
  isRequired = false,
  isOptional = false,
}: {
  htmlFor: string;
  id?: string | undefined;
  label: string;
  isRequired?: boolean;
  isOptional?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <label id={id} className="k-label" htmlFor={htmlFor}>
      {label}
      {isRequired ? <span className="k-badge">{t('form.required')}</span> : null}
      {!isRequired && isOptional ? <span className="k-badge k-badge--optional">{t('form.optional')}</span> : null}
    </label>
  );
}

/** The hint and the error, each with the id the control's aria-describedby names. */
export function FieldMessages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: string | undefined;
  hintId: string | undefined;
  error: string | null | undefined;
  errorId: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <span id={hintId} className="k-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="k-field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
