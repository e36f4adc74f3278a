import type { PortalRouter } from '@kyogikai/api/portal-router';
import type { TrpcTransport } from '@kyogikai/ui';
import { httpBatchLink, splitLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

/** Typed against the portal router only: the portal cannot even name an admin procedure. */
export const trpc = createTRPCReact<PortalRouter>();
export type PortalOutputs = inferRouterOutputs<PortalRouter>;

export function createPortalTrpcClient(url: string, transport: TrpcTransport) {
  return trpc.createClient({
    links: [
      splitLink({
        condition: transport.isUserInitiated,
        true: httpBatchLink({ url, transformer: superjson, headers: transport.userHeaders, fetch: transport.userFetch }),
        false: httpBatchLink({ url, transformer: superjson, fetch: transport.backgroundFetch }),
      }),
    ],
  });
}
