import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/** Set by the global setup once the apps are built for this run. */
export const APPS_BUILT_FLAG = 'KYOGIKAI_E2E_APPS_BUILT';

/** Everything that ends up in the SPA bundles; a change in any of it means a rebuild. */
const APPS = ['portal', 'admin'] as const;
const SHARED_SOURCES = ['packages/ui/src', 'packages/ui/package.json', 'packages/domain/src'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function staleApps(): string[] {
  return APPS.filter((app) => {
    const built = path.join(REPO_ROOT, 'apps', app, 'dist', 'index.html');
    if (!existsSync(built)) return true;
    const sources = [
      `apps/${app}/src`,
      `apps/${app}/index.html`,
      `apps/${app}/vite.config.ts`,
      `apps/${app}/package.json`,
      ...SHARED_SOURCES,
    ];
    const newestSource = Math.max(...sources.map((source) => newestMtime(path.join(REPO_ROOT, source))));
    return newestSource > statSync(built).mtimeMs;
  });
}

/**
 * The API serves apps/{portal,admin}/dist; build them when missing or older than their sources.
 * Runs in vitest's global setup; `startPlatformForTest` calls it too, for scripts that use the
 * fixture without the global setup, and then it is a no-op inside a vitest run.
 */
export function ensureAppsBuilt(): void {
  if (process.env[APPS_BUILT_FLAG] === '1') return;
  const stale = staleApps();
  if (stale.length === 0) return;
  const workspaces = stale.flatMap((app) => ['-w', `@kyogikai/${app}`]);
  console.log(`[e2e] building ${stale.join(' and ')} (dist missing or stale)…`);
  // vitest sets NODE_ENV=test, which would make vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', ...workspaces], { cwd: REPO_ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`npm run build ${workspaces.join(' ')} failed with exit code ${result.status}`);
}
