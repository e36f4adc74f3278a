import type { TTransitionError } from '@kyogikai/domain';
import { AppError } from './app-error';

/** ADR 009's mapping: Illegal → CONFLICT, Forbidden → FORBIDDEN, InvalidInput → BAD_REQUEST, each with its key. */
export function transitionAppError(error: TTransitionError): AppError {
  if (error.code === 'illegal') return new AppError('CONFLICT', error.messageKey);
  if (error.code === 'forbidden') return new AppError('FORBIDDEN', error.messageKey);
  return new AppError(
    'BAD_REQUEST',
    error.messageKey,
    undefined,
    error.issues.map((issue) => ({ path: issue.path, messageKey: issue.messageKey })),
  );
}
