import { emailTemplateCatalog } from '@kyogikai/email';
import { createBullMqJobQueue, MAIL_QUEUE_NAME, toMailJobData } from '@kyogikai/jobs';
import { deleteRedisKeysWithPrefix, SHARED_REDIS_URL, startOwnRedisServer, uniqueRedisPrefix } from '@kyogikai/jobs/testing';
import { Queue } from 'bullmq';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailProcessor } from './processors/mail/send-mail';
import { startMailWorker } from './start-mail-worker';
import {
  EXPECTED_SUBJECT,
  fastMailQueueConfig,
  quietLogger,
  SIGN_IN_URL,
  staffAccountCreatedJob,
  testBranding,
} from './test-support/fixtures';
import { startSmtpTestServer } from './test-support/smtp-test-server';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Reverse order: worker and queues before the SMTP server, Redis keys last.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** SMTP server, producer, inspector queue and worker on the shared Redis under a fresh prefix. */
async function startPipeline(label: string, smtpOptions: { rejectFirst?: number } = {}) {
  const prefix = uniqueRedisPrefix(label);
  cleanups.push(() => deleteRedisKeysWithPrefix(prefix));
  const smtp = await startSmtpTestServer(smtpOptions);
  cleanups.push(() => smtp.close());
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  cleanups.push(async () => transport.close());

  const jobs = createBullMqJobQueue({
    connection: SHARED_REDIS_URL,
    prefix,
    templates: emailTemplateCatalog,
    config: fastMailQueueConfig,
    logger: quietLogger,
  });
  cleanups.push(() => jobs.close());
  const inspector = new Queue(MAIL_QUEUE_NAME, { connection: { url: SHARED_REDIS_URL }, prefix });
  cleanups.push(() => inspector.close());

  const processor = createMailProcessor({ loadBranding: async () => testBranding, transport, logger: quietLogger });
  const worker = startMailWorker({ connection: SHARED_REDIS_URL, prefix, processor, config: fastMailQueueConfig, logger: quietLogger });
  cleanups.push(() => worker.close());
  await worker.waitUntilReady();

  /** Resolves when the queue holds no job that could still run. */
  const settled = async () => {
    for (;;) {
      const counts = await inspector.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((count) => count === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { smtp, jobs, inspector, settled };
}

describe('mail worker on real Redis and an in-process SMTP server', () => {
  it('mail job enqueued on real Redis reaches the SMTP server with an exactly-decoded Japanese subject', async () => {
    const { smtp, jobs } = await startPipeline('delivery');
    await jobs.enqueueMail(staffAccountCreatedJob());

    const [mail] = await smtp.waitForMessages(1);
    if (!mail) throw new Error('no message');
    expect(mail.parsed.subject).toBe(EXPECTED_SUBJECT);
    // The subject travels as an RFC 2047 encoded word, not as raw UTF-8.
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value : []).toEqual([
      { name: '', address: 'taro.suzuki@example.com' },
    ]);
    expect(mail.envelopeTo).toEqual(['taro.suzuki@example.com']);
    expect(mail.parsed.from?.value).toEqual([{ name: 'もみじ協議会 事務局', address: 'no-reply@momiji.example.jp' }]);
    expect(mail.envelopeFrom).toBe('no-reply@momiji.example.jp');
    expect(mail.parsed.messageId).toBe('<staff-account-created.u-0001@momiji.example.jp>');
    expect(mail.parsed.html).toContain('もみじ農業分野協議会');
    expect(mail.parsed.html).toContain(`href="${SIGN_IN_URL}"`);
    expect(mail.parsed.text).toContain('もみじ農業分野協議会');
    expect(mail.parsed.text).toContain(SIGN_IN_URL);
    expect(mail.parsed.text).toContain('鈴木 太郎 様');
  });

  it('a failed first delivery is retried', async () => {
    const { smtp, jobs, inspector, settled } = await startPipeline('retry', { rejectFirst: 1 });
    await jobs.enqueueMail(staffAccountCreatedJob({ messageId: 'retry-1' }));

    await smtp.waitForMessages(1);
    await settled();
    expect(smtp.attempts()).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.parsed.subject).toBe(EXPECTED_SUBJECT);
    const job = await inspector.getJob('retry-1');
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(2);
  });

  it('the same messageId enqueued twice mails once', async () => {
    const { smtp, jobs, inspector, settled } = await startPipeline('dedupe');
    await Promise.all([
      jobs.enqueueMail(staffAccountCreatedJob({ messageId: 'once-1' })),
      jobs.enqueueMail(staffAccountCreatedJob({ messageId: 'once-1' })),
    ]);
    await smtp.waitForMessages(1);
    await settled();
    // Again after it was sent: the completed job is kept for the dedupe window.
    await jobs.enqueueMail(staffAccountCreatedJob({ messageId: 'once-1' }));
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(smtp.received).toHaveLength(1);
    expect(smtp.attempts()).toBe(1);
    expect(await inspector.getJobCounts('completed', 'failed')).toEqual({ completed: 1, failed: 0 });
  });

  it('a job the worker cannot render fails at once, without retries or mail', async () => {
    const { smtp, inspector, settled } = await startPipeline('permanent');
    // Written straight to Redis, as an outdated producer might: the worker must still refuse it.
    const stale = toMailJobData(staffAccountCreatedJob({ messageId: 'stale-1', props: { recipientName: '鈴木' } }));
    await inspector.add('send-mail', stale, { jobId: 'stale-1', attempts: 3, backoff: { type: 'fixed', delay: 50 } });

    await settled();
    const job = await inspector.getJob('stale-1');
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/invalid props for email "staff-account-created"/);
    expect(smtp.attempts()).toBe(0);
  });

  it('close() finishes promptly when Redis has gone away (SIGTERM during an outage)', async () => {
    const redis = await startOwnRedisServer();
    cleanups.push(() => redis.stop());
    const worker = startMailWorker({ connection: redis.url, processor: async () => {}, config: fastMailQueueConfig, logger: quietLogger });
    await worker.waitUntilReady();
    await redis.stop();

    const startedAt = Date.now();
    await worker.close();
    expect(Date.now() - startedAt).toBeLessThan(fastMailQueueConfig.workerCloseGraceMs);
  });
});
