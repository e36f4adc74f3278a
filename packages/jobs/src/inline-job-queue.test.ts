import { describe, expect, it, vi } from 'vitest';
import { createInlineJobQueue } from './inline-job-queue';
import { PermanentJobError } from './job-errors';
import type { TJobLogger } from './job-queue';
import type { TMailJob } from './mail-job';
import { MAIL_QUEUE_CONFIG, type TMailQueueConfig } from './mail-queue.config';
import { testMailJob, testTemplates } from './test-catalog';

const quietLogger: TJobLogger = { info: () => {}, warn: () => {}, error: () => {} };
const fastConfig: TMailQueueConfig = { ...MAIL_QUEUE_CONFIG, attempts: 3, backoff: { delayMs: 40, jitter: 0 } };

describe('createInlineJobQueue', () => {
  it('retries a failing job with exponential backoff, then succeeds', async () => {
    const startedAt: number[] = [];
    const processMail = vi.fn(async (_job: TMailJob) => {
      startedAt.push(performance.now());
      if (startedAt.length < 3) throw new Error('SMTP 451 try again later');
    });
    const queue = createInlineJobQueue(processMail, { templates: testTemplates, config: fastConfig, logger: quietLogger });

    await queue.enqueueMail(testMailJob());
    await queue.whenIdle();

    expect(processMail).toHaveBeenCalledTimes(3);
    const [first = 0, second = 0, third = 0] = startedAt;
    // 40 ms after the first failure, 80 ms after the second (timers may fire a little late).
    expect(second - first).toBeGreaterThanOrEqual(38);
    expect(third - second).toBeGreaterThanOrEqual(78);
    await queue.close();
  });

  it('runs a messageId once however often it is enqueued, and never in the caller stack', async () => {
    const processMail = vi.fn(async (_job: TMailJob) => {});
    const queue = createInlineJobQueue(processMail, { templates: testTemplates, config: fastConfig, logger: quietLogger });

    await queue.enqueueMail(testMailJob({ messageId: 'dup-1' }));
    await queue.enqueueMail(testMailJob({ messageId: 'dup-1' }));
    expect(processMail).not.toHaveBeenCalled();
    await queue.whenIdle();
    await queue.enqueueMail(testMailJob({ messageId: 'dup-1' }));
    await queue.enqueueMail(testMailJob({ messageId: 'dup-2' }));
    await queue.whenIdle();

    expect(processMail.mock.calls.map(([job]) => job.messageId)).toEqual(['dup-1', 'dup-2']);
    await queue.close();
  });

  it('gives up after the configured attempts without throwing into the caller', async () => {
    const onFailed = vi.fn();
    const processMail = vi.fn(async () => {
      throw new Error('relay down');
    });
    const queue = createInlineJobQueue(processMail, {
      templates: testTemplates,
      config: { ...fastConfig, backoff: { delayMs: 5, jitter: 0 } },
      logger: quietLogger,
      onFailed,
    });

    await expect(queue.enqueueMail(testMailJob())).resolves.toBeUndefined();
    await queue.whenIdle();

    expect(processMail).toHaveBeenCalledTimes(3);
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onFailed.mock.calls[0]?.[1]).toMatchObject({ message: 'relay down' });
    await queue.close();
  });

  it('does not retry a permanent error', async () => {
    const onFailed = vi.fn();
    const processMail = vi.fn(async () => {
      throw new PermanentJobError('tenant not found');
    });
    const queue = createInlineJobQueue(processMail, { templates: testTemplates, config: fastConfig, logger: quietLogger, onFailed });
    await queue.enqueueMail(testMailJob());
    await queue.whenIdle();
    expect(processMail).toHaveBeenCalledTimes(1);
    expect(onFailed).toHaveBeenCalledTimes(1);
    await queue.close();
  });

  it('validates the payload at enqueue, like the BullMQ queue', async () => {
    const processMail = vi.fn(async () => {});
    const queue = createInlineJobQueue(processMail, { templates: testTemplates, logger: quietLogger });
    await expect(queue.enqueueMail(testMailJob({ template: 'unknown' }))).rejects.toThrow(/unknown template/);
    await expect(queue.enqueueMail(testMailJob({ props: {} }))).rejects.toThrow(/props.name/);
    await queue.close();
    expect(processMail).not.toHaveBeenCalled();
  });

  it('respects the configured concurrency', async () => {
    let active = 0;
    let maxActive = 0;
    const processMail = async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 10));
      active -= 1;
    };
    const queue = createInlineJobQueue(processMail, {
      templates: testTemplates,
      config: { ...fastConfig, concurrency: 2 },
      logger: quietLogger,
    });
    for (let index = 0; index < 6; index += 1) await queue.enqueueMail(testMailJob({ messageId: `c-${index}` }));
    await queue.whenIdle();
    expect(maxActive).toBe(2);
    await queue.close();
  });

  it('close() waits for the running attempt and cancels pending retries', async () => {
    let release: () => void = () => {};
    const attempts: string[] = [];
    const processMail = async (job: TMailJob) => {
      attempts.push(job.messageId);
      if (job.messageId === 'slow') await new Promise<void>((resolve) => (release = resolve));
      else throw new Error('fails, retry in 1 minute');
    };
    const warn = vi.fn();
    const queue = createInlineJobQueue(processMail, {
      templates: testTemplates,
      config: { ...fastConfig, backoff: { delayMs: 60_000, jitter: 0 } },
      logger: { ...quietLogger, warn },
    });
    await queue.enqueueMail(testMailJob({ messageId: 'slow' }));
    await queue.enqueueMail(testMailJob({ messageId: 'failing' }));
    await vi.waitFor(() => expect(attempts).toEqual(['slow', 'failing']));
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.objectContaining({ messageId: 'failing' }), expect.any(String)));

    let isClosed = false;
    const closing = queue.close().then(() => (isClosed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isClosed).toBe(false);
    release();
    await closing;

    expect(warn).toHaveBeenCalledWith({ messageIds: ['failing'] }, expect.stringContaining('dropped'));
    expect(await queue.health()).not.toBe('ok');
    await expect(queue.enqueueMail(testMailJob({ messageId: 'late' }))).rejects.toThrow(/closed/);
  });
});
