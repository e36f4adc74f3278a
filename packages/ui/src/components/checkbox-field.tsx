import type { InputHTMLAttributes, ReactNode } from 'react';
import { fieldClassName, fieldDescription, FieldMessages } from './field-parts';

export interface CheckboxFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'checked' | 'onChange' | 'className'> {
  id: string;
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** Already translated; shown above the box and tied to it. */
  error?: string | null | undefined;
  hint?: string | undefined;
}

/** A single checkbox with its label beside it (the whole label is the hit area). */
export function CheckboxField({ id, label, checked, onCheckedChange, error, hint, ...rest }: CheckboxFieldProps) {
  const { hintId, errorId, describedBy } = fieldDescription(id, hint, error);
  return (
    <div className={fieldClassName(error)}>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div className="k-checkbox">
        <input
          {...rest}
          type="checkbox"
          id={id}
          className="k-checkbox__input"
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label className="k-checkbox__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
