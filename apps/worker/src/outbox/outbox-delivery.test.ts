import { insertOutboxMail, retryOutboxMessage, schema, withTenant } from '@kyogikai/db';
import { createTenantFixture, createTestDatabase, type TestDatabase } from '@kyogikai/db/testing';
import { emailTemplateCatalog } from '@kyogikai/email';
import { createBullMqJobQueue } from '@kyogikai/jobs';
import {
  deleteRedisKeysWithPrefix,
  SHARED_REDIS_URL,
  startOwnRedisServer,
  type TOwnRedisServer,
  uniqueRedisPrefix,
} from '@kyogikai/jobs/testing';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startQueuedMailDelivery } from '../mail-delivery';
import { createTenantBrandingLoader } from '../processors/mail/load-tenant-branding';
import { createMailProcessor } from '../processors/mail/send-mail';
import { startMailWorker } from '../start-mail-worker';
import { createOutboxMailProcessor } from './outbox-mail-processor';
import { createOutboxRelay } from './relay-outbox';
import { fastMailQueueConfig, quietLogger } from '../test-support/fixtures';
import { startSmtpTestServer, type TSmtpTestServer } from '../test-support/smtp-test-server';

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('mail that is never lost: the outbox (issue 3 item 5)', () => {
  let db: TestDatabase;
  let tenant: Awaited<ReturnType<typeof createTenantFixture>>;
  let smtp: TSmtpTestServer;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    tenant = await createTenantFixture(db.owner);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
  afterAll(() => db.drop());

  /** A state change that must mail someone: the user row and its mail commit together. */
  async function commitChangeWithMail(email: string) {
    return withTenant(db.app, tenant.id, async (tx) => {
      await tx.insert(schema.users).values({
        tenantId: tenant.id,
        kind: 'staff',
        role: 'secretariat',
        email,
        displayName: '事務局 花子',
        passwordHash: 'not-used-here',
        status: 'active',
      });
      return insertOutboxMail(tx, {
        tenantId: tenant.id,
        to: email,
        template: 'staff-account-created',
        props: { recipientName: '事務局 花子', loginEmail: email, signInUrl: `${tenant.publicOrigin}/admin/` },
      });
    });
  }

  const statusOf = async (id: string) =>
    (await withTenant(db.app, tenant.id, (tx) => tx.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.id, id))))[0];

  it('a change committed while Redis is stopped is mailed after Redis restarts', async () => {
    smtp = await startSmtpTestServer();
    cleanups.push(() => smtp.close());
    const first: TOwnRedisServer = await startOwnRedisServer();
    const port = first.port;
    await first.stop();

    const message = await commitChangeWithMail(`down-${Date.now()}@example.jp`);
    const prefix = uniqueRedisPrefix('outbox-down');
    const delivery = startQueuedMailDelivery({
      database: db.app,
      transport: nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }),
      connection: `redis://127.0.0.1:${port}`,
      prefix,
      config: fastMailQueueConfig,
      logger: quietLogger,
      relayIdleMs: 100,
    });
    cleanups.push(() => delivery.close());

    // While Redis is away the relay keeps the row pending and nothing is sent.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await statusOf(message.id))?.status).toBe('pending');
    expect(smtp.received).toHaveLength(0);

    const second = await startOwnRedisServer({ port });
    cleanups.push(() => second.stop());
    const [mail] = await smtp.waitForMessages(1, 30_000);
    expect(mail?.parsed.subject).toContain('管理画面のアカウントが作成されました');
    await until(async () => (await statusOf(message.id))?.status === 'sent', 10_000, 'the outbox row to be marked sent');
  }, 60_000);

  it('a job retried after a crash mails once', async () => {
    smtp = await startSmtpTestServer();
    cleanups.push(() => smtp.close());
    const prefix = uniqueRedisPrefix('outbox-crash');
    cleanups.push(() => deleteRedisKeysWithPrefix(prefix));
    let crashes = 0;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
    const outbox = createOutboxMailProcessor({
      database: db.app,
      send: createMailProcessor({ loadBranding: createTenantBrandingLoader(db.app), transport, logger: quietLogger }),
      logger: quietLogger,
    });
    const common = { connection: SHARED_REDIS_URL, prefix, config: fastMailQueueConfig, logger: quietLogger };
    const jobs = createBullMqJobQueue({ ...common, templates: emailTemplateCatalog });
    // The worker sends and records the mail, then dies before telling the queue: the queue retries.
    const worker = startMailWorker({
      ...common,
      processor: async (job) => {
        await outbox.process(job);
        if (crashes++ === 0) throw new Error('worker crashed before acknowledging the job');
      },
    });
    const relay = createOutboxRelay({ database: db.app, jobs, logger: quietLogger, idleMs: 100 });
    relay.start();
    cleanups.push(async () => {
      await relay.stop();
      await worker.close();
      await jobs.close();
    });

    const address = `crash-${Date.now()}@example.jp`;
    const message = await commitChangeWithMail(address);
    await until(async () => crashes >= 2, 20_000, 'the retry after the crash');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Other tests' rows of this tenant may be relayed too: count the mails of this change only.
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(address))).toHaveLength(1);
    expect((await statusOf(message.id))?.status).toBe('sent');
  }, 60_000);

  it('an SMTP failure is retried, then shown as failed with its reason; a staff retry sends it', async () => {
    smtp = await startSmtpTestServer({ rejectFirst: fastMailQueueConfig.attempts });
    cleanups.push(() => smtp.close());
    const prefix = uniqueRedisPrefix('outbox-smtp-down');
    cleanups.push(() => deleteRedisKeysWithPrefix(prefix));
    const delivery = startQueuedMailDelivery({
      database: db.app,
      transport: nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }),
      connection: SHARED_REDIS_URL,
      prefix,
      config: fastMailQueueConfig,
      logger: quietLogger,
      relayIdleMs: 100,
    });
    cleanups.push(() => delivery.close());
    const address = `smtp-down-${Date.now()}@example.jp`;
    const message = await commitChangeWithMail(address);
    await until(async () => (await statusOf(message.id))?.status === 'failed', 20_000, 'the outbox row to be marked failed');
    const row = await statusOf(message.id);
    expect(row?.attempts).toBe(fastMailQueueConfig.attempts);
    expect(row?.lastError).toMatch(/Temporary failure/);

    expect(await withTenant(db.app, tenant.id, (tx) => retryOutboxMessage(tx, message.id))).toBe(true);
    await until(async () => (await statusOf(message.id))?.status === 'sent', 20_000, 'the retried mail to be sent');
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(address))).toHaveLength(1);
  }, 60_000);
});
