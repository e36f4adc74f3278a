import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { fieldClassName, fieldDescription, FieldLabel, FieldMessages } from './field-parts';

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
  const { hintId, errorId, describedBy } = fieldDescription(id, hint, error, extraDescribedBy);
  return (
    <div className={fieldClassName(error)}>
      <FieldLabel htmlFor={id} label={label} isRequired={isRequired} isOptional={isOptional} />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
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
