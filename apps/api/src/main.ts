import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { defaultThrottlePolicy } from './auth/sign-in-throttle';
import { createServerServices } from './bootstrap/server-services';
import { systemClock } from './clock';
import { InvalidEnvironmentError, parseApiEnv, type TApiEnv } from './env';
import { preloadPostalData } from './postal/lookup-postal-code';
import { startLeftoverSweep } from './storage/sweep-leftover-objects';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Starts the API for the given environment; resolves once it listens. Tests call this too. */
export async function startApi(env: TApiEnv) {
  const services = await createServerServices(env);
  // The postal tables (~70 ms, 16 MB) load now rather than on the first applicant's lookup.
  preloadPostalData();
  const app = createApp({
    mode: env.KYOGIKAI_MODE,
    database: services.database,
    jobs: services.jobs,
    storage: services.storage,
    clock: systemClock,
    sessionPolicy: {
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
      warningMs: env.SESSION_WARNING_SECONDS * 1000,
    },
    throttlePolicy: defaultThrottlePolicy,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    trustedProxyHops: env.TRUST_PROXY_HOPS,
    staticRoots: {
      portal: path.resolve(env.STATIC_ROOT ?? path.join(repoRoot, 'apps'), env.STATIC_ROOT ? 'portal' : 'portal/dist'),
      admin: path.resolve(env.STATIC_ROOT ?? path.join(repoRoot, 'apps'), env.STATIC_ROOT ? 'admin' : 'admin/dist'),
    },
    ...(services.mailboxDirectory ? { mailboxDirectory: services.mailboxDirectory } : {}),
    ...(services.devIndex ? { devIndex: services.devIndex } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s));
  });
  // Leftovers of crashed uploads and certificate attempts (ADR 017, 018): a minute after start, then hourly.
  const sweep = startLeftoverSweep({ database: services.database, storage: services.storage, clock: systemClock });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  return {
    port,
    bannerLines: services.bannerLines,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sweep.close();
      await services.close();
    },
  };
}

async function main() {
  let env: TApiEnv;
  try {
    env = parseApiEnv(process.env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const api = await startApi(env);
  console.log(
    [
      '',
      `Kyōgikai API (${env.KYOGIKAI_MODE} mode) listening on http://${env.HOST}:${api.port}`,
      ...api.bannerLines,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`\n${signal}: shutting down...`);
    await api.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? `Failed to start: ${error.message}` : error);
    process.exit(1);
  });
}
