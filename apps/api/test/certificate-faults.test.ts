import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { certificateJobId, schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { createTenantFixture, createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import { emailTemplateCatalog } from '@kyogikai/email';
import { CERTIFICATE_QUEUE_CONFIG, createBullMqCertificateQueue, createBullMqJobQueue, MAIL_QUEUE_CONFIG } from '@kyogikai/jobs';
import { startOwnRedisServer, type TOwnRedisServer, uniqueRedisPrefix } from '@kyogikai/jobs/testing';
import { createOutboxRelay, startQueuedCertificateGeneration, startQueuedMailDelivery } from '@kyogikai/worker/mail';
import { pdfText } from '@kyogikai/worker/test-support/poppler';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { certificateFileStoreOf } from '../src/certificates/certificate-file-store';
import { listCapturedMail, startMailCatcher } from '../src/mail/mail-catcher';
import {
  approve,
  hashVerificationCode,
  memberOrganisation,
  ownObjectStore,
  printedCode,
  readObject,
  staffUser,
  until,
} from './certificate-fixtures';

// Issue 6 acceptance, fault tests of the certificate path (ADR 018), each with a Redis server of
// its own on a spare port (the shared one is never stopped): Redis down at approval, a worker
// killed while generating, SMTP failing for the member's mail.

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const fastCertificates = { ...CERTIFICATE_QUEUE_CONFIG, backoff: { delayMs: 100, jitter: 0 }, workerCloseGraceMs: 3_000 };
const fastMail = { ...MAIL_QUEUE_CONFIG, attempts: 3, backoff: { delayMs: 100, jitter: 0 }, workerCloseGraceMs: 3_000 };
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

let db: TestDatabase;
let tenant: TenantRecord;
let staffId: string;
let store: Awaited<ReturnType<typeof ownObjectStore>>;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

const certificateRow = async (id: string) => {
  const [row] = await withTenant(db.app, tenant.id, (tx) => tx.select().from(schema.certificates).where(eq(schema.certificates.id, id)));
  if (!row) throw new Error('no certificate row');
  return row;
};
const outboxRow = async (messageId: string) =>
  (
    await withTenant(db.app, tenant.id, (tx) =>
      tx.select().from(schema.outboxMessages).where(sql`${schema.outboxMessages.payload} ->> 'messageId' = ${messageId}`),
    )
  )[0];

async function ownRedis(port?: number): Promise<TOwnRedisServer> {
  const redis = await startOwnRedisServer(port === undefined ? {} : { port });
  cleanups.push(() => redis.stop());
  return redis;
}

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db.owner);
  staffId = await staffUser(db.app, tenant.id);
  store = await ownObjectStore();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse())
    await Promise.resolve()
      .then(cleanup)
      .catch(() => undefined);
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('certificate faults (issue 6 acceptance; ADR 018)', () => {
  it('C3 an approval committed while Redis is stopped is generated and mailed after Redis restarts', async () => {
    const first = await ownRedis();
    const { port } = first;
    await first.stop();
    const catcher = await startMailCatcher(await mkdtemp(path.join(os.tmpdir(), 'kyogikai-fault-mail-')));
    cleanups.push(() => catcher.close());
    const prefix = uniqueRedisPrefix('certificate-redis-down');
    const connection = `redis://127.0.0.1:${port}`;
    const certificates = startQueuedCertificateGeneration({
      database: db.app,
      store: certificateFileStoreOf(store.storage),
      connection,
      prefix,
      config: fastCertificates,
      logger: quiet,
    });
    const delivery = startQueuedMailDelivery({
      database: db.app,
      transport: nodemailer.createTransport(catcher.smtpUrl),
      connection,
      prefix,
      config: fastMail,
      logger: quiet,
      relayIdleMs: 100,
      certificates: certificates.queue,
    });
    cleanups.push(async () => {
      await delivery.close();
      await certificates.close();
    });

    const member = await memberOrganisation(db.app, tenant.id);
    const issued = await approve(db.app, tenant, member.organisationId, staffId);
    // The approval is committed; with Redis away the request row waits and nothing is generated.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await outboxRow(certificateJobId(issued.certificateId))).toMatchObject({ status: 'pending' });
    expect((await certificateRow(issued.certificateId)).objectKey).toBeNull();

    await ownRedis(port);
    await until(
      async () => (await listCapturedMail(catcher.directory)).some((mail) => mail.to.includes(member.contactEmail)),
      45_000,
      'the approval mail after Redis is back',
    );
    const row = await certificateRow(issued.certificateId);
    expect(hashVerificationCode(printedCode(pdfText(await readObject(store.storage, row.objectKey as string))))).toBe(
      row.verificationCodeHash,
    );
    expect(await outboxRow(certificateJobId(issued.certificateId))).toMatchObject({ status: 'sent' });
  }, 90_000);

  it('C3 a worker killed while generating leaves exactly one valid certificate after the retry', async () => {
    const redis = await ownRedis();
    const prefix = uniqueRedisPrefix('certificate-killed');
    // Between the worker and S3, a proxy that lets the certificate upload reach S3 but never
    // answers it: the worker is then inside the job, after storing and before its transaction.
    let onHeld: (key: string) => void = () => {};
    const held = new Promise<string>((resolve) => {
      onHeld = resolve;
    });
    const upstream = new URL(store.s3.settings.endpoint);
    const proxy: Server = createServer((req, res) => {
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          if (req.method === 'PUT' && req.url?.includes('/certificates/')) {
            answer.resume();
            answer.on('end', () => onHeld(decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname)));
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      proxy.closeAllConnections();
      return new Promise((resolve) => proxy.close(resolve));
    });

    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/test-support/certificate-worker-child.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        CHILD_CONFIG: JSON.stringify({
          databaseUrl: db.appUrl,
          redisUrl: redis.url,
          prefix,
          s3: { ...store.s3.settings, endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` },
          lockMs: 1_500,
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await until(async () => output.includes('ready'), 60_000, `the child worker to start:\n${output}`);

    // The relay of this test enqueues; only the child takes certificate jobs for now.
    const mailJobs = createBullMqJobQueue({ connection: redis.url, prefix, templates: emailTemplateCatalog, logger: quiet });
    const certificateJobs = createBullMqCertificateQueue({ connection: redis.url, prefix, logger: quiet });
    const relay = createOutboxRelay({ database: db.app, jobs: mailJobs, certificates: certificateJobs, logger: quiet, idleMs: 100 });
    relay.start();
    cleanups.push(async () => {
      await relay.stop();
      await mailJobs.close();
      await certificateJobs.close();
    });

    const member = await memberOrganisation(db.app, tenant.id);
    const issued = await approve(db.app, tenant, member.organisationId, staffId);
    const orphanKey = await held;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect((await certificateRow(issued.certificateId)).objectKey).toBeNull();

    // A live worker takes the job over once the dead one's lock has expired.
    const survivor = startQueuedCertificateGeneration({
      database: db.app,
      store: certificateFileStoreOf(store.storage),
      connection: redis.url,
      prefix,
      config: { ...fastCertificates, lockDurationMs: 1_500, stalledIntervalMs: 500 },
      logger: quiet,
    });
    cleanups.push(() => survivor.close());
    await until(async () => (await certificateRow(issued.certificateId)).objectKey !== null, 45_000, 'the retry to store the certificate');

    const row = await certificateRow(issued.certificateId);
    const keys = await store.storage.list(`tenants/${tenant.id}/organisations/${member.organisationId}/certificates/`);
    expect(keys.sort()).toEqual([row.objectKey, orphanKey.split(`/${store.s3.settings.bucket}/`)[1]].sort());
    // Exactly one stored PDF carries a code that verifies: the one the row points to.
    const valid = [];
    for (const key of keys) {
      const code = printedCode(pdfText(await readObject(store.storage, key)));
      if (hashVerificationCode(code) === row.verificationCodeHash) valid.push(key);
    }
    expect(valid).toEqual([row.objectKey]);
    const current = await withTenant(db.app, tenant.id, (tx) =>
      tx.select().from(schema.certificates).where(eq(schema.certificates.organisationId, member.organisationId)),
    );
    expect(current.filter((c) => c.state === 'issued')).toHaveLength(1);
    expect(await outboxRow(certificateJobId(issued.certificateId))).toMatchObject({ status: 'sent' });
    expect(await outboxRow(`certificate-mail.${issued.certificateId}`)).toMatchObject({
      status: expect.stringMatching(/^(pending|enqueued)$/),
    });
  }, 120_000);

  it('G3 an SMTP failure of the approval mail is retried, then shown as failed with its reason', async () => {
    const redis = await ownRedis();
    const prefix = uniqueRedisPrefix('certificate-smtp-down');
    // Nothing listens on this port: every delivery attempt is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const certificates = startQueuedCertificateGeneration({
      database: db.app,
      store: certificateFileStoreOf(store.storage),
      connection: redis.url,
      prefix,
      config: fastCertificates,
      logger: quiet,
    });
    const delivery = startQueuedMailDelivery({
      database: db.app,
      transport: nodemailer.createTransport({ host: '127.0.0.1', port: deadPort, secure: false, ignoreTLS: true }),
      connection: redis.url,
      prefix,
      config: fastMail,
      logger: quiet,
      relayIdleMs: 100,
      certificates: certificates.queue,
    });
    cleanups.push(async () => {
      await delivery.close();
      await certificates.close();
    });

    const member = await memberOrganisation(db.app, tenant.id);
    const issued = await approve(db.app, tenant, member.organisationId, staffId);
    const mailId = `certificate-mail.${issued.certificateId}`;
    await until(async () => (await outboxRow(mailId))?.status === 'failed', 45_000, 'the approval mail to be marked failed');
    expect(await outboxRow(mailId)).toMatchObject({
      status: 'failed',
      attempts: fastMail.attempts,
      lastError: expect.stringMatching(/ECONNREFUSED/),
      failedAt: expect.any(Date),
    });
    // The certificate itself is stored and valid: only the mail failed (staff can retry it).
    expect((await certificateRow(issued.certificateId)).objectKey).not.toBeNull();
  }, 90_000);
});
