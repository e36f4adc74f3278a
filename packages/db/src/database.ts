import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

type Schema = typeof schema;

/** A drizzle handle typed with our schema, whichever driver is underneath. */
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;

/** The transaction handle `withTenant` passes to its callback. */
export type TenantTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  kind: 'postgres' | 'pglite';
  db: AppDb;
  close(): Promise<void>;
}

/** The role the servers connect as (see migrations/0001). */
export const APP_ROLE = 'kyogikai_app';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/** Underlying clients, kept out of the public `Database` shape. */
const postgresUrls = new WeakMap<Database, string>();
const pgliteClients = new WeakMap<Database, PGlite>();

/** One pool to PostgreSQL. Connect as `kyogikai_app` for serving, as the owner for migrations and operator tasks. */
export function createPostgresDatabase(url: string, options: { max?: number } = {}): Database {
  const client = connectPostgres(url, options.max ?? 10);
  const database: Database = {
    kind: 'postgres',
    db: drizzlePostgres({ client, schema }),
    close: () => client.end({ timeout: 5 }),
  };
  postgresUrls.set(database, url);
  return database;
}

function connectPostgres(url: string, max: number): postgres.Sql {
  // Migrations print "already exists, skipping" notices; they are expected, not news.
  return postgres(url, { max, onnotice: () => {} });
}

/**
 * Opens PGlite as its (superuser) owner, for embedded mode and tests. `undefined` keeps the data
 * in memory. Serve requests only through the handle from `switchPgliteToAppRole`.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  return wrapPglite(client);
}

/**
 * PGlite is a single connection that always authenticates as a superuser, which bypasses RLS.
 * `SET ROLE` for the whole session makes every later query run as the app role; the owner
 * handle shares the connection and must not be used afterwards.
 */
export async function switchPgliteToAppRole(owner: Database): Promise<Database> {
  const client = pgliteClients.get(owner);
  if (!client) throw new Error('switchPgliteToAppRole: not a PGlite database opened by openPgliteDatabase');
  await client.exec(`SET ROLE ${APP_ROLE}`);
  return wrapPglite(client);
}

function wrapPglite(client: PGlite): Database {
  const database: Database = {
    kind: 'pglite',
    db: drizzlePglite({ client, schema }),
    // Both handles of one PGlite share the client; closing either closes it once.
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
  pgliteClients.set(database, client);
  return database;
}

/** Arbitrary but fixed: serialises concurrent migrators of one database. */
const MIGRATION_LOCK_KEY = 7_264_105_118;

/** Applies pending migrations from packages/db/migrations. Idempotent. Needs the owner (superuser) handle. */
export async function runMigrations(owner: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  const pgliteClient = pgliteClients.get(owner);
  if (pgliteClient) {
    await migratePglite(drizzlePglite({ client: pgliteClient, schema }), config);
    return;
  }
  const url = postgresUrls.get(owner);
  if (!url) throw new Error('runMigrations: not a database created by createPostgresDatabase or openPgliteDatabase');
  // Two servers starting at once would both apply the same migration: hold a session advisory
  // lock while migrating. A dedicated single connection carries both the lock and the migration
  // (the caller's pool may have max: 1, or be busy).
  const client = connectPostgres(url, 1);
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client, schema }), config);
  } finally {
    // Ending the connection releases the lock, also when the migration failed.
    await client.end({ timeout: 5 });
  }
}

/**
 * Rows of a raw `execute`, whichever driver ran it: postgres.js returns an array, PGlite an
 * object with `rows`. Column names are as PostgreSQL returns them (snake_case).
 */
export async function queryRows<T extends Record<string, unknown>>(runner: AppDb | TenantTx, query: SQL): Promise<T[]> {
  const result: unknown = await runner.execute(query);
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as T[];
  throw new Error('queryRows: unexpected driver result');
}
