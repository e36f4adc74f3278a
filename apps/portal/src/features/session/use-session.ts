import { type SessionEndReason, useSignOutFlow } from '@kyogikai/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { sessionChannel } from '../../lib/platform';
import { trpc } from '../../lib/trpc';

/** Who is signed in, or null. Everything signed-in hangs off this one query. */
export function useCurrentUser() {
  return trpc.session.me.useQuery(undefined, { staleTime: 60_000 });
}

export type SignInNoticeReason = 'signed-out' | 'idle';

/**
 * Leaves the signed-in state locally: forget every cached answer that belonged to the user and
 * show the sign-in page with the reason.
 */
export function useLeaveSession() {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  return useCallback(
    (reason: SessionEndReason) => {
      queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey[0]) !== '["tenant","get"]' });
      utils.session.me.setData(undefined, null);
      const notice: SignInNoticeReason = reason === 'idle' ? 'idle' : 'signed-out';
      void navigate(`/sign-in?reason=${notice}`, { replace: true });
    },
    [queryClient, utils, navigate],
  );
}

export function useSignOut() {
  const mutation = trpc.session.signOut.useMutation();
  return useSignOutFlow({ requestSignOut: mutation.mutateAsync, channelName: sessionChannel, leave: useLeaveSession() });
}
