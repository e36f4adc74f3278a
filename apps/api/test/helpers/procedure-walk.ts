import { TRPCError } from '@trpc/server';

type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription' } };

/** Every procedure of a router as [path, procedure], e.g. ['review.get', …], from tRPC's own table. */
export function proceduresOf(router: unknown): [string, Procedure][] {
  return Object.entries((router as { _def: { procedures: Record<string, Procedure> } })._def.procedures);
}

/** Calls `path` (e.g. 'review.get') on a caller with an empty input; returns the tRPC error code, or 'OK'. */
export async function codeOf(caller: unknown, path: string): Promise<string> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    await fn({});
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
