import type { Operation } from '@trpc/client';
import { type ActivityTracker, USER_ACTIVITY_HEADER } from './activity';

/**
 * Pieces for an app's tRPC link chain, keeping the user-activity rule in one place:
 *
 *   splitLink({
 *     condition: transport.isUserInitiated,
 *     true: httpBatchLink({ url, transformer, headers: transport.userHeaders, fetch: transport.userFetch }),
 *     false: httpBatchLink({ url, transformer, fetch: transport.backgroundFetch }),
 *   })
 *
 * Splitting (rather than deciding per batch) keeps a background poll that happens to share a tick
 * with a click from riding along in the user's batch and extending the session.
 */

/** Procedures that must never extend the session, whatever the user was doing. */
const ALWAYS_BACKGROUND_PATHS = new Set(['session.status']);

export interface OperationContextFlags {
  /** Set by callers for polls and refetches the user did not ask for. */
  background?: boolean;
}

export function isBackgroundOperation(op: Pick<Operation, 'path' | 'context'>): boolean {
  return ALWAYS_BACKGROUND_PATHS.has(op.path) || (op.context as OperationContextFlags).background === true;
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface TrpcTransport {
  isUserInitiated: (op: Operation) => boolean;
  userHeaders: () => Record<string, string>;
  userFetch: Fetch;
  backgroundFetch: Fetch;
}

export function createTrpcTransport(tracker: ActivityTracker, baseFetch: Fetch = (i, init) => fetch(i, init)): TrpcTransport {
  // Session cookies are HttpOnly and same-origin: never send them anywhere else.
  const sameOrigin: Fetch = (input, init) => baseFetch(input, { ...init, credentials: 'same-origin' });
  return {
    isUserInitiated: (op) => !isBackgroundOperation(op) && tracker.isActive(),
    userHeaders: () => ({ [USER_ACTIVITY_HEADER]: '1' }),
    userFetch: async (input, init) => {
      const response = await sameOrigin(input, init);
      // The server has just moved the idle deadline: let the idle guard re-read it (all tabs).
      tracker.notifyUserRequestCompleted();
      return response;
    },
    backgroundFetch: sameOrigin,
  };
}
