import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, queryRows, runMigrations } from './database';
import { createTestDatabase, type TestDatabase } from './testing';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/** Tables with the organisation-level policy (issue 3); every other table has the tenant-only one. */
/** Logs an applicant transaction may append to but not read (see schema/rls.ts). */
const APPEND_ONLY_FOR_ORGANISATIONS = ['audit_events', 'outbox_messages'];
/** Staff-only rows (schema/review.ts): readable and writable only in tenant-wide transactions. */
const TENANT_WIDE_ONLY = ['application_notes', 'document_checks'];
/** Kept by a SECURITY DEFINER trigger; staff (tenant-wide transactions) may only read them. */
const TENANT_WIDE_READ_ONLY = ['application_state_counts'];
const ORGANISATION_OWNED = [
  'organisations',
  'organisation_memberships',
  'organisation_invitations',
  'establishments',
  'workers',
  'worker_establishments',
  'documents',
  'applications',
  'change_requests',
  'change_items',
  'certificates',
  'reissue_requests',
];

const ALL = 'SELECT,INSERT,UPDATE,DELETE';
const KEEP = 'SELECT,INSERT,UPDATE';
const APPEND = 'SELECT,INSERT';
/** What kyogikai_app may do per table (tenants: UPDATE only on name_ja, name_en and config). */
const APP_PRIVILEGES: Record<string, string> = {
  account_tokens: KEEP,
  application_notes: APPEND,
  application_state_counts: 'SELECT',
  applications: KEEP,
  audit_events: APPEND,
  certificates: KEEP,
  change_items: ALL,
  change_requests: ALL,
  consent_agreements: APPEND,
  document_checks: KEEP,
  documents: ALL,
  establishments: ALL,
  organisation_invitations: KEEP,
  organisation_memberships: KEEP,
  organisations: KEEP,
  outbox_messages: KEEP,
  reissue_requests: KEEP,
  sessions: ALL,
  sign_in_throttles: ALL,
  tenant_config_versions: APPEND,
  tenants: 'SELECT',
  users: ALL,
  worker_establishments: ALL,
  workers: ALL,
};
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

  it('leave every public table tenant-scoped: RLS forced, its policies, readable by the app role, tenant_id NOT NULL and leading an index', async () => {
    const tables = await queryRows<{
      name: string;
      rls: boolean;
      forced: boolean;
      policies: string[];
      tenant_not_null: boolean | null;
      tenant_index: boolean;
      app_select: boolean;
    }>(
      db.owner.db,
      sql`select c.relname::text as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 array(select p.polname::text from pg_policy p where p.polrelid = c.oid order by 1) as policies,
                 (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_not_null,
                 exists (select 1 from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                          where i.indrelid = c.oid and a.attname = 'tenant_id') as tenant_index,
                 has_table_privilege('kyogikai_app', c.oid, 'SELECT') as app_select
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p')
           order by 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(Object.keys(APP_PRIVILEGES).sort());
    for (const table of tables) {
      const policies = APPEND_ONLY_FOR_ORGANISATIONS.includes(table.name)
        ? ['tenant_insert', 'tenant_wide_delete', 'tenant_wide_select', 'tenant_wide_update']
        : TENANT_WIDE_ONLY.includes(table.name)
          ? ['tenant_wide_only']
          : TENANT_WIDE_READ_ONLY.includes(table.name)
            ? ['tenant_wide_select']
            : [ORGANISATION_OWNED.includes(table.name) ? 'organisation_isolation' : 'tenant_isolation'];
      expect(table, table.name).toMatchObject({ rls: true, forced: true, policies, app_select: true });
      // `tenants` is scoped by its own id; every other table carries tenant_id.
      if (table.name !== 'tenants') expect(table, table.name).toMatchObject({ tenant_not_null: true, tenant_index: true });
    }
  });

  it('let applicant (organisation-scoped) transactions append to the audit trail and outbox but never read them', async () => {
    const policies = await queryRows<{ name: string; policy: string; qual: string | null }>(
      db.owner.db,
      sql`select c.relname::text as name, p.polname::text as policy, pg_get_expr(p.polqual, p.polrelid) as qual
            from pg_policy p join pg_class c on c.oid = p.polrelid
           where c.relname in ('audit_events', 'outbox_messages') and p.polname like 'tenant_wide_%' order by 1, 2`,
    );
    expect(policies).toHaveLength(6);
    for (const policy of policies)
      expect(policy.qual, `${policy.name}.${policy.policy}`).toContain("current_setting('app.scope'::text, true) = 'tenant'::text");
  });

  it('scope organisation-owned tables by tenant AND organisation, unless the transaction is tenant-wide', async () => {
    const policies = await queryRows<{ name: string; qual: string; with_check: string }>(
      db.owner.db,
      sql`select c.relname::text as name, pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as with_check
            from pg_policy p join pg_class c on c.oid = p.polrelid
           where p.polname = 'organisation_isolation' order by 1`,
    );
    expect(policies.map((p) => p.name)).toEqual([...ORGANISATION_OWNED].sort());
    for (const policy of policies) {
      const column = policy.name === 'organisations' ? 'id' : 'organisation_id';
      expect(policy.qual, policy.name).toContain("current_setting('app.tenant_id'::text, true)");
      expect(policy.qual, policy.name).toContain("current_setting('app.scope'::text, true) = 'tenant'::text");
      expect(policy.qual, policy.name).toContain(
        `(${column} = (NULLIF(current_setting('app.organisation_id'::text, true), ''::text))::uuid)`,
      );
      expect(policy.with_check, policy.name).toBe(policy.qual);
    }
  });

  it('grant kyogikai_app exactly the data access each table needs (records to keep get no DELETE)', async () => {
    const rows = await queryRows<{ name: string; privileges: string[] }>(
      db.owner.db,
      sql`select c.relname::text as name,
                 array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                        where has_table_privilege('kyogikai_app', c.oid, p)) as privileges
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p')
           order by 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.privileges.join(',')]))).toEqual(APP_PRIVILEGES);
  });

  it('keep organisation-owned children pointing at their parent within the same organisation', async () => {
    // Every foreign key between two organisation-owned tables includes organisation_id: FK checks
    // do not see row-level security, so this is what stops a cross-organisation pointer.
    const fks = await queryRows<{ name: string; child: string; parent: string; columns: string[] }>(
      db.owner.db,
      sql`select con.conname::text as name, c.relname::text as child, p.relname::text as parent,
                 array(select a.attname::text from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as columns
            from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_class p on p.oid = con.confrelid
           where con.contype = 'f' order by 1`,
    );
    const between = fks.filter((fk) => ORGANISATION_OWNED.includes(fk.child) && ORGANISATION_OWNED.includes(fk.parent));
    expect(between.length).toBeGreaterThan(10);
    for (const fk of between) {
      expect(fk.columns[0], fk.name).toBe('tenant_id');
      expect(fk.columns, fk.name).toContain('organisation_id');
    }
    for (const fk of fks) expect(fk.parent === 'tenants' || fk.columns[0] === 'tenant_id', fk.name).toBe(true);
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
