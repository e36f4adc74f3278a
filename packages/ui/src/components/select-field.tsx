import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'className' | 'required'> {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly SelectOption[];
  /** The first, empty choice (e.g. 「選択してください」); omitted when a value is always chosen. */
  placeholder?: string | undefined;
  error?: string | null | undefined;
  hint?: string | undefined;
  isRequired?: boolean;
  isOptional?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
  /** Rendered after the select, inside the field (e.g. a button acting on the choice). */
  afterInput?: ReactNode;
}

/** A labelled native <select> laid out like TextField: badge, hint, error between label and control. */
export function SelectField({
  id,
  label,
  value,
  onValueChange,
  options,
  placeholder,
  error,
  hint,
  isRequired = false,
  isOptional = false,
  selectRef,
  afterInput,
  ...rest
}: SelectFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
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
      <select
        {...rest}
        ref={selectRef}
        id={id}
        className="k-input k-select"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={isRequired || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {afterInput}
    </div>
  );
}
