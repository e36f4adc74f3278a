import { createServer } from 'node:net';

// Why not `listen(0)`: the kernel hands out port-0 listeners from the same ephemeral range
// (32768-60999 here) that outgoing connections use. Between "this port is free" and the child
// server binding it, one of the many PostgreSQL/Redis client sockets of a parallel test file
// could take it (CI saw `EADDRINUSE` on a journey's API server). Ports below that range are
// never picked for outgoing connections, and each vitest worker gets its own block, so two test
// files running at once cannot pick the same one either.
const FIRST_PORT = 20_000;
const BLOCK_SIZE = 1_000;
const BLOCKS = 12; // 20000-31999, below the ephemeral range

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A loopback TCP port, free right now, that no other test worker or outgoing socket will take. */
export async function spareListenPort(): Promise<number> {
  const poolId = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0) || 0;
  const blockStart = FIRST_PORT + (poolId % BLOCKS) * BLOCK_SIZE;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = blockStart + Math.floor(Math.random() * BLOCK_SIZE);
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port in ${blockStart}-${blockStart + BLOCK_SIZE - 1} after 50 tries.`);
}
