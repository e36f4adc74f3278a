import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBullMqJobQueue } from './bullmq-job-queue';
import { InvalidJobPayloadError } from './job-errors';
import type { JobQueue, TJobLogger } from './job-queue';
import { MAIL_JOB_NAME, MAIL_JOB_VERSION, MAIL_QUEUE_NAME } from './mail-job';
import { MAIL_QUEUE_CONFIG } from './mail-queue.config';
import { testMailJob, testTemplates } from './test-catalog';
import { deleteRedisKeysWithPrefix, SHARED_REDIS_URL, startOwnRedisServer, uniqueRedisPrefix } from './testing';

const quietLogger: TJobLogger = { info: () => {}, warn: () => {}, error: () => {} };
const prefixes: string[] = [];
const toClose: Array<{ close(): Promise<void> }> = [];

function setup(label: string) {
  const prefix = uniqueRedisPrefix(label);
  prefixes.push(prefix);
  const jobQueue = createBullMqJobQueue({ connection: SHARED_REDIS_URL, prefix, templates: testTemplates, logger: quietLogger });
  // A plain BullMQ queue on the same prefix, to look at what was stored.
  const inspector = new Queue(MAIL_QUEUE_NAME, { connection: { url: SHARED_REDIS_URL }, prefix });
  toClose.push(jobQueue, inspector);
  return { jobQueue, inspector };
}

afterEach(async () => {
  await Promise.all(toClose.splice(0).map((item) => item.close()));
});
afterAll(async () => {
  for (const prefix of prefixes) await deleteRedisKeysWithPrefix(prefix);
});

describe('createBullMqJobQueue (shared Redis, own prefix)', () => {
  it('stores the job under jobId = messageId with the versioned payload and the queue config', async () => {
    const { jobQueue, inspector } = setup('store');
    const job = testMailJob({ messageId: 'staff-account-created.u1' });
    await jobQueue.enqueueMail(job);

    const stored = await inspector.getJob('staff-account-created.u1');
    expect(stored?.name).toBe(MAIL_JOB_NAME);
    expect(stored?.data).toEqual({ ...job, version: MAIL_JOB_VERSION });
    expect(stored?.opts.attempts).toBe(MAIL_QUEUE_CONFIG.attempts);
    expect(stored?.opts.backoff).toEqual({
      type: 'exponential',
      delay: MAIL_QUEUE_CONFIG.backoff.delayMs,
      jitter: MAIL_QUEUE_CONFIG.backoff.jitter,
    });
  });

  it('adds one job for the same messageId enqueued twice', async () => {
    const { jobQueue, inspector } = setup('dedupe');
    await jobQueue.enqueueMail(testMailJob({ messageId: 'same-id' }));
    await jobQueue.enqueueMail(testMailJob({ messageId: 'same-id', props: { name: '二回目' } }));
    expect(await inspector.getJobCounts('waiting')).toEqual({ waiting: 1 });
    expect((await inspector.getJob('same-id'))?.data.props).toEqual({ name: '山田' });
  });

  it('refuses an invalid payload before it reaches Redis', async () => {
    const { jobQueue, inspector } = setup('invalid');
    await expect(jobQueue.enqueueMail(testMailJob({ template: 'nope' }))).rejects.toBeInstanceOf(InvalidJobPayloadError);
    await expect(jobQueue.enqueueMail(testMailJob({ tenantId: 'x' }))).rejects.toBeInstanceOf(InvalidJobPayloadError);
    expect(await inspector.getJobCounts('waiting')).toEqual({ waiting: 0 });
  });

  it('reports health ok, then the problem once Redis is gone; enqueue fails fast instead of hanging', async () => {
    const redis = await startOwnRedisServer();
    let jobQueue: JobQueue | undefined;
    try {
      jobQueue = createBullMqJobQueue({
        connection: redis.url,
        templates: testTemplates,
        config: { ...MAIL_QUEUE_CONFIG, enqueueTimeoutMs: 500 },
        logger: quietLogger,
      });
      expect(await jobQueue.health()).toBe('ok');

      await redis.stop();
      const startedAt = Date.now();
      const health = await jobQueue.health();
      expect(health).not.toBe('ok');
      expect(health).toMatch(/mail queue unavailable/);
      await expect(jobQueue.enqueueMail(testMailJob())).rejects.toThrow();
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      await jobQueue?.close();
      await redis.stop();
    }
    expect(await jobQueue.health()).toBe('mail queue closed');
  });
});
