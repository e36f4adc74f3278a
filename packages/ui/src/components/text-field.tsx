import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className' | 'required'> {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Already translated. Shown above the input, announced with it, and marks it invalid. */
  error?: string | null | undefined;
  hint?: string | undefined;
  isRequired?: boolean;
  /** Shows 「任意」 (where a form marks both kinds, so neither is left to guess). */
  isOptional?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Ids of further elements that describe the input (e.g. a live rule checklist). */
  describedBy?: string | undefined;
  /** Rendered under the input, inside the field (e.g. a status line or a rule checklist). */
  afterInput?: ReactNode;
}

/**
 * A labelled input. The error sits between label and input (read before typing) and is tied to
 * the input with aria-describedby; required-ness is shown as text, not only colour or an asterisk.
 */
export function TextField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  isRequired = false,
  isOptional = false,
  inputRef,
  describedBy: extraDescribedBy,
  afterInput,
  ...rest
}: TextFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, extraDescribedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'k-field k-field--error' : 'k-field'}>
      <label className="k-label" htmlFor={id}>
        {label}
        {isRequired ? <span className="k-badge">{t('form.required')}</span> : null}
        {!isRequired && isOptional ? <span className="k-badge k-badge--optional">{t('form.optional')}</span> : null}
      </label>
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
      <input
        {...rest}
        ref={inputRef}
        id={id}
        className="k-input"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={isRequired || undefined}
      />
      {afterInput}
    </div>
  );
}
