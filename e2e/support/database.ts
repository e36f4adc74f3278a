import { execFileSync } from 'node:child_process';
import type { Platform } from './platform';

/**
 * Puts the test database into a state no portal action of this issue can reach yet (e.g. an
 * application under review, which needs the secretariat's console): SQL through psql as the
 * owner, values as psql variables (`:'p1'`, `:'p2'`, …). Only for arranging a journey, never for checking its outcome.
 */
export function arrangeWithSql(platform: Platform, statement: string, ...values: string[]): void {
  const args = [platform.databaseEnv.DATABASE_OWNER_URL ?? '', '-v', 'ON_ERROR_STOP=1', '-q'];
  for (const [index, value] of values.entries()) args.push('-v', `p${index + 1}=${value}`);
  // Through stdin: psql interpolates :'p1' there (not in -c), quoting the values safely.
  execFileSync('psql', [...args, '-f', '-'], { input: statement, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** One value read as the database owner (psql, values as :'p1' …), for checks the UI does not show. */
export function queryValue(platform: Platform, statement: string, ...values: string[]): string {
  const args = [platform.databaseEnv.DATABASE_OWNER_URL ?? '', '-v', 'ON_ERROR_STOP=1', '-qtA'];
  for (const [index, value] of values.entries()) args.push('-v', `p${index + 1}=${value}`);
  return execFileSync('psql', [...args, '-f', '-'], { input: statement })
    .toString()
    .trim();
}
