// Small helpers shared by the root scripts (plain Node, no dependencies: they run before and
// around everything else).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repoRoot, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * Node flags of the API process: --expose-gc lets an upload ask for a young-generation collection
 * when it ends, so its socket buffers are returned at once (apps/api/src/http/release-upload-buffers.ts).
 */
export const API_NODE_FLAGS = ['--expose-gc'];

export function spawnChild(command, args, options = {}) {
  return spawn(command, args, { stdio: 'inherit', cwd: repoRoot, ...options });
}

/** Newest modification time below `dir`, ignoring build output and dependencies. */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  const info = statSync(dir);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(dir, entry)));
  }
  return newest;
}

/** Builds the portal and admin bundles when missing or older than their sources. */
export function ensureFrontEndsBuilt() {
  const sources = ['packages/ui', 'packages/domain', 'apps/api/src/trpc'].map((p) => newestMtime(path.join(repoRoot, p)));
  const stale = ['portal', 'admin'].filter((app) => {
    const built = path.join(repoRoot, 'apps', app, 'dist', 'index.html');
    if (!existsSync(built)) return true;
    const builtAt = statSync(built).mtimeMs;
    return Math.max(newestMtime(path.join(repoRoot, 'apps', app)), ...sources) > builtAt;
  });
  if (stale.length === 0) return;
  console.log(`Building ${stale.join(' and ')}...`);
  const status = run('npm', ['run', 'build', ...stale.flatMap((app) => ['-w', `@kyogikai/${app}`])]);
  if (status !== 0) throw new Error(`Building ${stale.join(', ')} failed`);
}

export function canConnect(url, timeoutMs = 1500) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const tsxBin = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
