import type { Message } from '../i18n/create-i18n';

/**
 * What a form shows after a failed submit: one sentence at the top (the error summary) and a
 * message per field, keyed by the input path the server validated (`loginId`, `password`, ...).
 */
export interface FormErrors {
  summary: Message | null;
  fields: Record<string, Message>;
}

export const NO_FORM_ERRORS: FormErrors = { summary: null, fields: {} };

export function hasFormErrors(errors: FormErrors): boolean {
  return errors.summary !== null || Object.keys(errors.fields).length > 0;
}

type Params = Record<string, string | number>;

interface ApiErrorData {
  messageKey?: unknown;
  messageParams?: unknown;
  fieldErrors?: unknown;
  httpStatus?: unknown;
}

function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
}

function message(key: string, params: unknown): Message {
  return isParams(params) ? { key, params } : { key };
}

/**
 * Maps whatever a tRPC call threw to form errors. Duck-typed on `error.data` (the shape our API's
 * error formatter sends) rather than `instanceof TRPCClientError`, which breaks across bundles.
 * No `data` means the request never got a tRPC answer: a network failure.
 */
export function formErrorsFromApiError(error: unknown): FormErrors {
  const data =
    typeof error === 'object' && error !== null && 'data' in error ? ((error as { data: unknown }).data as ApiErrorData | null) : undefined;
  if (!data || typeof data !== 'object') return { summary: { key: 'common.network' }, fields: {} };
  const fields: Record<string, Message> = {};
  if (Array.isArray(data.fieldErrors)) {
    for (const item of data.fieldErrors as Array<{ path?: unknown; messageKey?: unknown; messageParams?: unknown }>) {
      if (typeof item?.path !== 'string' || typeof item.messageKey !== 'string') continue;
      // First problem per field: the rest follow once it is fixed, as the field rules list them.
      fields[item.path] ??= message(item.messageKey, item.messageParams);
    }
  }
  const key = typeof data.messageKey === 'string' ? data.messageKey : 'common.internal';
  return { summary: message(key, data.messageParams), fields };
}

/** The messageKey of an API error, if it has one (e.g. to react to `common.unauthorized`). */
export function apiErrorKey(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('data' in error)) return null;
  const data = (error as { data: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const key = (data as ApiErrorData).messageKey;
  return typeof key === 'string' ? key : null;
}
