import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { AppError, type FieldError, type MessageParams } from './app-error';
import type { ApiContext } from './context';

export type { FieldError } from './app-error';

const keyByCode: Record<string, string> = {
  UNAUTHORIZED: 'common.unauthorized',
  FORBIDDEN: 'common.forbidden',
  NOT_FOUND: 'common.notFound',
  BAD_REQUEST: 'validation.failed',
  CONFLICT: 'common.conflict',
  TOO_MANY_REQUESTS: 'auth.throttled',
};

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
  code: string;
  minimum?: unknown;
  maximum?: unknown;
}

/** Our schemas put catalogue keys in their messages; zod's own messages become generic keys. */
function fieldErrorFrom(issue: ZodLikeIssue): FieldError {
  const path = issue.path.map(String).join('.');
  if (/^[a-z][a-zA-Z]*\.[a-zA-Z.]+$/.test(issue.message)) {
    // Our keys keep zod's bounds as parameters, e.g. password.tooShort {min: 8}.
    const messageParams: MessageParams | undefined =
      issue.code === 'too_small' && typeof issue.minimum === 'number'
        ? { min: issue.minimum }
        : issue.code === 'too_big' && typeof issue.maximum === 'number'
          ? { max: issue.maximum }
          : undefined;
    return messageParams ? { path, messageKey: issue.message, messageParams } : { path, messageKey: issue.message };
  }
  if (issue.code === 'too_small' && typeof issue.minimum === 'number')
    return { path, messageKey: 'validation.tooShort', messageParams: { min: issue.minimum } };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return { path, messageKey: 'validation.tooLong', messageParams: { max: issue.maximum } };
  return { path, messageKey: issue.code === 'invalid_type' ? 'validation.required' : 'validation.invalid' };
}

function zodIssues(cause: unknown): ZodLikeIssue[] | null {
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray((cause as { issues: unknown }).issues)) {
    return (cause as { issues: ZodLikeIssue[] }).issues;
  }
  return null;
}

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' ? zodIssues(error.cause) : null;
    const messageKey =
      error instanceof AppError ? error.messageKey : issues ? 'validation.failed' : (keyByCode[error.code] ?? 'common.internal');
    const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      // Internal details never reach the browser; the key is enough for the user's message.
      message: isInternal ? 'common.internal' : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        messageKey,
        messageParams: error instanceof AppError ? error.messageParams : undefined,
        fieldErrors: error instanceof AppError && error.fieldErrors ? error.fieldErrors : issues ? issues.map(fieldErrorFrom) : undefined,
      },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
