import { PASSWORD_MIN_LENGTH, passwordIssues } from '@kyogikai/domain';
import { PasswordRuleChecklist, TextField } from '@kyogikai/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

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
