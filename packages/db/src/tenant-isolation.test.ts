import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type TenantTx } from './database';
import { pgErrorCode } from './errors';
import type { TenantRecord } from './platform/tenant-record';
import { auditEvents, sessions, tenants, users } from './schema';
import { withTenant } from './tenant-transaction';
import { createTenantFixture, createTestDatabase, type TestDatabase } from './testing';

// Runs as kyogikai_app against real PostgreSQL: the role the servers use.

let db: TestDatabase;
let tenantA: TenantRecord;
let tenantB: TenantRecord;
let userA: string;
let userB: string;

async function insertUser(tx: TenantTx, tenantId: string, loginId: string): Promise<string> {
  const [row] = await tx
    .insert(users)
    .values({
      tenantId,
      kind: 'applicant',
      role: 'applicant',
      loginId,
      email: `${loginId}@example.jp`,
      displayName: loginId,
      passwordHash: 'not-a-real-hash',
      status: 'active',
    })
    .returning({ id: users.id });
  if (!row) throw new Error('no row');
  return row.id;
}

async function rejection(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return pgErrorCode(error) ?? String(error);
  }
  return 'resolved';
}

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = await createTenantFixture(db.owner, 'tenant-a');
  tenantB = await createTenantFixture(db.owner, 'tenant-b');
  userA = await withTenant(db.app, tenantA.id, (tx) => insertUser(tx, tenantA.id, 'user-a'));
  userB = await withTenant(db.app, tenantB.id, (tx) => insertUser(tx, tenantB.id, 'user-b'));
  await withTenant(db.app, tenantB.id, (tx) =>
    tx
      .insert(sessions)
      .values({ id: 'b'.repeat(64), tenantId: tenantB.id, userId: userB, app: 'portal', expiresAt: new Date(Date.now() + 3_600_000) }),
  );
});

afterAll(async () => {
  await db?.drop();
});

describe('row-level security for the app role (STYLE Tenancy, SPEC G2)', () => {
  it("shows only the current tenant's rows, even to a raw SQL query that names the other tenant", async () => {
    await withTenant(db.app, tenantA.id, async (tx) => {
      expect((await tx.select().from(users)).map((u) => u.id)).toEqual([userA]);
      expect(await tx.select().from(sessions)).toEqual([]);
      const raw = await queryRows<{ id: string }>(tx, sql`select id from users where tenant_id = ${tenantB.id}`);
      expect(raw).toEqual([]);
      const byId = await queryRows<{ id: string }>(tx, sql`select id from users where id = ${userB}`);
      expect(byId).toEqual([]);
    });
  });

  it("cannot update or delete another tenant's rows through raw SQL", async () => {
    await withTenant(db.app, tenantA.id, async (tx) => {
      await tx.execute(sql`update users set display_name = 'hijacked' where id = ${userB}`);
      await tx.execute(sql`delete from sessions where tenant_id = ${tenantB.id}`);
      await tx.execute(sql`delete from users where id = ${userB}`);
    });
    const [b] = await withTenant(db.app, tenantB.id, (tx) => tx.select().from(users).where(eq(users.id, userB)));
    expect(b?.displayName).toBe('user-b');
    expect(await withTenant(db.app, tenantB.id, (tx) => tx.select().from(sessions))).toHaveLength(1);
  });

  it("refuses to insert a row carrying another tenant's tenant_id", async () => {
    const code = await rejection(withTenant(db.app, tenantA.id, (tx) => insertUser(tx, tenantB.id, 'smuggled')));
    expect(code).toBe('42501');
    const rawCode = await rejection(
      withTenant(db.app, tenantA.id, (tx) =>
        tx.execute(
          sql`insert into users (tenant_id, kind, role, email, display_name, password_hash, status)
              values (${tenantB.id}, 'staff', 'secretariat', 'raw@example.jp', 'raw', 'x', 'active')`,
        ),
      ),
    );
    expect(rawCode).toBe('42501');
  });

  it('refuses to move an own row into another tenant', async () => {
    const code = await rejection(
      withTenant(db.app, tenantA.id, (tx) => tx.execute(sql`update users set tenant_id = ${tenantB.id} where id = ${userA}`)),
    );
    expect(code).toBe('42501');
  });

  it('sees no rows outside withTenant, without an error', async () => {
    expect(await db.app.db.select().from(users)).toEqual([]);
    expect(await db.app.db.select().from(tenants)).toEqual([]);
    expect(await queryRows(db.app.db, sql`select * from sessions`)).toEqual([]);
  });

  it('does not carry the tenant of one transaction into the next query on the pooled connection', async () => {
    for (let i = 0; i < 8; i++) {
      await withTenant(db.app, tenantA.id, (tx) => tx.select().from(users));
    }
    const settings = await Promise.all(
      Array.from({ length: 8 }, () =>
        queryRows<{ tenant: string | null }>(db.app.db, sql`select current_setting('app.tenant_id', true) as tenant`),
      ),
    );
    for (const [row] of settings) expect(row?.tenant ?? '').toBe('');
  });

  it('refuses a session that references a user of another tenant (FK on (tenant_id, user_id))', async () => {
    const code = await rejection(
      withTenant(db.app, tenantA.id, (tx) =>
        tx
          .insert(sessions)
          .values({ id: 'a'.repeat(64), tenantId: tenantA.id, userId: userB, app: 'portal', expiresAt: new Date(Date.now() + 60_000) }),
      ),
    );
    expect(code).toBe('23503');
  });

  it('lets the app role read only its own tenant row and not change where a tenant is served', async () => {
    await withTenant(db.app, tenantA.id, async (tx) => {
      expect((await tx.select().from(tenants)).map((t) => t.slug)).toEqual(['tenant-a']);
      expect(await queryRows(tx, sql`select * from tenants where slug = 'tenant-b'`)).toEqual([]);
      await tx.update(tenants).set({ nameEn: 'Renamed council' }).where(eq(tenants.id, tenantA.id));
    });
    const denied = await rejection(
      withTenant(db.app, tenantA.id, (tx) =>
        tx
          .update(tenants)
          .set({ allowedHosts: ['evil.example'] })
          .where(eq(tenants.id, tenantA.id)),
      ),
    );
    expect(denied).toBe('42501');
    const cannotCreate = await rejection(
      withTenant(db.app, tenantA.id, (tx) =>
        tx.insert(tenants).values({ id: tenantA.id, slug: 'another', nameJa: 'x', nameEn: 'x', publicOrigin: 'https://x.example' }),
      ),
    );
    expect(cannotCreate).toBe('42501');
  });

  it('keeps the audit trail append-only for the app role', async () => {
    await withTenant(db.app, tenantA.id, (tx) =>
      tx
        .insert(auditEvents)
        .values({ tenantId: tenantA.id, actorUserId: userA, action: 'user.sign_in', targetType: 'user', targetId: userA }),
    );
    expect(await rejection(withTenant(db.app, tenantA.id, (tx) => tx.delete(auditEvents)))).toBe('42501');
    expect(await rejection(withTenant(db.app, tenantA.id, (tx) => tx.update(auditEvents).set({ action: 'x' })))).toBe('42501');
    const audit = await rejection(
      withTenant(db.app, tenantA.id, (tx) =>
        tx.insert(auditEvents).values({ tenantId: tenantA.id, actorUserId: userB, action: 'x', targetType: 'user' }),
      ),
    );
    expect(audit).toBe('23503');
  });

  it('rejects a tenant id that is not a uuid before touching the database', async () => {
    await expect(withTenant(db.app, "' or true --", async () => 1)).rejects.toThrow(/uuid/);
    await expect(withTenant(db.app, '', async () => 1)).rejects.toThrow(/uuid/);
  });
});
