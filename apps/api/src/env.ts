import path from 'node:path';
import { z } from 'zod';

/**
 * The one place the API reads process.env. The run mode is chosen explicitly (never guessed from
 * which variables happen to be set) and each mode has its own schema, so a missing or malformed
 * setting stops the process with a message naming every problem at once.
 *
 * - embedded:   `npm start` on a machine with no services. PGlite, in-process S3 and mail catcher,
 *               inline jobs, demo tenants seeded. Tenants by path prefix (/t/<slug>).
 * - production: PostgreSQL, Redis, S3 and SMTP are required; tenants by host only; no mailbox,
 *               no demo data; the worker runs as its own process.
 * - test:       production's wiring against the real PostgreSQL and Redis, but tenants may also be
 *               addressed by path prefix, cookies work over plain http, and S3 and mail are served
 *               in-process so a test can read what was sent. Used by `npm test` journeys.
 */
const ZPort = z.coerce.number().int().min(0).max(65535);
const ZUrl = z.url();

const ZCommon = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: ZPort.default(3000),
  /** Minutes of inactivity before the server ends a session (SPEC A6: 30). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Seconds before the idle sign-out at which the UI warns (SPEC G4: at least two minutes). */
  SESSION_WARNING_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Where the built portal and admin live; defaults to the workspace dist folders. */
  STATIC_ROOT: z.string().optional(),
  /**
   * How many reverse proxies in front of the API append to X-Forwarded-For (0: none, the peer
   * address is the client). Sign-in throttling by address needs the real client address.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
});

const forbiddenInProduction = z.undefined({ error: 'is not allowed in production mode' }).optional();

const ZEmbedded = ZCommon.extend({
  KYOGIKAI_MODE: z.literal('embedded'),
  DATA_DIR: z.string().default('.data'),
  /** The origin people type into the browser; links in mail are built from it. */
  PUBLIC_BASE_URL: ZUrl.optional(),
});

const ZServices = {
  DATABASE_APP_URL: ZUrl,
  REDIS_URL: ZUrl,
};

const ZProduction = ZCommon.extend({
  KYOGIKAI_MODE: z.literal('production'),
  ...ZServices,
  S3_ENDPOINT: ZUrl,
  S3_REGION: z.string().min(1),
  S3_BUCKET: z.string().min(3),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  /** Optional BullMQ key prefix; must equal the worker's (apps/worker/src/env.ts). */
  MAIL_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and hyphens')
    .optional(),
  DEV_MAILBOX: forbiddenInProduction,
  SEED_DEMO_DATA: forbiddenInProduction,
});

const ZTest = ZCommon.extend({
  KYOGIKAI_MODE: z.literal('test'),
  ...ZServices,
  REDIS_URL: ZUrl.default('redis://127.0.0.1:6379'),
  DATA_DIR: z.string().optional(),
});

export const ZApiEnv = z.discriminatedUnion('KYOGIKAI_MODE', [ZEmbedded, ZProduction, ZTest], {
  error: 'must be one of: embedded, production, test',
});
export type TApiEnv = z.infer<typeof ZApiEnv>;
export type TRunMode = TApiEnv['KYOGIKAI_MODE'];

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

export function parseApiEnv(source: Record<string, string | undefined>): TApiEnv {
  const result = ZApiEnv.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidEnvironmentError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'KYOGIKAI_MODE';
      const isMissing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
      return `${name} ${isMissing ? 'is required but not set' : issue.message}`;
    }),
  );
}

export function resolveDataDir(dir: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
}
