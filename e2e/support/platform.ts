import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedDemoTenants } from '@kyogikai/db';
import { createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import { spareListenPort } from '@kyogikai/jobs/testing';
import { ensureAppsBuilt } from './build-apps';
import { artifactPath, REPO_ROOT } from './paths';

const API_ENTRY = 'apps/api/src/main.ts';
const TSX_BIN = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const HEALTH_TIMEOUT_MS = 90_000;

export interface Platform {
  /** `http://127.0.0.1:<port>`, the one origin serving API, portal and admin. */
  baseUrl: string;
  /** `${baseUrl}/t/<slug><path>`: the path-prefix tenant URL used in test mode. */
  tenantUrl(slug: string, pathname?: string): string;
  /** The DATABASE_* settings the server runs with (the CLI gets the same). */
  databaseEnv: Record<string, string>;
  database: TestDatabase;
  /** Runs `npm run cli -- <args>` against this platform's database; resolves with stdout. */
  cli(args: string[]): Promise<string>;
  /** Everything the server printed so far (for failure messages). */
  serverLog(): string;
  stop(): Promise<void>;
}

export interface StartPlatformOptions {
  /** Extra server settings, e.g. `{ SESSION_IDLE_MINUTES: '1' }`. */
  env?: Record<string, string>;
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Test runs must not inherit a developer's settings for the real thing.
  const { DATABASE_APP_URL: _a, DATABASE_OWNER_URL: _o, KYOGIKAI_MODE: _m, PORT: _p, HOST: _h, ...rest } = process.env;
  return { ...rest, ...extra };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The API server exited (${server.exitCode ?? server.signalCode}) before /health answered.\n${log()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET ${baseUrl}/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last}).\n${log()}`);
}

function stopProcessGroup(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // The server was started as its own process group (detached), so tsx and node both stop.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/**
 * A whole platform for one test file: a fresh PostgreSQL database (migrated, demo councils
 * seeded with origins pointing at this server) and the API server in test mode on a free port,
 * serving the built portal and admin. Call `stop()` in afterAll.
 */
export async function startPlatformForTest(options: StartPlatformOptions = {}): Promise<Platform> {
  if (!existsSync(path.join(REPO_ROOT, API_ENTRY))) {
    throw new Error(`${API_ENTRY} does not exist yet: the API server is needed for browser journeys.`);
  }
  ensureAppsBuilt();
  const database = await createTestDatabase();
  let server: ChildProcess | undefined;
  let output = '';
  const port = await spareListenPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const databaseEnv = { DATABASE_APP_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl };
  const logFile = artifactPath(`server-${port}.log`);
  const serverLog = () => output;
  try {
    await seedDemoTenants(database.owner, { publicOriginFor: (slug) => `${baseUrl}/t/${slug}` });
    server = spawn(TSX_BIN, ['--expose-gc', API_ENTRY], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv({
        KYOGIKAI_MODE: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...databaseEnv,
        ...options.env,
      }),
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    await waitForHealth(baseUrl, server, serverLog);
  } catch (error) {
    if (server) await stopProcessGroup(server);
    writeFileSync(logFile, output);
    await database.drop();
    throw error;
  }
  const running = server;

  return {
    baseUrl,
    tenantUrl: (slug, pathname = '/') => `${baseUrl}/t/${slug}${pathname.startsWith('/') ? pathname : `/${pathname}`}`,
    databaseEnv,
    database,
    serverLog,
    cli: (args) => runCli(args, databaseEnv),
    async stop() {
      await stopProcessGroup(running);
      writeFileSync(logFile, output);
      await database.drop();
    },
  };
}

/** The operator CLI (`npm run cli -- …`) in test mode against the given database. */
export function runCli(args: string[], databaseEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv({ KYOGIKAI_MODE: 'test', ...databaseEnv }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`npm run cli -- ${args.join(' ')} exited with ${code}\n${stderr || stdout}`));
    });
  });
}
