import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kyogikai/domain';
import { type FormErrors, type Message, NO_FORM_ERRORS } from '@kyogikai/ui';

/** The parameters a message key needs that a zod issue does not carry. */
const PARAMS_OF_KEY: Record<string, Record<string, number>> = {
  'password.tooShort': { min: PASSWORD_MIN_LENGTH },
  'password.tooLong': { max: PASSWORD_MAX_LENGTH },
};

interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Issues of one of the shared schemas in @kyogikai/domain (the very schema the API applies), as
 * form errors keyed by field path (`email`, `consents.charter`): checked before sending, the user
 * sees the same sentence the server would have sent. The first issue per field is shown.
 */
export function formErrorsFromIssues(issues: readonly SchemaIssue[]): FormErrors {
  const fields: FormErrors['fields'] = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    // Our schemas carry message keys; zod's own English sentences (type errors) do not.
    const key = /^[a-z][a-zA-Z]*\.[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'validation.invalid';
    const params = PARAMS_OF_KEY[key];
    fields[path] ??= params ? { key, params } : { key };
  }
  return Object.keys(fields).length > 0 ? { summary: { key: 'validation.failed' }, fields } : NO_FORM_ERRORS;
}

/** For the few checks that have no shared schema (e.g. the sign-in style forms). */
export function collectFieldErrors(checks: Record<string, Message | null | undefined>): FormErrors {
  const fields: FormErrors['fields'] = {};
  for (const [path, message] of Object.entries(checks)) if (message) fields[path] = message;
  return Object.keys(fields).length > 0 ? { summary: { key: 'validation.failed' }, fields } : NO_FORM_ERRORS;
}

/** Server field paths may be nested under the input object (`values.postalCode`); forms key by field. */
export function withoutPathPrefix(errors: FormErrors, prefix: string): FormErrors {
  const fields: FormErrors['fields'] = {};
  for (const [path, message] of Object.entries(errors.fields)) fields[path.startsWith(prefix) ? path.slice(prefix.length) : path] = message;
  return { ...errors, fields };
}
