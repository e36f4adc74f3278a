import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type Database } from './database';
import { assertSafeAppRole, UnsafeDatabaseRoleError } from './role-safety';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from './testing';

let db: TestDatabase;
// Roles are cluster-wide: unique names per run, dropped in afterAll.
const suffix = randomBytes(4).toString('hex');
const tableOwnerRole = `kyogikai_t_owner_${suffix}`;
const bypassRole = `kyogikai_t_bypass_${suffix}`;
const memberRole = `kyogikai_t_member_${suffix}`;
const scratchTable = `scratch_${suffix}`;
const opened: Database[] = [];

function connectAs(role: string): Database {
  const database = createPostgresDatabase(testDatabaseUrl(db.name, role), { max: 1 });
  opened.push(database);
  return database;
}

async function reasonsOf(database: Database): Promise<string[]> {
  try {
    await assertSafeAppRole(database);
  } catch (error) {
    if (error instanceof UnsafeDatabaseRoleError) return error.reasons;
    throw error;
  }
  return [];
}

beforeAll(async () => {
  db = await createTestDatabase();
  const run = (statement: string) => db.owner.db.execute(sql.raw(statement));
  await run(`create role "${tableOwnerRole}" login nosuperuser nobypassrls`);
  await run(`create role "${bypassRole}" login nosuperuser bypassrls`);
  await run(`create role "${memberRole}" login nosuperuser nobypassrls in role kyogikai_platform`);
  await run(`create table public."${scratchTable}" (id int)`);
  await run(`alter table public."${scratchTable}" owner to "${tableOwnerRole}"`);
});

afterAll(async () => {
  await Promise.allSettled(opened.map((d) => d.close()));
  await db?.drop(); // drops the scratch table with the database, so the roles own nothing
  const admin = createPostgresDatabase(testDatabaseUrl('postgres'), { max: 1 });
  try {
    for (const role of [tableOwnerRole, bypassRole, memberRole]) await admin.db.execute(sql.raw(`drop role if exists "${role}"`));
  } finally {
    await admin.close();
  }
});

describe('assertSafeAppRole (STYLE Tenancy: the app connects as a role that cannot bypass RLS)', () => {
  it('passes for kyogikai_app', async () => {
    await expect(assertSafeAppRole(db.app)).resolves.toBeUndefined();
  });

  it('refuses the owner connection and names every reason: superuser, BYPASSRLS, owned tables', async () => {
    const error = await assertSafeAppRole(db.owner).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeDatabaseRoleError);
    const { message, reasons } = error as UnsafeDatabaseRoleError;
    expect(reasons).toEqual([
      'it is a superuser',
      'it has BYPASSRLS',
      expect.stringMatching(/^it owns tables in schema public: .*\baudit_events, .*\borganisations, .*\btenants, users\b/),
    ]);
    for (const reason of reasons) expect(message).toContain(reason);
  });

  it('refuses a plain role that owns a table in public', async () => {
    expect(await reasonsOf(connectAs(tableOwnerRole))).toEqual([`it owns tables in schema public: ${scratchTable}`]);
  });

  it('refuses a non-superuser role with BYPASSRLS', async () => {
    expect(await reasonsOf(connectAs(bypassRole))).toEqual(['it has BYPASSRLS']);
  });

  it('refuses a role that can SET ROLE to a role bypassing RLS', async () => {
    expect(await reasonsOf(connectAs(memberRole))).toEqual(['it can act as roles that bypass RLS: kyogikai_platform']);
  });
});
