import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createPostgresDatabase, type Database, openPgliteDatabase, runMigrations } from '@kyogikai/db';
import { runningEmbeddedServerPid } from '../bootstrap/embedded-lock';
import { resolveDataDir } from '../env';
import type { TCliEnv } from './cli-env';

/** The owner connection for operator commands, in whichever mode the CLI runs. */
export async function openOwnerDatabase(env: TCliEnv): Promise<Database> {
  if (env.KYOGIKAI_MODE !== 'embedded') return createPostgresDatabase(env.DATABASE_OWNER_URL, { max: 1 });
  const dataDir = resolveDataDir(env.DATA_DIR);
  const pid = await runningEmbeddedServerPid(dataDir);
  if (pid !== null) {
    throw new Error(
      `npm start is running (pid ${pid}) and holds the embedded database in ${dataDir}. ` +
        'Stop it (Ctrl+C), run this command, then start it again.',
    );
  }
  await mkdir(dataDir, { recursive: true });
  const owner = await openPgliteDatabase(path.join(dataDir, 'pglite'));
  await runMigrations(owner);
  return owner;
}
