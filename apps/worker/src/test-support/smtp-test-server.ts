import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TReceivedMail = { raw: string; parsed: ParsedMail; envelopeFrom: string; envelopeTo: string[] };

export type TSmtpTestServer = {
  port: number;
  /** Messages accepted (answered 250), in order. */
  received: TReceivedMail[];
  /** DATA commands seen, accepted or rejected. */
  attempts(): number;
  waitForMessages(count: number, timeoutMs?: number): Promise<TReceivedMail[]>;
  close(): Promise<void>;
};

/**
 * An in-process SMTP server on a random loopback port (no TLS, no auth). `rejectFirst` answers
 * the first N messages with a temporary 451, as a relay in trouble would.
 */
export async function startSmtpTestServer(options: { rejectFirst?: number } = {}): Promise<TSmtpTestServer> {
  const received: TReceivedMail[] = [];
  let dataCommands = 0;
  let waiters: Array<() => void> = [];

  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        dataCommands += 1;
        if (dataCommands <= (options.rejectFirst ?? 0)) {
          const error = Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              raw,
              parsed,
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch(callback);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    received,
    attempts: () => dataCommands,
    waitForMessages(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters = waiters.filter((wake) => wake !== check);
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((wake) => wake !== check);
          reject(new Error(`expected ${count} message(s) within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
