import { z } from 'zod';

/**
 * SPEC A2: at least 8 characters with at least one letter and one digit. One schema, used by the
 * portal form before submit and by the API at the edge, so the two can never disagree. Issues
 * carry message keys (not sentences) so each client shows them in its own language.
 */
export const PASSWORD_MIN_LENGTH = 8;
/** Upper bound keeps argon2 work per request bounded; far above anything a person types. */
export const PASSWORD_MAX_LENGTH = 128;

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'password.tooShort' })
  .max(PASSWORD_MAX_LENGTH, { message: 'password.tooLong' })
  .refine((value) => /\p{L}/u.test(value), { message: 'password.needsLetter' })
  .refine((value) => /\p{Nd}/u.test(value), { message: 'password.needsDigit' });

export type TPasswordIssue = 'password.tooShort' | 'password.tooLong' | 'password.needsLetter' | 'password.needsDigit';

/** Every rule the password breaks, in a stable order, for showing next to the field. */
export function passwordIssues(value: string): TPasswordIssue[] {
  const result = ZPassword.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.message as TPasswordIssue);
}
