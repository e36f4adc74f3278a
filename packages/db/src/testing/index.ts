import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TOrganisationRole } from '@kyogikai/domain';
import postgres from 'postgres';
import { APP_ROLE, createPostgresDatabase, type Database, runMigrations } from '../database';
import { pgErrorCode } from '../errors';
import type { TenantRecord } from '../platform/tenant-record';
import { unsafeCreateTenant } from '../platform/tenants';
import { organisationMemberships, organisations, users } from '../schema';
import { kaigoTenantConfig } from '../seed/demo-tenants';
import { withTenant } from '../tenant-transaction';

// Test helpers: the only code in this package that reads process.env, and only for overridable
// test URLs. Each test file gets its own database cloned from a migrated template, so files run
// in parallel without seeing each other's rows.

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));
/** Bump when the way templates are built changes, so stale templates are not reused. */
const TEMPLATE_FORMAT = '1';

export type TestDatabase = {
  name: string;
  /** Superuser connection to the test database (migrations, fixtures, operator functions). */
  ownerUrl: string;
  /** `kyogikai_app` connection to the test database: what the servers use, RLS applies. */
  appUrl: string;
  owner: Database;
  app: Database;
  /** Closes both handles and drops the database. */
  drop(): Promise<void>;
};

export function testAdminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL;
}

/** The admin URL pointed at another database, optionally as another (password-less, trust-auth) user. */
export function testDatabaseUrl(database: string, user?: string): string {
  const url = new URL(testAdminUrl());
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}

/**
 * Creates `kyogikai_test_<random>` (UTF-8, C.UTF-8) with all migrations applied and returns an
 * owner and an app-role handle. `fromScratch` migrates an empty database instead of cloning the
 * template (slower; for tests of the migrations themselves).
 */
export async function createTestDatabase(options: { fromScratch?: boolean } = {}): Promise<TestDatabase> {
  const name = `kyogikai_test_${randomBytes(6).toString('hex')}`;
  if (options.fromScratch) {
    await adminQuery(createDatabaseSql(name));
  } else {
    const template = await migratedTemplate();
    await adminQuery(`create database "${name}" template "${template}"`);
  }
  const ownerUrl = testDatabaseUrl(name);
  const appUrl = testDatabaseUrl(name, APP_ROLE);
  const owner = createPostgresDatabase(ownerUrl, { max: 4 });
  const app = createPostgresDatabase(appUrl, { max: 4 });
  try {
    // A no-op on a clone of an up-to-date template; it also proves the clone's journal is current.
    await runMigrations(owner);
  } catch (error) {
    await Promise.allSettled([owner.close(), app.close()]);
    await dropDatabase(name);
    throw error;
  }
  let dropped = false;
  return {
    name,
    ownerUrl,
    appUrl,
    owner,
    app,
    async drop() {
      if (dropped) return;
      dropped = true;
      await Promise.allSettled([owner.close(), app.close()]);
      await dropDatabase(name);
    },
  };
}

/** A tenant with a complete, valid config (the care council's), unique per call unless `slug` is given. */
export async function createTenantFixture(owner: Database, slug?: string): Promise<TenantRecord> {
  const s = slug ?? `t-${randomBytes(5).toString('hex')}`;
  return unsafeCreateTenant(owner, {
    slug: s,
    nameJa: `テスト協議会 ${s}`,
    nameEn: `Test council ${s}`,
    publicOrigin: `https://${s}.kyogikai.test`,
    allowedHosts: [`${s}.kyogikai.test`],
    config: kaigoTenantConfig,
  });
}

export type OrganisationFixture = { organisationId: string; userId: string; loginId: string };

/**
 * A member organisation of `tenantId` with one applicant user holding `role` (default
 * org_admin) in it, written through the given handle (the app handle is fine: it runs in
 * withTenant). Pass `userId` to add an existing user to a new organisation instead.
 */
export async function createOrganisationFixture(
  database: Database,
  tenantId: string,
  options: { corporateName?: string; role?: TOrganisationRole; userId?: string } = {},
): Promise<OrganisationFixture> {
  const suffix = randomBytes(4).toString('hex');
  return withTenant(database, tenantId, async (tx) => {
    let userId = options.userId;
    let loginId = '';
    if (!userId) {
      loginId = `applicant-${suffix}`;
      const [user] = await tx
        .insert(users)
        .values({
          tenantId,
          kind: 'applicant',
          role: 'applicant',
          loginId,
          email: `${loginId}@example.jp`,
          displayName: `申請者 ${suffix}`,
          passwordHash: 'not-a-real-hash',
          status: 'active',
        })
        .returning({ id: users.id });
      if (!user) throw new Error('createOrganisationFixture: no user row');
      userId = user.id;
    }
    const [organisation] = await tx
      .insert(organisations)
      .values({ tenantId, corporateName: options.corporateName ?? `株式会社テスト${suffix}` })
      .returning({ id: organisations.id });
    if (!organisation) throw new Error('createOrganisationFixture: no organisation row');
    await tx
      .insert(organisationMemberships)
      .values({ tenantId, organisationId: organisation.id, userId, role: options.role ?? 'org_admin' });
    return { organisationId: organisation.id, userId, loginId };
  });
}

function createDatabaseSql(name: string): string {
  // C.UTF-8 ctype: pg_trgm extracts no trigrams from Japanese under the plain C locale.
  return `create database "${name}" encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`;
}

async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists "${name}" with (force)`);
}

let templatePromise: Promise<string> | undefined;

/**
 * The name of a database holding every migration, built once per migrations content and shared
 * by all processes. Lock-free: each builder migrates a private database, then renames it to the
 * shared name; a builder that loses the race drops its copy and uses the winner's.
 */
function migratedTemplate(): Promise<string> {
  templatePromise ??= buildTemplate().catch((error: unknown) => {
    templatePromise = undefined;
    throw error;
  });
  return templatePromise;
}

async function buildTemplate(): Promise<string> {
  const template = `kyogikai_tpl_${migrationsHash()}`;
  const [existing] = await adminQuery(`select 1 from pg_database where datname = '${template}'`);
  if (existing) return template;

  const build = `${template}_b${randomBytes(4).toString('hex')}`;
  await adminQuery(createDatabaseSql(build));
  try {
    const owner = createPostgresDatabase(testDatabaseUrl(build), { max: 2 });
    try {
      await runMigrations(owner);
    } finally {
      await owner.close();
    }
    // Nobody connects to a template: cloning needs it idle.
    await adminQuery(`alter database "${build}" with allow_connections false`);
    await adminQuery(`alter database "${build}" rename to "${template}"`);
  } catch (error) {
    await dropDatabase(build);
    if (pgErrorCode(error) === '42P04') return template; // another process renamed its copy first
    throw error;
  }
  return template;
}

function migrationsHash(): string {
  const hash = createHash('sha256').update(TEMPLATE_FORMAT);
  const files = [
    ...readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')),
    ...readdirSync(join(MIGRATIONS_FOLDER, 'meta'))
      .filter((f) => f === '_journal.json')
      .map((f) => join('meta', f)),
  ].sort();
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(MIGRATIONS_FOLDER, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** One statement on a short-lived admin connection; retries while a just-closed session still holds the database. */
async function adminQuery(statement: string): Promise<postgres.Row[]> {
  const admin = postgres(testAdminUrl(), { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return [...(await admin.unsafe(statement))];
      } catch (error) {
        // 55006 object_in_use: "database is being accessed by other users" (a backend still exiting).
        if (pgErrorCode(error) !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
