// Shared by the benches: a fresh test database with a seeded council and applicant, the real API
// (`apps/api/src/main.ts`) in a child process in test or production wiring, and a signed-in HTTP
// client for it. Production wiring: tenant by Host, Redis on 127.0.0.1, S3 at an endpoint (an
// s3rver in the bench process, so only the API's own work is in the child).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTenantFixture, createTestDatabase } from '@kyogikai/db/testing';
import superjson from 'superjson';
import { startEmbeddedS3 } from '../apps/api/src/storage/embedded-s3';
import { createApplicantUser } from '../apps/api/src/users/create-user';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'bench-password-42';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function request(
  port: number,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** VmRSS and VmHWM (peak RSS) of a process, in kB. */
export function memoryOf(pid: number): { rssKb: number; hwmKb: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(text)?.[1] ?? Number.NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

export type BenchApi = {
  pid: number;
  port: number;
  /** Path prefix of the tenant ('' in production wiring). */
  prefix: string;
  /** Host, Origin and session cookie headers for requests as the signed-in applicant. */
  headers: Record<string, string>;
  mutate(procedure: string, input: unknown): Promise<{ id: string }>;
  close(): Promise<void>;
};

export async function startBenchApi(options: { isProduction: boolean; nodeFlags: string[] }): Promise<BenchApi> {
  const database = await createTestDatabase();
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => database.drop()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const tenant = await createTenantFixture(database.owner, `bench${randomBytes(3).toString('hex')}`);
    await createApplicantUser(database.owner, tenant.id, {
      loginId: 'bench-applicant',
      email: 'bench@example.jp',
      displayName: 'ベンチ 太郎',
      corporateName: '社会福祉法人ベンチ会',
      password: PASSWORD,
    });
    let modeEnv: Record<string, string> = { KYOGIKAI_MODE: 'test' };
    if (options.isProduction) {
      const s3 = await startEmbeddedS3({ directory: mkdtempSync(path.join(os.tmpdir(), 'kyogikai-bench-s3-')) });
      cleanups.push(() => s3.close());
      modeEnv = {
        KYOGIKAI_MODE: 'production',
        REDIS_URL: 'redis://127.0.0.1:6379',
        S3_ENDPOINT: s3.settings.endpoint,
        S3_REGION: s3.settings.region,
        S3_BUCKET: s3.settings.bucket,
        S3_ACCESS_KEY_ID: s3.settings.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.settings.secretAccessKey,
        MAIL_QUEUE_PREFIX: `kyogikai-bench-${process.pid}`,
      };
    }
    const child = spawn(process.execPath, [...options.nodeFlags, '--import', 'tsx', 'apps/api/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_APP_URL: database.appUrl, PORT: '0', HOST: '127.0.0.1', ...modeEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    });
    const port = await listeningPort(child);

    // Production finds the tenant by Host; test mode also by the /t/<slug> prefix.
    const prefix = options.isProduction ? '' : `/t/${tenant.slug}`;
    const base: Record<string, string> = { origin: new URL(tenant.publicOrigin).origin };
    if (options.isProduction) base.host = new URL(tenant.publicOrigin).host;
    const json = { ...base, 'content-type': 'application/json' };
    const signIn = await request(
      port,
      'POST',
      `${prefix}/api/portal/trpc/session.signIn`,
      json,
      JSON.stringify(superjson.serialize({ loginId: 'bench-applicant', password: PASSWORD })),
    );
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${signIn.body}`);
    const headers = { ...base, cookie: String(signIn.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '' };
    const mutate = async (procedure: string, input: unknown) => {
      const reply = await request(
        port,
        'POST',
        `${prefix}/api/portal/trpc/${procedure}`,
        { ...headers, 'content-type': 'application/json' },
        JSON.stringify(superjson.serialize(input)),
      );
      if (reply.status !== 200) throw new Error(`${procedure}: ${reply.status} ${reply.body}`);
      return superjson.deserialize((JSON.parse(reply.body) as { result: { data: never } }).result.data) as { id: string };
    };
    return { pid: child.pid ?? 0, port, prefix, headers, mutate, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`API exited (${code}) before listening:\n${output}`)));
  });
}

/** An establishment and a worker of the signed-in applicant, for document uploads. */
export async function seedWorker(api: BenchApi): Promise<string> {
  const establishment = await api.mutate('establishment.create', {
    name: 'ベンチ苑',
    postalCode: '1040061',
    prefecture: '東京都',
    city: '中央区',
    town: '銀座',
    phone: '03-1234-5678',
    extra: { serviceType: 'nursing-home' },
  });
  const worker = await api.mutate('worker.create', {
    nameLatin: 'BENCH WORKER',
    nationality: 'VN',
    extra: {},
    establishmentIds: [establishment.id],
  });
  return worker.id;
}

export function machine(): string {
  return `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}`;
}
