import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPgliteDatabase, queryRows, runMigrations, switchPgliteToAppRole } from './database';
import { unsafeFindTenantByHost, unsafeFindTenantBySlug } from './platform/tenant-lookup';
import type { TenantRecord } from './platform/tenant-record';
import { assertSafeAppRole } from './role-safety';
import { users } from './schema';
import { withTenant } from './tenant-transaction';
import { createTenantFixture } from './testing';

// Embedded mode: the same migrations folder on PGlite, in memory. One PGlite costs seconds and
// hundreds of MB, so the whole file shares one.

let owner: Database;
let app: Database;
let tenantA: TenantRecord;
let tenantB: TenantRecord;

beforeAll(async () => {
  owner = await openPgliteDatabase(undefined);
  await runMigrations(owner);
  tenantA = await createTenantFixture(owner, 'pglite-a');
  tenantB = await createTenantFixture(owner, 'pglite-b');
  for (const tenant of [tenantA, tenantB]) {
    await owner.db.insert(users).values({
      tenantId: tenant.id,
      kind: 'staff',
      role: 'secretariat',
      email: `staff@${tenant.slug}.example.jp`,
      displayName: `事務局 ${tenant.slug}`,
      passwordHash: 'x',
      status: 'active',
    });
  }
  app = await switchPgliteToAppRole(owner);
});

afterAll(async () => {
  await app?.close();
});

describe('PGlite (embedded mode)', () => {
  it('runs the same migrations, pg_trgm included', async () => {
    const [row] = await queryRows<{ trgm: boolean; migrations: number }>(
      app.db,
      sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as trgm, (select count(*)::int from pg_proc where proname = 'unsafe_find_tenant_by_host') as migrations`,
    );
    expect(row).toEqual({ trgm: true, migrations: 1 });
  });

  it('serves as kyogikai_app after switchPgliteToAppRole, which assertSafeAppRole accepts', async () => {
    await expect(assertSafeAppRole(app)).resolves.toBeUndefined();
  });

  it("hides another tenant's rows from the app handle, even from raw SQL", async () => {
    const seen = await withTenant(app, tenantA.id, (tx) => tx.select({ tenantId: users.tenantId }).from(users));
    expect(seen).toEqual([{ tenantId: tenantA.id }]);
    const raw = await withTenant(app, tenantA.id, (tx) => queryRows(tx, sql`select * from users where tenant_id = ${tenantB.id}`));
    expect(raw).toEqual([]);
    await withTenant(app, tenantA.id, (tx) => tx.update(users).set({ displayName: 'hijacked' }).where(eq(users.tenantId, tenantB.id)));
    const [b] = await withTenant(app, tenantB.id, (tx) => tx.select().from(users));
    expect(b?.displayName).toBe('事務局 pglite-b');
    expect(await app.db.select().from(users)).toEqual([]);
  });

  it('resolves tenants by host and slug through the SECURITY DEFINER functions', async () => {
    expect((await unsafeFindTenantByHost(app, 'PGLITE-A.kyogikai.test'))?.id).toBe(tenantA.id);
    expect(await unsafeFindTenantBySlug(app, 'pglite-b')).toEqual(tenantB);
  });
});
