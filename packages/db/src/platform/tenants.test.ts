import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../database';
import { tenantConfigVersions, tenants } from '../schema';
import { seedDemoTenants } from '../seed/demo-tenants';
import { withTenant } from '../tenant-transaction';
import { createTenantFixture, createTestDatabase, type TestDatabase } from '../testing';
import { unsafeFindTenantByHost, unsafeFindTenantBySlug } from './tenant-lookup';
import type { TenantRecord } from './tenant-record';
import { TenantConflictError, unsafeCreateTenant, unsafeListTenants } from './tenants';

let db: TestDatabase;
let kaigo: TenantRecord;
let gaishoku: TenantRecord;

const seedOptions = {
  publicOriginFor: (slug: string) => `http://localhost:3000/t/${slug}/`,
  allowedHostsFor: (slug: string) => [`${slug}.kyogikai.test`, `${slug.toUpperCase()}.Example.JP`],
};

beforeAll(async () => {
  db = await createTestDatabase();
  [kaigo, gaishoku] = (await seedDemoTenants(db.owner, seedOptions)) as [TenantRecord, TenantRecord];
});

afterAll(async () => {
  await db?.drop();
});

describe('demo councils (SPEC B4c, G2)', () => {
  it('seeds the care council with the six per-worker PDFs and a visibly different second council', () => {
    expect(kaigo.slug).toBe('kaigo');
    expect(kaigo.nameJa).toBe('介護分野における特定技能協議会');
    expect(kaigo.config.issuer.ja).toBe('厚生労働省');
    expect(kaigo.publicOrigin).toBe('http://localhost:3000/t/kaigo');
    const docs = kaigo.config.requiredDocuments;
    expect(docs).toHaveLength(6);
    expect(docs.every((d) => d.scope === 'worker' && d.maxBytes === 10 * 1024 * 1024)).toBe(true);
    expect(docs.map((d) => d.nameJa)).toContain('雇用条件書（参考様式第1-6号）');
    const residenceCard = docs.find((d) => d.key === 'residence-card');
    expect(residenceCard?.required).toBe(false);
    expect(residenceCard?.noteJa).toBeTruthy();

    expect(gaishoku.slug).toBe('gaishoku');
    expect(gaishoku.config.issuer.ja).toBe('農林水産省');
    expect(gaishoku.config.approvalSteps).not.toBe(kaigo.config.approvalSteps);
    expect(gaishoku.config.requiredDocuments.map((d) => d.key)).not.toEqual(docs.map((d) => d.key));
  });

  it('is idempotent: seeding again returns the same tenants and creates nothing', async () => {
    const again = await seedDemoTenants(db.owner, seedOptions);
    expect(again.map((t) => t.id)).toEqual([kaigo.id, gaishoku.id]);
    expect((await unsafeListTenants(db.owner)).map((t) => t.slug)).toEqual(['gaishoku', 'kaigo']);
  });
});

describe('operator tenant creation', () => {
  it('records the initial configuration as version 1 of the tenant history', async () => {
    const created = await createTenantFixture(db.owner);
    const history = await db.owner.db.select().from(tenantConfigVersions).where(eq(tenantConfigVersions.tenantId, created.id));
    expect(history).toEqual([
      {
        tenantId: created.id,
        version: 1,
        config: created.config,
        createdAt: expect.any(Date),
        createdBy: 'operator',
        note: 'create-tenant',
      },
    ]);
  });

  it('refuses a duplicate slug with a clear error', async () => {
    const error = await unsafeCreateTenant(db.owner, { ...kaigo, allowedHosts: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantConflictError);
    expect((error as Error).message).toBe('a tenant with slug "kaigo" already exists');
  });

  it('refuses a host that already resolves to another tenant, whatever its case', async () => {
    const error = await unsafeCreateTenant(db.owner, { ...kaigo, slug: 'kaigo-two', allowedHosts: ['Kaigo.Kyogikai.Test'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TenantConflictError);
    expect((error as TenantConflictError).field).toBe('allowedHosts');
  });

  it('refuses an invalid slug or config before writing', async () => {
    await expect(unsafeCreateTenant(db.owner, { ...kaigo, slug: 'Kaigo' })).rejects.toThrow(/slug/);
    await expect(
      unsafeCreateTenant(db.owner, { ...kaigo, slug: 'broken', config: { ...kaigo.config, version: 2 as 1 } }),
    ).rejects.toThrow();
    expect((await unsafeListTenants(db.owner)).map((t) => t.slug)).not.toContain('broken');
  });
});

describe('tenant resolution from the app role (STYLE Tenancy: narrow SECURITY DEFINER lookups)', () => {
  it('finds a tenant by host, case-insensitively, with its public fields and parsed config', async () => {
    const found = await unsafeFindTenantByHost(db.app, 'KAIGO.kyogikai.test');
    expect(found).toEqual(kaigo);
    expect((await unsafeFindTenantByHost(db.app, 'gaishoku.example.jp'))?.id).toBe(gaishoku.id);
    expect(await unsafeFindTenantByHost(db.app, 'unknown.example.jp')).toBeNull();
  });

  it('finds a tenant by slug', async () => {
    expect(await unsafeFindTenantBySlug(db.app, 'gaishoku')).toEqual(gaishoku);
    expect(await unsafeFindTenantBySlug(db.app, 'nope')).toBeNull();
  });

  it('does not let the app role read the tenants table across tenants directly', async () => {
    expect(await queryRows(db.app.db, sql`select slug from tenants`)).toEqual([]);
    const inKaigo = await withTenant(db.app, kaigo.id, (tx) => queryRows<{ slug: string }>(tx, sql`select slug from tenants`));
    expect(inKaigo).toEqual([{ slug: 'kaigo' }]);
  });

  it('refuses to resolve a host that two tenants claim instead of picking one', async () => {
    const other = await createTenantFixture(db.owner);
    await db.owner.db
      .update(tenants)
      .set({ allowedHosts: ['shared.example.jp'] })
      .where(inArray(tenants.id, [other.id, gaishoku.id]));
    try {
      await expect(unsafeFindTenantByHost(db.app, 'shared.example.jp')).rejects.toThrow(/more than one tenant/);
    } finally {
      await db.owner.db.update(tenants).set({ allowedHosts: gaishoku.allowedHosts }).where(eq(tenants.id, gaishoku.id));
    }
  });

  it('keeps the lookup functions closed to roles other than kyogikai_app', async () => {
    const rows = await queryRows<{ proname: string; public_can_execute: boolean; owner: string; definer: boolean; config: string[] }>(
      db.owner.db,
      sql`select p.proname::text, pg_get_userbyid(p.proowner)::text as owner, p.prosecdef as definer, p.proconfig as config,
                 exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_can_execute
            from pg_proc p where p.proname like 'unsafe_find_tenant_by_%' order by 1`,
    );
    expect(rows).toEqual([
      {
        proname: 'unsafe_find_tenant_by_host',
        owner: 'kyogikai_platform',
        definer: true,
        config: ['search_path=public, pg_temp'],
        public_can_execute: false,
      },
      {
        proname: 'unsafe_find_tenant_by_slug',
        owner: 'kyogikai_platform',
        definer: true,
        config: ['search_path=public, pg_temp'],
        public_can_execute: false,
      },
    ]);
  });
});
