import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CERTIFICATE_JOB_NAME, CERTIFICATE_JOB_VERSION, CERTIFICATE_QUEUE_NAME, type TCertificateJob } from './certificate-job';
import { createBullMqCertificateQueue, createInlineCertificateQueue } from './certificate-queue';
import { CERTIFICATE_QUEUE_CONFIG } from './certificate-queue.config';
import { InvalidJobPayloadError, PermanentJobError } from './job-errors';
import type { TJobLogger } from './job-queue';
import { deleteRedisKeysWithPrefix, SHARED_REDIS_URL, uniqueRedisPrefix } from './testing';

// The certificate queue (ADR 018): one job per certificate (job id = message id), BullMQ on Redis
// in production and test wiring, in-process in embedded mode with the same settings.

const quietLogger: TJobLogger = { info: () => {}, warn: () => {}, error: () => {} };
const prefixes: string[] = [];
const toClose: Array<{ close(): Promise<void> }> = [];

const job = (overrides: Partial<TCertificateJob> = {}): TCertificateJob => ({
  tenantId: '0b7c1a4e-8f0d-4c53-9a3e-3d2a1e8f9c11',
  messageId: 'certificate.6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  certificateId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  notifyTemplate: 'application-approved',
  ...overrides,
});

afterEach(async () => {
  await Promise.all(toClose.splice(0).map((item) => item.close()));
});
afterAll(async () => {
  for (const prefix of prefixes) await deleteRedisKeysWithPrefix(prefix);
});

describe('createBullMqCertificateQueue (shared Redis, own prefix)', () => {
  it('stores one versioned job per certificate, with the retry settings, however often it is enqueued', async () => {
    const prefix = uniqueRedisPrefix('certificate-queue');
    prefixes.push(prefix);
    const queue = createBullMqCertificateQueue({ connection: SHARED_REDIS_URL, prefix, logger: quietLogger });
    const inspector = new Queue(CERTIFICATE_QUEUE_NAME, { connection: { url: SHARED_REDIS_URL }, prefix });
    toClose.push(queue, inspector);

    await queue.enqueueCertificate(job());
    await queue.enqueueCertificate(job({ notifyTemplate: 'certificate-reissued' }));
    expect(await inspector.getJobCounts('waiting')).toEqual({ waiting: 1 });
    const stored = await inspector.getJob(job().messageId);
    expect(stored?.name).toBe(CERTIFICATE_JOB_NAME);
    expect(stored?.data).toEqual({ ...job(), version: CERTIFICATE_JOB_VERSION });
    expect(stored?.opts.attempts).toBe(CERTIFICATE_QUEUE_CONFIG.attempts);
    expect(await queue.health()).toBe('ok');
  });

  it('refuses an invalid payload before it reaches Redis', async () => {
    const prefix = uniqueRedisPrefix('certificate-queue-invalid');
    prefixes.push(prefix);
    const queue = createBullMqCertificateQueue({ connection: SHARED_REDIS_URL, prefix, logger: quietLogger });
    toClose.push(queue);
    await expect(queue.enqueueCertificate(job({ certificateId: 'nope' }))).rejects.toBeInstanceOf(InvalidJobPayloadError);
    await expect(queue.enqueueCertificate({ ...job(), notifyTemplate: 'x' } as never)).rejects.toBeInstanceOf(InvalidJobPayloadError);
  });
});

describe('createInlineCertificateQueue (embedded mode)', () => {
  const fast = { ...CERTIFICATE_QUEUE_CONFIG, backoff: { delayMs: 5, jitter: 0 }, attempts: 3 };

  it('runs a certificate once however often it is enqueued, retries a failure, and gives up at once on a permanent error', async () => {
    let failuresLeft = 1;
    const seen: string[] = [];
    const process = vi.fn(async (j: TCertificateJob) => {
      seen.push(j.certificateId);
      if (j.certificateId.startsWith('1') && failuresLeft-- > 0) throw new Error('storage away');
      if (j.certificateId.startsWith('2')) throw new PermanentJobError('フォントに次の文字がありません: 𠮷');
    });
    const onFailed = vi.fn();
    const queue = createInlineCertificateQueue(process, { config: fast, logger: quietLogger, onFailed });
    toClose.push(queue);

    const retried = job({ certificateId: '1d2c3b4a-0000-4f60-8a7b-9c0d1e2f3a4b', messageId: 'certificate.1' });
    const permanent = job({ certificateId: '2d2c3b4a-0000-4f60-8a7b-9c0d1e2f3a4b', messageId: 'certificate.2' });
    await queue.enqueueCertificate(retried);
    await queue.enqueueCertificate(retried);
    await queue.enqueueCertificate(permanent);
    await queue.whenIdle();

    expect(seen.filter((id) => id === retried.certificateId)).toHaveLength(2);
    expect(seen.filter((id) => id === permanent.certificateId)).toHaveLength(1);
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onFailed.mock.calls[0]?.[0]).toEqual(permanent);
  });
});
