import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTenantFixture, createTestDatabase, type TestDatabase, testAdminUrl } from '@kyogikai/db/testing';
import { insertOutboxMail, withTenant } from '@kyogikai/db';
import { deleteRedisKeysWithPrefix, SHARED_REDIS_URL, uniqueRedisPrefix } from '@kyogikai/jobs/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpTestServer } from './test-support/smtp-test-server';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const entry = fileURLToPath(new URL('./index.ts', import.meta.url));

type TRun = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs the production entry point as `node --import tsx apps/worker/src/index.ts` would. */
function runWorker(env: Record<string, string>): TRun {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// Generous: the machines running the suite are shared, and a cold `tsx` start can take a while.
async function waitForOutput(run: TRun, text: string, timeoutMs = 60_000) {
  const startedAt = Date.now();
  while (!run.output().includes(text)) {
    if (Date.now() - startedAt > timeoutMs || run.child.exitCode !== null) {
      throw new Error(`worker did not print "${text}":\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// The certificate store's settings; nothing in these tests stores a certificate (see apps/api/test/certificate-*.test.ts).
const S3_ENV = {
  S3_ENDPOINT: 'http://127.0.0.1:9',
  S3_REGION: 'us-east-1',
  S3_BUCKET: 'kyogikai',
  S3_ACCESS_KEY_ID: 'unused',
  S3_SECRET_ACCESS_KEY: 'unused',
};

describe('worker entry point (src/index.ts)', () => {
  it('refuses to start on a broken environment and names every problem', async () => {
    const run = runWorker({ SMTP_URL: 'http://mail.example.jp' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('REDIS_URL: missing');
    expect(run.output()).toContain('SMTP_URL: an smtp:// or smtps:// URL');
    expect(run.output()).toContain('DATABASE_APP_URL: missing');
    expect(run.output()).toContain('S3_BUCKET: missing');
  });

  it('refuses to start when the database role could bypass row-level security', async () => {
    const run = runWorker({ REDIS_URL: SHARED_REDIS_URL, SMTP_URL: 'smtp://127.0.0.1:2525', DATABASE_APP_URL: testAdminUrl(), ...S3_ENV });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('refusing to start: unsafe database role');
    expect(run.output()).toContain('superuser');
  });

  it("relays a committed outbox mail and sends it with the tenant's branding from the database, and stops on SIGTERM", async () => {
    const testDb: TestDatabase = await createTestDatabase();
    cleanups.push(() => testDb.drop());
    const tenant = await createTenantFixture(testDb.owner);
    const smtp = await startSmtpTestServer();
    cleanups.push(() => smtp.close());
    const prefix = uniqueRedisPrefix('entry');
    cleanups.push(() => deleteRedisKeysWithPrefix(prefix));

    const run = runWorker({
      REDIS_URL: SHARED_REDIS_URL,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
      DATABASE_APP_URL: testDb.appUrl,
      MAIL_QUEUE_PREFIX: prefix,
      ...S3_ENV,
    });
    cleanups.push(async () => {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    });
    await waitForOutput(run, 'mail worker, certificate worker and outbox relay started');

    // A state change that mails someone commits its mail to the outbox; the worker does the rest.
    const signInUrl = `${tenant.publicOrigin}/admin/sign-in`;
    await withTenant(testDb.app, tenant.id, (tx) =>
      insertOutboxMail(tx, {
        tenantId: tenant.id,
        to: 'new.staff@example.com',
        template: 'staff-account-created',
        props: { recipientName: '新任 職員', loginEmail: 'new.staff@example.com', signInUrl },
      }),
    );

    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.parsed.subject).toBe(`【${tenant.nameJa}】管理画面のアカウントが作成されました`);
    expect(mail?.parsed.from?.value[0]?.address).toBe(tenant.config.mailSender.address);
    expect(mail?.parsed.text).toContain(signInUrl);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"message":"stopped"');
  }, 90_000);
});
