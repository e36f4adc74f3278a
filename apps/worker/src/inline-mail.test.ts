import { emailTemplateCatalog } from '@kyogikai/email';
import { createInlineJobQueue, type TMailJob } from '@kyogikai/jobs';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailProcessor } from './processors/mail/send-mail';
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
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Embedded mode's wiring: the worker's processor, run by the inline queue. */
async function startInline(smtpOptions: { rejectFirst?: number } = {}) {
  const smtp = await startSmtpTestServer(smtpOptions);
  cleanups.push(() => smtp.close());
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  cleanups.push(async () => transport.close());
  const sendMail = createMailProcessor({ loadBranding: async () => testBranding, transport, logger: quietLogger });
  const startedAt: number[] = [];
  const processor = vi.fn(async (job: TMailJob) => {
    startedAt.push(performance.now());
    await sendMail(job);
  });
  const onFailed = vi.fn();
  const queue = createInlineJobQueue(processor, {
    templates: emailTemplateCatalog,
    config: fastMailQueueConfig,
    logger: quietLogger,
    onFailed,
  });
  cleanups.push(() => queue.close());
  return { smtp, queue, processor, onFailed, startedAt };
}

describe('inline job queue running the worker processor (embedded mode)', () => {
  it('retries a rejected delivery after the backoff and delivers once', async () => {
    const { smtp, queue, processor, onFailed, startedAt } = await startInline({ rejectFirst: 1 });

    await queue.enqueueMail(staffAccountCreatedJob());
    await queue.whenIdle();

    expect(processor).toHaveBeenCalledTimes(2);
    expect((startedAt[1] ?? 0) - (startedAt[0] ?? 0)).toBeGreaterThanOrEqual(fastMailQueueConfig.backoff.delayMs - 2);
    expect(smtp.attempts()).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.parsed.subject).toBe(EXPECTED_SUBJECT);
    expect(smtp.received[0]?.parsed.text).toContain(SIGN_IN_URL);
    expect(onFailed).not.toHaveBeenCalled();
  });

  it('mails a messageId once, however often it is enqueued', async () => {
    const { smtp, queue, processor } = await startInline();
    await queue.enqueueMail(staffAccountCreatedJob({ messageId: 'inline-once' }));
    await queue.enqueueMail(staffAccountCreatedJob({ messageId: 'inline-once' }));
    await queue.whenIdle();
    await queue.enqueueMail(staffAccountCreatedJob({ messageId: 'inline-once' }));
    await queue.whenIdle();

    expect(processor).toHaveBeenCalledTimes(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up after the configured attempts without throwing into the caller', async () => {
    const { smtp, queue, onFailed } = await startInline({ rejectFirst: 99 });
    await expect(queue.enqueueMail(staffAccountCreatedJob({ messageId: 'inline-never' }))).resolves.toBeUndefined();
    await queue.whenIdle();

    expect(smtp.attempts()).toBe(fastMailQueueConfig.attempts);
    expect(smtp.received).toHaveLength(0);
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onFailed.mock.calls[0]?.[0]).toMatchObject({ messageId: 'inline-never' });
  });
});
