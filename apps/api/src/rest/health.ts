import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { ApiDeps } from '../app-deps';

type CheckResult = 'ok' | string;

async function check(run: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Reports database, queue and storage; 503 if any is down, so a load balancer can act on it. */
export function healthRoutes(deps: Pick<ApiDeps, 'database' | 'jobs' | 'storage' | 'mode'>) {
  return new Hono().get('/', async (c) => {
    const [database, queue, storage] = await Promise.all([
      check(async () => {
        await deps.database.db.execute(sql`select 1`);
        return 'ok';
      }),
      check(() => deps.jobs.health()),
      check(() => deps.storage.health()),
    ]);
    const checks = { database, queue, storage };
    const isHealthy = Object.values(checks).every((value) => value === 'ok');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: isHealthy ? 'ok' : 'degraded', mode: deps.mode, checks }, isHealthy ? 200 : 503);
  });
}
