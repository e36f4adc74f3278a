import type { Platform } from './platform';

/** One message as the test-mode server's development mailbox lists it (newest first). */
export interface CapturedMail {
  file: string;
  receivedAt: string;
  subject: string;
  from: string;
  to: string;
  text: string;
}

export async function listMail(platform: Platform): Promise<CapturedMail[]> {
  const response = await fetch(`${platform.baseUrl}/_dev/mailbox/messages.json`);
  if (!response.ok) throw new Error(`GET /_dev/mailbox/messages.json answered ${response.status}`);
  return (await response.json()) as CapturedMail[];
}

export interface MailQuery {
  to: string;
  subjectIncludes?: string;
  /** Only mail not among these files (e.g. what was there before the action). */
  notIn?: ReadonlySet<string>;
  timeoutMs?: number;
}

/** The file names of the mail to an address so far, to wait for the next one. */
export async function mailFilesTo(platform: Platform, to: string): Promise<Set<string>> {
  return new Set((await listMail(platform)).filter((mail) => mail.to.includes(to)).map((mail) => mail.file));
}

/** Polls the mailbox until a matching message arrives (mail goes out through the outbox, so not at once). */
export async function waitForMail(platform: Platform, query: MailQuery): Promise<CapturedMail> {
  const deadline = Date.now() + (query.timeoutMs ?? 30_000);
  for (;;) {
    const found = (await listMail(platform)).find(
      (mail) =>
        mail.to.includes(query.to) &&
        (!query.subjectIncludes || mail.subject.includes(query.subjectIncludes)) &&
        !query.notIn?.has(mail.file),
    );
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`No mail to ${query.to}${query.subjectIncludes ? ` about 「${query.subjectIncludes}」` : ''} within the timeout.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in the mail whose path ends with `pathSuffix` (e.g. '/activate'). */
export function linkIn(mail: CapturedMail, pathSuffix: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"'\])）]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.endsWith(pathSuffix) && url.searchParams.get('token')) return url.toString();
  }
  throw new Error(`No ${pathSuffix}?token=… link in the mail 「${mail.subject}」:\n${mail.text}`);
}

/** The ユーザーID the activation mail gives (「ユーザーID（ログインID）: U12345678」). */
export function loginIdIn(mail: CapturedMail): string {
  const match = /ユーザーID(?:（ログインID）)?\s*[:：]\s*([A-Za-z0-9._-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`No ユーザーID in the mail 「${mail.subject}」:\n${mail.text}`);
  return match[1];
}
