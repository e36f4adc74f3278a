import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPgliteDatabase, queryRows, runMigrations, switchPgliteToAppRole } from './database';
import { unsafeListPendingOutbox, unsafeMarkOutboxEnqueued } from './platform/outbox-relay';
import { unsafeFindTenantByHost, unsafeFindTenantBySlug } from './platform/tenant-lookup';
import type { TenantRecord } from './platform/tenant-record';
import { assertSafeAppRole } from './role-safety';
import { insertOutboxMail } from './queries/outbox';
import { establishments, organisations, users } from './schema';
import { withOrganisation, withTenant } from './tenant-transaction';
import { createOrganisationFixture, createTenantFixture, type OrganisationFixture } from './testing';

// Embedded mode: the same migrations folder on PGlite, in memory. One PGlite costs seconds and
// hundreds of MB, so the whole file shares one.

let owner: Database;
let app: Database;
let tenantA: TenantRecord;
let tenantB: TenantRecord;
let orgA1: OrganisationFixture;
let orgA2: OrganisationFixture;

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
  orgA1 = await createOrganisationFixture(owner, tenantA.id, { corporateName: '株式会社一' });
  orgA2 = await createOrganisationFixture(owner, tenantA.id, { corporateName: '株式会社二' });
  app = await switchPgliteToAppRole(owner);
  for (const org of [orgA1, orgA2]) {
    await withOrganisation(app, tenantA.id, org.organisationId, (tx) =>
      tx.insert(establishments).values({ tenantId: tenantA.id, organisationId: org.organisationId, name: `事業所 ${org.organisationId}` }),
    );
  }
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
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((u) => u.tenantId))).toEqual(new Set([tenantA.id]));
    const raw = await withTenant(app, tenantA.id, (tx) => queryRows(tx, sql`select * from users where tenant_id = ${tenantB.id}`));
    expect(raw).toEqual([]);
    await withTenant(app, tenantA.id, (tx) => tx.update(users).set({ displayName: 'hijacked' }).where(eq(users.tenantId, tenantB.id)));
    const [b] = await withTenant(app, tenantB.id, (tx) => tx.select().from(users));
    expect(b?.displayName).toBe('事務局 pglite-b');
    expect(await app.db.select().from(users)).toEqual([]);
  });

  it("hides another organisation's rows under withOrganisation, and shows both under withTenant", async () => {
    const seen = await withOrganisation(app, tenantA.id, orgA1.organisationId, async (tx) => ({
      organisations: (await tx.select({ id: organisations.id }).from(organisations)).map((r) => r.id),
      establishments: (await queryRows<{ o: string }>(tx, sql`select organisation_id as o from establishments`)).map((r) => r.o),
    }));
    expect(seen).toEqual({ organisations: [orgA1.organisationId], establishments: [orgA1.organisationId] });
    const all = await withTenant(app, tenantA.id, (tx) => tx.select({ id: organisations.id }).from(organisations));
    expect(all).toHaveLength(2);
  });

  it('relays the outbox through the SECURITY DEFINER functions', async () => {
    const { id } = await withTenant(app, tenantB.id, (tx) =>
      insertOutboxMail(tx, { tenantId: tenantB.id, to: 'x@example.jp', template: 'application-received', props: {} }),
    );
    expect((await unsafeListPendingOutbox(app, 10)).map((m) => m.id)).toEqual([id]);
    expect(await unsafeMarkOutboxEnqueued(app, [id])).toBe(1);
    expect(await queryRows(app.db, sql`select * from outbox_messages`)).toEqual([]);
  });

  it('resolves tenants by host and slug through the SECURITY DEFINER functions', async () => {
    expect((await unsafeFindTenantByHost(app, 'PGLITE-A.kyogikai.test'))?.id).toBe(tenantA.id);
    expect(await unsafeFindTenantBySlug(app, 'pglite-b')).toEqual(tenantB);
  });
});
