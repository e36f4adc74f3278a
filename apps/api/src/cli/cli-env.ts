import { z } from 'zod';

/**
 * The operator CLI works on the owner connection (it creates tenants, which spans tenants). In
 * embedded mode that is the PGlite folder under DATA_DIR; otherwise DATABASE_OWNER_URL.
 * Unlike the servers, the CLI defaults to embedded so `npm run cli -- list-tenants` just works on a
 * developer machine; production is still chosen explicitly with KYOGIKAI_MODE.
 */
export const ZCliEnv = z.discriminatedUnion('KYOGIKAI_MODE', [
  z.object({ KYOGIKAI_MODE: z.literal('embedded'), DATA_DIR: z.string().default('.data') }),
  z.object({
    KYOGIKAI_MODE: z.enum(['production', 'test']),
    DATABASE_OWNER_URL: z.url(),
    // Object storage, for the commands that delete files (purge-expired-members); the same
    // variables as the API's. Optional here: the other commands never touch storage.
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).optional(),
    S3_BUCKET: z.string().min(3).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  }),
]);
export type TCliEnv = z.infer<typeof ZCliEnv>;

export function parseCliEnv(source: Record<string, string | undefined>): TCliEnv {
  const result = ZCliEnv.safeParse({ ...source, KYOGIKAI_MODE: source.KYOGIKAI_MODE ?? 'embedded' });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'KYOGIKAI_MODE'}: ${issue.message}`);
  throw new Error(`Invalid environment for the CLI:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
