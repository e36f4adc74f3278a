import { isPermanentJobError } from '@kyogikai/jobs';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import { EXPECTED_SUBJECT, quietLogger, SIGN_IN_URL, staffAccountCreatedJob, TENANT_ID, testBranding } from '../../test-support/fixtures';
import { createMailProcessor } from './send-mail';

/** A transport that builds the full MIME message and hands it back instead of sending it. */
function captureTransport() {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const sent: Buffer[] = [];
  const sendMail = transport.sendMail.bind(transport);
  vi.spyOn(transport, 'sendMail').mockImplementation((async (options: Parameters<typeof sendMail>[0]) => {
    const info = await sendMail(options);
    sent.push(info.message as Buffer);
    return info;
  }) as typeof transport.sendMail);
  return { transport, sent };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('createMailProcessor', () => {
  it("renders with the tenant's branding and sends from the tenant's sender with a stable Message-ID", async () => {
    const { transport, sent } = captureTransport();
    const loadBranding = vi.fn(async () => testBranding);
    const process = createMailProcessor({ loadBranding, transport, logger: quietLogger });

    await process(staffAccountCreatedJob());

    expect(loadBranding).toHaveBeenCalledWith(TENANT_ID);
    expect(sent).toHaveLength(1);
    const mail = await simpleParser(sent[0] as Buffer);
    expect(mail.subject).toBe(EXPECTED_SUBJECT);
    expect(mail.from?.value).toEqual([{ name: 'もみじ協議会 事務局', address: 'no-reply@momiji.example.jp' }]);
    expect(mail.replyTo?.value).toEqual([{ name: 'もみじ協議会 事務局', address: 'office@momiji.example.jp' }]);
    expect(mail.messageId).toBe('<staff-account-created.u-0001@momiji.example.jp>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.html).toContain(SIGN_IN_URL);
    expect(mail.text).toContain(SIGN_IN_URL);
    expect(mail.text).toContain('もみじ農業分野協議会');
  });

  it('uses the from() override when given', async () => {
    const { transport, sent } = captureTransport();
    const process = createMailProcessor({
      loadBranding: async () => testBranding,
      transport,
      from: (branding) => ({ name: `${branding.tenantName.ja}（検証）`, address: 'verify@example.jp' }),
      logger: quietLogger,
    });
    await process(staffAccountCreatedJob());
    const mail = await simpleParser(sent[0] as Buffer);
    expect(mail.from?.value[0]).toEqual({ name: 'もみじ農業分野協議会（検証）', address: 'verify@example.jp' });
  });

  it.each([
    ['an unknown template', staffAccountCreatedJob({ template: 'no-such-email' })],
    ['props the template refuses', staffAccountCreatedJob({ props: { recipientName: '鈴木' } })],
    [
      'a link outside the tenant origin',
      staffAccountCreatedJob({ props: { ...staffAccountCreatedJob().props, signInUrl: 'https://attacker.example/x' } }),
    ],
  ])('fails permanently (no retry) for %s, before sending anything', async (_label, job) => {
    const { transport, sent } = captureTransport();
    const process = createMailProcessor({ loadBranding: async () => testBranding, transport, logger: quietLogger });
    const error = await failureOf(process(job));
    expect(isPermanentJobError(error)).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('fails permanently on invalid branding (a broken tenant config)', async () => {
    const { transport } = captureTransport();
    const process = createMailProcessor({
      loadBranding: async () => ({ ...testBranding, mailSender: { name: 'x', address: 'not-an-address' } }),
      transport,
      logger: quietLogger,
    });
    expect(isPermanentJobError(await failureOf(process(staffAccountCreatedJob())))).toBe(true);
  });

  it('lets transient errors (database, SMTP) through unchanged, so the queue retries them', async () => {
    const { transport } = captureTransport();
    const databaseDown = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const process = createMailProcessor({ loadBranding: async () => Promise.reject(databaseDown), transport, logger: quietLogger });
    const error = await failureOf(process(staffAccountCreatedJob()));
    expect(error).toBe(databaseDown);
    expect(isPermanentJobError(error)).toBe(false);
  });
});
