// Peak memory of the API process while it receives 10 MB PDFs (issue 5 acceptance: the peak RSS
// rises by less than 20 MB). Starts the real API (`main.ts`, test mode: real PostgreSQL and Redis,
// S3 served by s3rver) against a fresh test database, signs in a seeded applicant, registers an
// establishment and a worker, uploads a generated 10 MB PDF N times through the streaming route,
// and reads the child's /proc/<pid>/status: VmHWM (the kernel's peak RSS, reset after warm-up via
// clear_refs) and VmRSS sampled every 5 ms.
//
//   npx tsx bench/upload-rss.ts [uploads=5] [--mb=10] [--production] [--semi-space=MB]
//
// `--semi-space=2` starts the API with `--max-semi-space-size=2`: a smaller V8 young generation,
// so the 64 KB socket buffers an upload leaves behind are collected sooner (docs/benchmarks.md).
//
// In test mode the in-process s3rver that stores the parts runs inside the API process too, so
// the figure includes the store's share of the work. `--production` runs the API as in production
// (tenant by Host, S3 at an endpoint: here an s3rver in this bench process), which measures what
// the API itself costs.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTenantFixture, createTestDatabase } from '@kyogikai/db/testing';
import superjson from 'superjson';
import { startEmbeddedS3 } from '../apps/api/src/storage/embedded-s3';
import { createApplicantUser } from '../apps/api/src/users/create-user';

const MB = 1024 * 1024;
const args = process.argv.slice(2);
const uploads = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const sizeMb = Number(args.find((a) => a.startsWith('--mb='))?.slice(5) ?? 10);
const isProduction = args.includes('--production');
const semiSpaceMb = args.find((a) => a.startsWith('--semi-space='))?.slice('--semi-space='.length);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'bench-password-42';

/** A valid PDF of `bytes` bytes (just under), its bulk an incompressible stream object. */
function makePdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  const pad = bytes - 4096;
  const parts: Buffer[] = [head];
  const offsets: number[] = [];
  let size = head.length;
  for (const object of objects) {
    offsets.push(size);
    parts.push(Buffer.from(object, 'latin1'));
    size += object.length;
  }
  offsets.push(size);
  const streamHead = Buffer.from(`4 0 obj\n<< /Length ${pad} >>\nstream\n`, 'latin1');
  const streamTail = Buffer.from('\nendstream\nendobj\n', 'latin1');
  parts.push(streamHead, randomBytes(pad), streamTail);
  size += streamHead.length + pad + streamTail.length;
  const xref = ['xref', '0 5', '0000000000 65535 f\r', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r`)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function status(pid: number): { rssKb: number; hwmKb: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(text)?.[1] ?? Number.NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(port: number, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function startApi(databaseUrl: string, modeEnv: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const flags = semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_APP_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', ...modeEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`API exited (${code}) before listening:\n${output}`)));
  });
  return { child, port };
}

async function main() {
  const database = await createTestDatabase();
  let api: { child: ChildProcess; port: number } | null = null;
  let s3: Awaited<ReturnType<typeof startEmbeddedS3>> | null = null;
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
    if (isProduction) {
      s3 = await startEmbeddedS3({ directory: mkdtempSync(path.join(os.tmpdir(), 'kyogikai-bench-s3-')) });
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
    api = await startApi(database.appUrl, modeEnv);
    const { child, port } = api;
    const pid = child.pid ?? 0;
    // Production finds the tenant by Host; test mode also by the /t/<slug> prefix.
    const prefix = isProduction ? '' : `/t/${tenant.slug}`;
    const origin = new URL(tenant.publicOrigin).origin;
    const host: Record<string, string> = isProduction ? { host: new URL(tenant.publicOrigin).host } : {};
    const json = { ...host, origin, 'content-type': 'application/json' };

    const signIn = await request(
      port,
      'POST',
      `${prefix}/api/portal/trpc/session.signIn`,
      json,
      JSON.stringify(superjson.serialize({ loginId: 'bench-applicant', password: PASSWORD })),
    );
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${signIn.body}`);
    const cookie = String(signIn.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const mutate = async (path: string, input: unknown) => {
      const reply = await request(
        port,
        'POST',
        `${prefix}/api/portal/trpc/${path}`,
        { ...json, cookie },
        JSON.stringify(superjson.serialize(input)),
      );
      if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.body}`);
      return superjson.deserialize((JSON.parse(reply.body) as { result: { data: never } }).result.data) as { id: string };
    };
    const establishment = await mutate('establishment.create', {
      name: 'ベンチ苑',
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座',
      phone: '03-1234-5678',
      extra: { serviceType: 'nursing-home' },
    });
    const worker = await mutate('worker.create', {
      nameLatin: 'BENCH WORKER',
      nationality: 'VN',
      extra: {},
      establishmentIds: [establishment.id],
    });

    const upload = async (pdf: Buffer) => {
      const reply = await request(
        port,
        'PUT',
        `${prefix}/api/portal/files/workers/${worker.id}/documents/employment-conditions`,
        {
          ...host,
          origin,
          cookie,
          'content-type': 'application/pdf',
          'content-length': String(pdf.length),
          'x-file-name': encodeURIComponent('bench.pdf'),
        },
        pdf,
      );
      if (reply.status !== 201) throw new Error(`upload: ${reply.status} ${reply.body}`);
    };

    // Warm-up: one small upload loads every code path (S3 client, checks, queries) once.
    await upload(makePdf(64 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Reset the kernel's peak-RSS counter, so VmHWM measures only what follows.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const before = status(pid);
    const pdf = makePdf(sizeMb * MB);

    let sampledPeakKb = before.rssKb;
    const sampler = setInterval(() => {
      sampledPeakKb = Math.max(sampledPeakKb, status(pid).rssKb);
    }, 5);
    const durations: number[] = [];
    for (let i = 0; i < uploads; i += 1) {
      const started = performance.now();
      await upload(pdf);
      durations.push(performance.now() - started);
    }
    clearInterval(sampler);
    const after = status(pid);

    const mbOf = (kb: number) => (kb / 1024).toFixed(1);
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}`,
      uploads,
      mode: isProduction ? 'production (S3 outside the API process)' : 'test (s3rver inside the API process)',
      nodeFlags: semiSpaceMb ? `--max-semi-space-size=${semiSpaceMb}` : '(defaults)',
      fileMb: (pdf.length / MB).toFixed(2),
      rssBeforeMb: mbOf(before.rssKb),
      peakRssMb: mbOf(after.hwmKb),
      peakIncreaseMb: mbOf(after.hwmKb - before.rssKb),
      sampledPeakIncreaseMb: mbOf(sampledPeakKb - before.rssKb),
      rssAfterMb: mbOf(after.rssKb),
      medianUploadMs: Math.round([...durations].sort((x, y) => x - y)[Math.floor(durations.length / 2)] ?? 0),
    };
    console.log(JSON.stringify(result, null, 2));
    const isWithinBudget = after.hwmKb - before.rssKb < 20 * 1024;
    console.log(isWithinBudget ? 'OK: peak RSS increase below 20 MB' : 'FAIL: peak RSS increase is 20 MB or more');
    process.exitCode = isWithinBudget ? 0 : 1;
  } finally {
    if (api) {
      const exited = new Promise((resolve) => api?.child.once('exit', resolve));
      api.child.kill('SIGTERM');
      await exited;
    }
    await s3?.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
