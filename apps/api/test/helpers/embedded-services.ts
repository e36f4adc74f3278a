import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedServices } from '../../src/bootstrap/embedded-services';
import type { ServerServices } from '../../src/bootstrap/server-services';
import { parseApiEnv } from '../../src/env';

/**
 * The services `npm start` runs (embedded mode: PGlite, in-process S3, inline queues), in a fresh
 * data folder for one test file: started before its tests, closed and deleted after them. `port`
 * only names the origin links are built from; nothing listens on it.
 */
export function useEmbeddedServices(label: string, port: string): { readonly services: ServerServices; readonly port: string } {
  let dataDir: string | undefined;
  let services: ServerServices | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), `kyogikai-embedded-${label}-`));
    const env = parseApiEnv({ KYOGIKAI_MODE: 'embedded', DATA_DIR: dataDir, PORT: port });
    if (env.KYOGIKAI_MODE !== 'embedded') throw new Error('not embedded');
    services = await startEmbeddedServices(env);
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return {
    port,
    get services() {
      if (!services) throw new Error('the embedded services are not started yet (use them inside a test)');
      return services;
    },
  };
}
