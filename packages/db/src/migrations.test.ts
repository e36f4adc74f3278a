import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, queryRows, runMigrations } from './database';
import { createTestDatabase, type TestDatabase } from './testing';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

describe('migration files', () => {
  const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql'));
  const allSql = files.map((f) => readFileSync(join(MIGRATIONS_FOLDER, f), 'utf8')).join('\n');

  it('are all listed in the drizzle journal', () => {
    expect(files.map((f) => f.replace(/\.sql$/, '')).sort()).toEqual(journal.entries.map((e) => e.tag).sort());
  });

  it('enable AND force row-level security for every table they create', () => {
    const created = [...allSql.matchAll(/CREATE TABLE\s+(?:IF NOT EXISTS\s+)?(?:"public"\.)?"([^"]+)"/gi)].map((m) => m[1] as string);
    expect(created.length).toBeGreaterThan(0);
    for (const table of created) {
      expect(allSql, `${table}: ENABLE`).toContain(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      expect(allSql, `${table}: FORCE`).toContain(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    }
  });
});

describe('migrations on PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ fromScratch: true }); // migrates once from an empty database
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('run a second time without error and without re-applying anything', async () => {
    await runMigrations(db.owner);
    const [row] = await queryRows<{ n: number }>(db.owner.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(row?.n).toBe(journal.entries.length);
  });

  it('serialise concurrent runs and work through a single-connection owner pool', async () => {
    const narrow = createPostgresDatabase(db.ownerUrl, { max: 1 });
    try {
      await Promise.all([runMigrations(narrow), runMigrations(db.owner), runMigrations(narrow)]);
    } finally {
      await narrow.close();
    }
  });

  it('create a UTF-8, C.UTF-8 database with pg_trgm, so Japanese names get trigram indexes', async () => {
    const [row] = await queryRows<{ encoding: string; ctype: string; trgm: boolean; trigrams: number }>(
      db.owner.db,
      sql`select pg_encoding_to_char(encoding) as encoding, datctype as ctype,
                 exists (select 1 from pg_extension where extname = 'pg_trgm') as trgm,
                 cardinality(show_trgm('さくら会')) as trigrams
            from pg_database where datname = current_database()`,
    );
    expect(row).toEqual({ encoding: 'UTF8', ctype: 'C.UTF-8', trgm: true, trigrams: expect.any(Number) });
    expect(row?.trigrams).toBeGreaterThan(0);
  });

  it('leave every public table tenant-scoped: RLS forced, one policy, readable by the app role, tenant_id NOT NULL and leading an index', async () => {
    const tables = await queryRows<{
      name: string;
      rls: boolean;
      forced: boolean;
      policies: number;
      tenant_not_null: boolean | null;
      tenant_index: boolean;
      app_select: boolean;
    }>(
      db.owner.db,
      sql`select c.relname::text as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
                 (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_not_null,
                 exists (select 1 from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                          where i.indrelid = c.oid and a.attname = 'tenant_id') as tenant_index,
                 has_table_privilege('kyogikai_app', c.oid, 'SELECT') as app_select
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p')
           order by 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(['audit_events', 'sessions', 'sign_in_throttles', 'tenants', 'users']);
    for (const table of tables) {
      expect(table, table.name).toMatchObject({ rls: true, forced: true, policies: 1, app_select: true });
      // `tenants` is scoped by its own id; every other table carries tenant_id.
      if (table.name !== 'tenants') expect(table, table.name).toMatchObject({ tenant_not_null: true, tenant_index: true });
    }
  });

  it("give kyogikai_app data access but no DDL and nothing on drizzle's migrations table", async () => {
    const [row] = await queryRows<Record<string, boolean>>(
      db.owner.db,
      sql`select has_table_privilege('kyogikai_app', 'public.users', 'SELECT,INSERT,UPDATE,DELETE') as users_rw,
                 has_schema_privilege('kyogikai_app', 'public', 'CREATE') as can_create,
                 has_schema_privilege('kyogikai_app', 'drizzle', 'USAGE') as drizzle_usage,
                 has_table_privilege('kyogikai_app', 'drizzle.__drizzle_migrations', 'SELECT') as migrations_select,
                 has_database_privilege('kyogikai_app', current_database(), 'CREATE') as db_create`,
    );
    expect(row).toEqual({ users_rw: true, can_create: false, drizzle_usage: false, migrations_select: false, db_create: false });
  });
});
