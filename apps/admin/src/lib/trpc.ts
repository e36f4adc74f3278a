import type { AdminRouter } from '@kyogikai/api/admin-router';
import type { TrpcTransport } from '@kyogikai/ui';
import { httpBatchLink, splitLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

/** Typed against the admin router only (SPEC G1 staff console). */
export const trpc = createTRPCReact<AdminRouter>();
export type AdminOutputs = inferRouterOutputs<AdminRouter>;

export function createAdminTrpcClient(url: string, transport: TrpcTransport) {
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
