import { TRPCError } from '@trpc/server';

type TRPCErrorCode = ConstructorParameters<typeof TRPCError>[0]['code'];
export type MessageParams = Record<string, string | number>;

/**
 * An error whose message is a key of the clients' message catalogues (ja and en), with the values
 * the sentence needs. Clients translate; the server never sends a sentence in one language only.
 */
export class AppError extends TRPCError {
  constructor(
    code: TRPCErrorCode,
    readonly messageKey: string,
    readonly messageParams?: MessageParams,
  ) {
    super({ code, message: messageKey });
    this.name = 'AppError';
  }
}

export const notFound = (what = 'common.notFound') => new AppError('NOT_FOUND', what);
