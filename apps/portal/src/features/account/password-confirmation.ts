import type { FormErrors } from '@kyogikai/ui';
import { collectFieldErrors } from '../../lib/client-checks';

/** A new password and the same password typed again, keyed as the forms and the API name them. */
export interface NewPasswordValues {
  password: string;
  passwordConfirmation: string;
}

/**
 * The check of the confirmation against the password for forms whose shared schema does not carry
 * the confirmation (the API never receives it): 「パスワードが一致しません」 on the confirmation field.
 */
export function passwordConfirmationErrors(values: NewPasswordValues): FormErrors {
  return collectFieldErrors({
    passwordConfirmation: values.password === values.passwordConfirmation ? null : { key: 'account.passwordMismatch' },
  });
}
