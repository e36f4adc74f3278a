import { describe, expect, it } from 'vitest';
import { passwordConfirmationErrors } from './password-confirmation';

describe('passwordConfirmationErrors (SPEC A2, G4, G7)', () => {
  it('A2: a confirmation that matches the password is no error', () => {
    expect(passwordConfirmationErrors({ password: 'Abcdefgh1234', passwordConfirmation: 'Abcdefgh1234' }).fields).toEqual({});
  });

  it('A2: a confirmation that differs puts account.passwordMismatch on the confirmation field only', () => {
    const errors = passwordConfirmationErrors({ password: 'Abcdefgh1234', passwordConfirmation: 'Abcdefgh1235' });
    expect(errors.summary).toEqual({ key: 'validation.failed' });
    expect(errors.fields).toEqual({ passwordConfirmation: { key: 'account.passwordMismatch' } });
  });

  it('A2: the comparison is exact — a confirmation differing only in case or spaces does not match', () => {
    expect(passwordConfirmationErrors({ password: 'Abcdefgh1234', passwordConfirmation: 'abcdefgh1234' }).fields).toHaveProperty(
      'passwordConfirmation',
    );
    expect(passwordConfirmationErrors({ password: 'Abcdefgh1234', passwordConfirmation: 'Abcdefgh1234 ' }).fields).toHaveProperty(
      'passwordConfirmation',
    );
  });
});
