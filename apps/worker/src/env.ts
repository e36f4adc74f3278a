import { z } from 'zod';

/** Everything the worker reads from the environment; nothing else in it reads `process.env`. */
const ZWorkerEnv = z.object({
  /** The same Redis (and key prefix) the API enqueues to. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }),
  /** nodemailer connection URL, e.g. smtps://user:pass@smtp.example.jp:465 (add ?pool=true to reuse connections). */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }),
  /** As the app role (`kyogikai_app`), never the owner: row-level security must apply. */
  DATABASE_APP_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// URL' }),
  /** The object store the API reads certificates from (same settings as the API's S3_*). */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
  S3_REGION: z.string().min(1),
  S3_BUCKET: z.string().min(3),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  /** Optional BullMQ key prefix; must equal the API's. */
  MAIL_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and hyphens')
    .optional(),
});
export type TWorkerEnv = z.infer<typeof ZWorkerEnv>;

export class WorkerEnvError extends Error {
  override name = 'WorkerEnvError';
  constructor(readonly problems: string[]) {
    super(`invalid worker environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Validates the whole environment at once and reports every problem, not just the first. */
export function parseWorkerEnv(source: Record<string, string | undefined>): TWorkerEnv {
  const result = ZWorkerEnv.safeParse(source);
  if (result.success) return result.data;
  // Variable names only, never values: a wrong URL may still contain a password.
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return source[name] === undefined || source[name] === '' ? `${name}: missing` : `${name}: ${issue.message}`;
  });
  throw new WorkerEnvError(problems);
}
