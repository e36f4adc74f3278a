import { TRPCError } from '@trpc/server';

type TRPCErrorCode = ConstructorParameters<typeof TRPCError>[0]['code'];
export type MessageParams = Record<string, string | number>;

/** A message next to one field of the form (`path` as in the input, e.g. `consents.charter`). */
export interface FieldError {
  path: string;
  messageKey: string;
  messageParams?: MessageParams;
}

/**
 * An error whose message is a key of the clients' message catalogues (ja and en), with the values
 * the sentence needs. Clients translate; the server never sends a sentence in one language only.
 * `fieldErrors` are for checks the input schema cannot make (they need the tenant or the
 * database), shown next to the fields exactly like the schema's own.
 */
export class AppError extends TRPCError {
  constructor(
    code: TRPCErrorCode,
    readonly messageKey: string,
    readonly messageParams?: MessageParams,
    readonly fieldErrors?: FieldError[],
  ) {
    super({ code, message: messageKey });
    this.name = 'AppError';
  }
}

export const notFound = (what = 'common.notFound') => new AppError('NOT_FOUND', what);

/** A BAD_REQUEST with field errors, answered like a failed input schema (`validation.failed`). */
export const fieldErrors = (errors: FieldError[]) => new AppError('BAD_REQUEST', 'validation.failed', undefined, errors);
