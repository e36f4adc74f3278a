import { PASSWORD_MIN_LENGTH, passwordIssues } from '@kyogikai/domain';
import { PasswordRuleChecklist, TextField } from '@kyogikai/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewPasswordValues } from './password-confirmation';

interface NewPasswordFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error: string | undefined;
}

/**
 * A password the user chooses (SPEC A2): the rule is stated before they type and a checklist
 * under the field shows which parts are met as they type, from the same schema the API applies.
 */
export function NewPasswordField({ id, name, label, value, onValueChange, error }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  const issues = useMemo(() => passwordIssues(value), [value]);
  return (
    <TextField
      id={id}
      name={name}
      type="password"
      label={label}
      hint={t('passwordRules.rule')}
      value={value}
      onValueChange={onValueChange}
      error={error}
      isRequired
      autoComplete="new-password"
      afterInput={<PasswordRuleChecklist id={`${id}-rules`} value={value} issues={issues} minLength={PASSWORD_MIN_LENGTH} />}
    />
  );
}

type NewPasswordName = keyof NewPasswordValues;

interface NewPasswordFieldsProps {
  /** The ids and labels of both fields, as the form's `useFormErrors` fields name them. */
  fields: Record<NewPasswordName, { id: string; label: string }>;
  values: NewPasswordValues;
  onValueChange: (name: NewPasswordName, value: string) => void;
  /** The form's `fieldError`: errors are keyed `password` and `passwordConfirmation`. */
  fieldError: (name: string) => string | undefined;
}

/**
 * A new password and its confirmation (SPEC A2, G4, G7), in this order: the password with its rule
 * and checklist, then the same password typed again. The client-side match check is
 * `passwordConfirmationErrors` or the form's shared schema.
 */
export function NewPasswordFields({ fields, values, onValueChange, fieldError }: NewPasswordFieldsProps) {
  return (
    <>
      <NewPasswordField
        id={fields.password.id}
        name="password"
        label={fields.password.label}
        value={values.password}
        onValueChange={(password) => onValueChange('password', password)}
        error={fieldError('password')}
      />
      <TextField
        id={fields.passwordConfirmation.id}
        name="passwordConfirmation"
        type="password"
        label={fields.passwordConfirmation.label}
        value={values.passwordConfirmation}
        onValueChange={(confirmation) => onValueChange('passwordConfirmation', confirmation)}
        error={fieldError('passwordConfirmation')}
        isRequired
        autoComplete="new-password"
      />
    </>
  );
}
