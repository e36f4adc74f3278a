import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { fieldClassName, fieldDescription, FieldLabel, FieldMessages } from './field-parts';

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
  const { hintId, errorId, describedBy } = fieldDescription(id, hint, error);
  return (
    <div className={fieldClassName(error)}>
      <FieldLabel htmlFor={id} label={label} isRequired={isRequired} isOptional={isOptional} />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
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
