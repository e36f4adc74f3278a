import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server that accepts every message and writes it as an .eml file: the mail
 * catcher of embedded mode and tests. Mail goes through the same SMTP path as production; only
 * the server at the other end differs. Loopback only, never relays.
 */
export async function startMailCatcher(directory: string): Promise<{ smtpUrl: string; directory: string; close(): Promise<void> }> {
  await mkdir(directory, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
        writeFile(path.join(directory, name), Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    directory,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface CapturedMail {
  file: string;
  receivedAt: Date;
  subject: string;
  from: string;
  to: string;
  text: string;
}

/** The captured messages, newest first (the development mailbox page and tests read these). */
export async function listCapturedMail(directory: string, limit = 200): Promise<CapturedMail[]> {
  const names = (await readdir(directory).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
  const withTimes = await Promise.all(names.map(async (file) => ({ file, mtime: (await stat(path.join(directory, file))).mtime })));
  withTimes.sort((a, b) => b.mtime.getTime() - a.mtime.getTime() || b.file.localeCompare(a.file));
  return Promise.all(
    withTimes.slice(0, limit).map(async ({ file, mtime }) => {
      const parsed = await simpleParser(await readFile(path.join(directory, file)));
      return {
        file,
        receivedAt: parsed.date ?? mtime,
        subject: parsed.subject ?? '',
        from: parsed.from?.text ?? '',
        to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? ''),
        text: parsed.text ?? '',
      };
    }),
  );
}
