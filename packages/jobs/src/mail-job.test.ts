import { describe, expect, it } from 'vitest';
import { InvalidJobPayloadError, isPermanentJobError } from './job-errors';
import { fromMailJobData, MAIL_JOB_VERSION, parseMailJob, toMailJobData } from './mail-job';
import { MAIL_QUEUE_CONFIG, mailRetryDelayMs } from './mail-queue.config';
import { testMailJob, testTemplates } from './test-catalog';

describe('parseMailJob', () => {
  it('accepts a valid job and returns the props as the catalog normalised them', () => {
    const job = testMailJob({ props: { name: '山田', ignored: true } });
    expect(parseMailJob(job, testTemplates)).toEqual({ ...job, props: { name: '山田' } });
  });

  it.each([
    ['a tenant id that is not a uuid', { tenantId: 'tenant-1' }],
    ['a message id with ":" (BullMQ refuses it)', { messageId: 'a:b' }],
    ['an integer message id (BullMQ refuses it)', { messageId: '12345' }],
    ['a message id with spaces or "@" (breaks Message-ID)', { messageId: 'a b@c' }],
    ['a bad recipient', { to: 'not-an-address' }],
    ['an unknown template', { template: 'nope' }],
    ['props the template refuses', { props: {} }],
  ])('throws InvalidJobPayloadError (permanent) for %s', (_label, overrides) => {
    const error = (() => {
      try {
        parseMailJob(testMailJob(overrides), testTemplates);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidJobPayloadError);
    expect(isPermanentJobError(error)).toBe(true);
  });

  it('refuses unknown top-level fields', () => {
    expect(() => parseMailJob({ ...testMailJob(), cc: 'x@example.com' }, testTemplates)).toThrow(InvalidJobPayloadError);
  });
});

describe('stored job data', () => {
  it('round-trips with the payload version', () => {
    const job = testMailJob();
    const data = toMailJobData(job);
    expect(data.version).toBe(MAIL_JOB_VERSION);
    expect(fromMailJobData(JSON.parse(JSON.stringify(data)))).toEqual(job);
  });

  it('refuses data of another version as permanent', () => {
    expect(() => fromMailJobData({ ...testMailJob(), version: MAIL_JOB_VERSION + 1 })).toThrow(InvalidJobPayloadError);
  });
});

describe('mailRetryDelayMs', () => {
  it("follows BullMQ's exponential strategy, with jitter only shortening the delay", () => {
    const config = { ...MAIL_QUEUE_CONFIG, backoff: { delayMs: 1000, jitter: 0 } };
    expect([1, 2, 3, 4].map((attempts) => mailRetryDelayMs(config, attempts))).toEqual([1000, 2000, 4000, 8000]);
    const jittered = { ...MAIL_QUEUE_CONFIG, backoff: { delayMs: 1000, jitter: 0.2 } };
    expect(mailRetryDelayMs(jittered, 3, () => 0)).toBe(3200);
    expect(mailRetryDelayMs(jittered, 3, () => 0.999999)).toBe(3999);
  });

  it('production settings give up after roughly an hour', () => {
    const { attempts } = MAIL_QUEUE_CONFIG;
    const noJitter = { ...MAIL_QUEUE_CONFIG, backoff: { ...MAIL_QUEUE_CONFIG.backoff, jitter: 0 } };
    let total = 0;
    for (let made = 1; made < attempts; made += 1) total += mailRetryDelayMs(noJitter, made);
    expect(total / 60_000).toBeGreaterThan(45);
    expect(total / 60_000).toBeLessThan(90);
  });
});
