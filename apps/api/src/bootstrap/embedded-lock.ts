import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * PGlite keeps its data in one folder that only one process may open. The embedded server holds
 * this lock; the CLI checks it and asks the operator to stop the server instead of corrupting data.
 */
const LOCK_FILE = 'server.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function runningEmbeddedServerPid(dataDir: string): Promise<number | null> {
  const text = await readFile(path.join(dataDir, LOCK_FILE), 'utf8').catch(() => null);
  const pid = text ? Number.parseInt(text, 10) : Number.NaN;
  return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
}

export async function acquireEmbeddedLock(dataDir: string): Promise<() => Promise<void>> {
  const other = await runningEmbeddedServerPid(dataDir);
  if (other !== null) {
    throw new Error(`Another embedded server (pid ${other}) is using ${dataDir}. Stop it first (Ctrl+C in its terminal).`);
  }
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  await writeFile(file, String(process.pid));
  return () => rm(file, { force: true });
}
