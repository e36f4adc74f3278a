import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type TenantTx } from './database';
import { pgErrorCode } from './errors';
import type { TenantRecord } from './platform/tenant-record';
import { recordAudit } from './queries/audit';
import { findActiveMembership, listMembershipsOfUser } from './queries/memberships';
import {
  applications,
  auditEvents,
  certificates,
  changeItems,
  changeRequests,
  documents,
  establishments,
  organisationInvitations,
  organisationMemberships,
  organisations,
  reissueRequests,
  sessions,
  workerEstablishments,
  workers,
} from './schema';
import { withOrganisation, withTenant } from './tenant-transaction';
import { createOrganisationFixture, createTenantFixture, createTestDatabase, type OrganisationFixture, type TestDatabase } from './testing';

// Organisation-level row-level security (issue 3 item 1, STYLE Tenancy), as kyogikai_app on real
// PostgreSQL: organisation A of a tenant cannot read or change organisation B's rows, whatever
// the query says, while staff work (withTenant) sees the whole tenant.

/** Every organisation-owned table and the column its policy compares with app.organisation_id. */
const ORGANISATION_TABLES = [
  ['organisations', 'id'],
  ['organisation_memberships', 'organisation_id'],
  ['organisation_invitations', 'organisation_id'],
  ['establishments', 'organisation_id'],
  ['workers', 'organisation_id'],
  ['worker_establishments', 'organisation_id'],
  ['documents', 'organisation_id'],
  ['applications', 'organisation_id'],
  ['change_requests', 'organisation_id'],
  ['change_items', 'organisation_id'],
  ['certificates', 'organisation_id'],
  ['reissue_requests', 'organisation_id'],
] as const;

/** Tables the app role may DELETE from (the others keep their rows as a record). */
const DELETABLE = new Set(['establishments', 'workers', 'worker_establishments', 'documents', 'change_requests', 'change_items']);

type Graph = {
  organisationId: string;
  userId: string;
  establishmentId: string;
  workerId: string;
  documentId: string;
  applicationId: string;
  changeRequestId: string;
  changeItemId: string;
  certificateId: string;
  membershipNumber: string;
  reissueRequestId: string;
};

let db: TestDatabase;
let tenant: TenantRecord;
let otherTenant: TenantRecord;
let a: Graph;
let b: Graph;
let inOtherTenant: Graph;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return pgErrorCode(error) ?? String(error);
  }
  return 'resolved';
}

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('expected a row');
  return row;
}

/** What an applicant builds through the portal, then what staff add on approval. */
async function seedGraph(t: TenantRecord, fixture: OrganisationFixture): Promise<Graph> {
  const { organisationId, userId } = fixture;
  const tenantId = t.id;
  const applicantPart = await withOrganisation(db.app, tenantId, organisationId, async (tx) => {
    const establishment = one(
      await tx
        .insert(establishments)
        .values({ tenantId, organisationId, name: 'さくら苑', postalCode: '1040061', extra: { serviceType: 'tokuyou' } })
        .returning(),
    );
    const worker = one(
      await tx.insert(workers).values({ tenantId, organisationId, nameLatin: 'NGUYEN VAN A', nationality: 'VN' }).returning(),
    );
    await tx.insert(workerEstablishments).values({ tenantId, organisationId, workerId: worker.id, establishmentId: establishment.id });
    const document = one(
      await tx
        .insert(documents)
        .values({
          tenantId,
          organisationId,
          scope: 'worker',
          workerId: worker.id,
          documentKey: 'employment-conditions',
          fileName: '雇用条件書.pdf',
          objectKey: `${tenantId}/${organisationId}/${randomBytes(8).toString('hex')}`,
          byteSize: 1234,
          sha256: sha256('pdf'),
          contentType: 'application/pdf',
          uploadedByUserId: userId,
        })
        .returning(),
    );
    const application = one(await tx.insert(applications).values({ tenantId, organisationId }).returning());
    await tx.insert(organisationInvitations).values({
      tenantId,
      organisationId,
      email: `invitee-${randomBytes(3).toString('hex')}@example.jp`,
      role: 'support_organisation',
      tokenHash: sha256(randomBytes(16).toString('hex')),
      invitedByUserId: userId,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const changeRequest = one(await tx.insert(changeRequests).values({ tenantId, organisationId, createdByUserId: userId }).returning());
    const changeItem = one(
      await tx
        .insert(changeItems)
        .values({
          tenantId,
          organisationId,
          changeRequestId: changeRequest.id,
          kind: 'establishment_edit',
          entityType: 'establishment',
          entityId: establishment.id,
          proposed: { name: 'さくら苑（新）' },
          baseVersion: establishment.version,
        })
        .returning(),
    );
    return { establishment, worker, document, application, changeRequest, changeItem };
  });
  const membershipNumber = `M-${randomBytes(3).toString('hex')}`;
  const certificate = await withTenant(db.app, tenantId, async (tx) => {
    await tx
      .update(organisations)
      .set({ membershipState: 'active', membershipNumber, joinedAt: new Date() })
      .where(eq(organisations.id, organisationId));
    return one(
      await tx
        .insert(certificates)
        .values({
          tenantId,
          organisationId,
          membershipNumber,
          issueNumber: 1,
          verificationCodeHash: sha256(randomBytes(16).toString('hex')),
          fields: { corporateName: '株式会社テスト' },
        })
        .returning(),
    );
  });
  const reissue = await withOrganisation(db.app, tenantId, organisationId, async (tx) =>
    one(
      await tx
        .insert(reissueRequests)
        .values({ tenantId, organisationId, certificateId: certificate.id, reason: '紛失', requestedByUserId: userId })
        .returning(),
    ),
  );
  return {
    organisationId,
    userId,
    establishmentId: applicantPart.establishment.id,
    workerId: applicantPart.worker.id,
    documentId: applicantPart.document.id,
    applicationId: applicantPart.application.id,
    changeRequestId: applicantPart.changeRequest.id,
    changeItemId: applicantPart.changeItem.id,
    certificateId: certificate.id,
    membershipNumber,
    reissueRequestId: reissue.id,
  };
}

async function organisationIdsIn(tx: TenantTx, table: string, column: string): Promise<string[]> {
  const rows = await queryRows<{ org: string }>(
    tx,
    sql`select distinct ${sql.identifier(column)}::text as org from ${sql.identifier(table)}`,
  );
  return rows.map((r) => r.org).sort();
}

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db.owner);
  otherTenant = await createTenantFixture(db.owner);
  a = await seedGraph(tenant, await createOrganisationFixture(db.app, tenant.id, { corporateName: '株式会社Ａ' }));
  b = await seedGraph(tenant, await createOrganisationFixture(db.app, tenant.id, { corporateName: '株式会社Ｂ' }));
  inOtherTenant = await seedGraph(otherTenant, await createOrganisationFixture(db.app, otherTenant.id));
});

afterAll(async () => {
  await db?.drop();
});

describe('organisation-level row-level security (issue 3 item 1)', () => {
  it('shows organisation A only its own rows in every organisation-owned table, even to raw SQL naming B', async () => {
    await withOrganisation(db.app, tenant.id, a.organisationId, async (tx) => {
      for (const [table, column] of ORGANISATION_TABLES) {
        expect(await organisationIdsIn(tx, table, column), table).toEqual([a.organisationId]);
        const named = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${b.organisationId}`,
        );
        expect(named, table).toEqual([{ n: 0 }]);
      }
      expect(await tx.select().from(workers).where(eq(workers.id, b.workerId))).toEqual([]);
      expect(await tx.select().from(documents).where(eq(documents.id, b.documentId))).toEqual([]);
    });
  });

  it('shows staff work (withTenant) every organisation of the tenant, and none of another tenant', async () => {
    await withTenant(db.app, tenant.id, async (tx) => {
      for (const [table, column] of ORGANISATION_TABLES) {
        expect(await organisationIdsIn(tx, table, column), table).toEqual([a.organisationId, b.organisationId].sort());
      }
    });
  });

  it("cannot update or delete organisation B's rows from organisation A", async () => {
    await withOrganisation(db.app, tenant.id, a.organisationId, async (tx) => {
      for (const [table, column] of ORGANISATION_TABLES) {
        const updated = await queryRows(
          tx,
          sql`update ${sql.identifier(table)} set tenant_id = tenant_id where ${sql.identifier(column)} = ${b.organisationId} returning 1`,
        );
        expect(updated, table).toEqual([]);
        if (DELETABLE.has(table)) {
          const deleted = await queryRows(
            tx,
            sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${b.organisationId} returning 1`,
          );
          expect(deleted, table).toEqual([]);
        }
      }
      await tx.update(workers).set({ nameLatin: 'HIJACKED' }).where(eq(workers.id, b.workerId));
    });
    await withTenant(db.app, tenant.id, async (tx) => {
      const [worker] = await tx.select().from(workers).where(eq(workers.id, b.workerId));
      expect(worker?.nameLatin).toBe('NGUYEN VAN A');
      expect(worker?.version).toBe(1);
      for (const [table, column] of ORGANISATION_TABLES) {
        expect(await organisationIdsIn(tx, table, column), table).toContain(b.organisationId);
      }
    });
  });

  it('refuses to insert a row for organisation B, or move an own row to B, from organisation A', async () => {
    const asA = <T>(fn: (tx: TenantTx) => Promise<T>) => withOrganisation(db.app, tenant.id, a.organisationId, fn);
    expect(
      await rejection(asA((tx) => tx.insert(establishments).values({ tenantId: tenant.id, organisationId: b.organisationId, name: 'x' }))),
    ).toBe('42501');
    expect(
      await rejection(
        asA((tx) =>
          tx.execute(
            sql`insert into workers (tenant_id, organisation_id, name_latin, nationality) values (${tenant.id}, ${b.organisationId}, 'X', 'PH')`,
          ),
        ),
      ),
    ).toBe('42501');
    expect(
      await rejection(
        asA((tx) => tx.insert(changeRequests).values({ tenantId: tenant.id, organisationId: b.organisationId, createdByUserId: a.userId })),
      ),
    ).toBe('42501');
    expect(
      await rejection(
        asA((tx) =>
          tx
            .insert(organisationMemberships)
            .values({ tenantId: tenant.id, organisationId: b.organisationId, userId: a.userId, role: 'org_admin' }),
        ),
      ),
    ).toBe('42501');
    expect(await rejection(asA((tx) => tx.insert(organisations).values({ tenantId: tenant.id, corporateName: '新法人' })))).toBe('42501');
    expect(
      await rejection(
        asA((tx) => tx.execute(sql`update establishments set organisation_id = ${b.organisationId} where id = ${a.establishmentId}`)),
      ),
    ).toBe('42501');
  });

  it('sees no organisation rows when no organisation and no tenant-wide scope is set (the safe default)', async () => {
    const rows = await db.app.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${tenant.id}, true)`);
      const counts: Record<string, number> = {};
      for (const [table] of ORGANISATION_TABLES) {
        const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`);
        counts[table] = row?.n ?? -1;
      }
      const [users] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from users`);
      return { counts, users: users?.n };
    });
    expect(Object.values(rows.counts).every((n) => n === 0)).toBe(true);
    expect(rows.users).toBeGreaterThan(0); // tenant-level tables keep the tenant-only policy
  });

  it('shows nothing through withOrganisation with an organisation of another tenant', async () => {
    await withOrganisation(db.app, tenant.id, inOtherTenant.organisationId, async (tx) => {
      for (const [table, column] of ORGANISATION_TABLES) expect(await organisationIdsIn(tx, table, column), table).toEqual([]);
    });
  });

  it('does not carry the scope or organisation of one transaction into the next query on the pooled connection', async () => {
    for (let i = 0; i < 8; i++) await withOrganisation(db.app, tenant.id, a.organisationId, (tx) => tx.select().from(workers));
    const settings = await Promise.all(
      Array.from({ length: 8 }, () =>
        queryRows<{ scope: string | null; org: string | null }>(
          db.app.db,
          sql`select current_setting('app.scope', true) as scope, current_setting('app.organisation_id', true) as org`,
        ),
      ),
    );
    for (const [row] of settings) expect([row?.scope ?? '', row?.org ?? '']).toEqual(['', '']);
  });

  it('rejects ids that are not uuids before touching the database', async () => {
    await expect(withOrganisation(db.app, tenant.id, "' or true --", async () => 1)).rejects.toThrow(/uuid/);
    await expect(withOrganisation(db.app, 'nope', a.organisationId, async () => 1)).rejects.toThrow(/uuid/);
  });
});

describe('foreign keys that carry the organisation (no cross-organisation pointers, even for staff)', () => {
  const asStaff = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(db.app, tenant.id, fn);

  it("refuses to link a worker to another organisation's establishment", async () => {
    expect(
      await rejection(
        asStaff((tx) =>
          tx
            .insert(workerEstablishments)
            .values({ tenantId: tenant.id, organisationId: a.organisationId, workerId: a.workerId, establishmentId: b.establishmentId }),
        ),
      ),
    ).toBe('23503');
    expect(
      await rejection(
        asStaff((tx) =>
          tx
            .insert(workerEstablishments)
            .values({ tenantId: tenant.id, organisationId: b.organisationId, workerId: a.workerId, establishmentId: b.establishmentId }),
        ),
      ),
    ).toBe('23503');
  });

  it("refuses a change item on another organisation's change request, worker or establishment", async () => {
    const item = { tenantId: tenant.id, organisationId: a.organisationId, proposed: {} };
    expect(
      await rejection(
        asStaff((tx) =>
          tx
            .insert(changeItems)
            .values({ ...item, changeRequestId: b.changeRequestId, kind: 'other', entityType: 'organisation', entityId: a.organisationId }),
        ),
      ),
    ).toBe('23503');
    expect(
      await rejection(
        asStaff((tx) =>
          tx.insert(changeItems).values({
            ...item,
            changeRequestId: a.changeRequestId,
            kind: 'other',
            entityType: 'worker',
            entityId: b.workerId,
            baseVersion: 1,
          }),
        ),
      ),
    ).toBe('23503');
    expect(
      await rejection(
        asStaff((tx) =>
          tx.insert(changeItems).values({
            ...item,
            changeRequestId: a.changeRequestId,
            kind: 'establishment_edit',
            entityType: 'establishment',
            entityId: b.establishmentId,
            baseVersion: 1,
          }),
        ),
      ),
    ).toBe('23503');
    expect(
      await rejection(
        asStaff((tx) =>
          tx.insert(changeItems).values({
            ...item,
            changeRequestId: a.changeRequestId,
            kind: 'certificate_items',
            entityType: 'organisation',
            entityId: b.organisationId,
          }),
        ),
      ),
    ).toBe('23514');
  });

  it("refuses a document of another organisation's worker, and a reissue of another organisation's certificate", async () => {
    expect(
      await rejection(
        asStaff((tx) =>
          tx.insert(documents).values({
            tenantId: tenant.id,
            organisationId: a.organisationId,
            scope: 'worker',
            workerId: b.workerId,
            documentKey: 'support-plan',
            fileName: 'plan.pdf',
            objectKey: `x/${randomBytes(8).toString('hex')}`,
            byteSize: 1,
            sha256: sha256('x'),
            contentType: 'application/pdf',
            uploadedByUserId: a.userId,
          }),
        ),
      ),
    ).toBe('23503');
    expect(
      await rejection(
        asStaff((tx) =>
          tx.insert(reissueRequests).values({
            tenantId: tenant.id,
            organisationId: a.organisationId,
            certificateId: b.certificateId,
            // Not 'requested': the one-open-request index would refuse it before the foreign key is checked.
            state: 'declined',
            reason: 'x',
            requestedByUserId: a.userId,
          }),
        ),
      ),
    ).toBe('23503');
  });

  it("refuses a certificate printing another membership number than the organisation's", async () => {
    const code = await rejection(
      asStaff((tx) =>
        tx.insert(certificates).values({
          tenantId: tenant.id,
          organisationId: a.organisationId,
          membershipNumber: b.membershipNumber,
          issueNumber: 9,
          // Not valid: the one-valid-certificate index would refuse it before the foreign key is checked.
          state: 'revoked',
          revokedAt: new Date(),
          verificationCodeHash: sha256('other'),
          fields: {},
        }),
      ),
    );
    expect(code).toBe('23503');
  });

  it('refuses a session acting for an organisation of another tenant', async () => {
    const code = await rejection(
      asStaff((tx) =>
        tx.insert(sessions).values({
          id: randomBytes(32).toString('hex'),
          tenantId: tenant.id,
          userId: a.userId,
          app: 'portal',
          expiresAt: new Date(Date.now() + 60_000),
          actingOrganisationId: inOtherTenant.organisationId,
        }),
      ),
    );
    expect(code).toBe('23503');
  });
});

describe('constraints the state machines rely on', () => {
  const asA = <T>(fn: (tx: TenantTx) => Promise<T>) => withOrganisation(db.app, tenant.id, a.organisationId, fn);

  it('allows one application in progress per organisation, and a new one after a final state', async () => {
    expect(await rejection(asA((tx) => tx.insert(applications).values({ tenantId: tenant.id, organisationId: a.organisationId })))).toBe(
      '23505',
    );
    const fresh = await createOrganisationFixture(db.app, tenant.id);
    await withOrganisation(db.app, tenant.id, fresh.organisationId, async (tx) => {
      const first = one(await tx.insert(applications).values({ tenantId: tenant.id, organisationId: fresh.organisationId }).returning());
      await tx.update(applications).set({ state: 'withdrawn' }).where(eq(applications.id, first.id));
      await tx.insert(applications).values({ tenantId: tenant.id, organisationId: fresh.organisationId });
    });
  });

  it('allows one valid certificate per organisation and one per issue number', async () => {
    const next = { tenantId: tenant.id, organisationId: a.organisationId, membershipNumber: a.membershipNumber, fields: {} };
    expect(
      await rejection(
        withTenant(db.app, tenant.id, (tx) =>
          tx.insert(certificates).values({ ...next, issueNumber: 2, verificationCodeHash: sha256('2') }),
        ),
      ),
    ).toBe('23505');
    expect(
      await rejection(
        withTenant(db.app, tenant.id, (tx) =>
          tx
            .insert(certificates)
            .values({ ...next, issueNumber: 1, state: 'revoked', revokedAt: new Date(), verificationCodeHash: sha256('1b') }),
        ),
      ),
    ).toBe('23505');
  });

  it('allows one active membership per user and organisation, one open reissue request and one change-request draft', async () => {
    expect(
      await rejection(
        asA((tx) =>
          tx
            .insert(organisationMemberships)
            .values({ tenantId: tenant.id, organisationId: a.organisationId, userId: a.userId, role: 'viewer' }),
        ),
      ),
    ).toBe('23505');
    expect(
      await rejection(
        asA((tx) =>
          tx.insert(reissueRequests).values({
            tenantId: tenant.id,
            organisationId: a.organisationId,
            certificateId: a.certificateId,
            reason: 'x',
            requestedByUserId: a.userId,
          }),
        ),
      ),
    ).toBe('23505');
    expect(
      await rejection(
        asA((tx) => tx.insert(changeRequests).values({ tenantId: tenant.id, organisationId: a.organisationId, createdByUserId: a.userId })),
      ),
    ).toBe('23505');
  });

  it('keeps one current file per required document slot, any number of named other files, and a scope that matches its target', async () => {
    const base = {
      tenantId: tenant.id,
      organisationId: a.organisationId,
      byteSize: 10,
      fileName: 'y.pdf',
      sha256: sha256('y'),
      contentType: 'application/pdf',
      uploadedByUserId: a.userId,
    };
    const key = () => `${tenant.id}/${a.organisationId}/${randomBytes(8).toString('hex')}`;
    expect(
      await rejection(
        asA((tx) =>
          tx
            .insert(documents)
            .values({ ...base, scope: 'worker', workerId: a.workerId, documentKey: 'employment-conditions', objectKey: key() }),
        ),
      ),
    ).toBe('23505');
    await asA(async (tx) => {
      await tx.update(documents).set({ replacedAt: new Date() }).where(eq(documents.id, a.documentId));
      await tx
        .insert(documents)
        .values({ ...base, scope: 'worker', workerId: a.workerId, documentKey: 'employment-conditions', objectKey: key() });
      for (const name of ['雇用契約書', '雇用契約書']) {
        await tx
          .insert(documents)
          .values({ ...base, scope: 'worker', workerId: a.workerId, documentKey: 'other', customName: name, objectKey: key() });
      }
    });
    expect(
      await rejection(
        asA((tx) =>
          tx.insert(documents).values({ ...base, scope: 'worker', workerId: a.workerId, documentKey: 'other', objectKey: key() }),
        ),
      ),
    ).toBe('23514');
    expect(
      await rejection(
        asA((tx) =>
          tx
            .insert(documents)
            .values({ ...base, scope: 'establishment', workerId: a.workerId, documentKey: 'support-plan', objectKey: key() }),
        ),
      ),
    ).toBe('23514');
    expect(
      await rejection(
        asA((tx) => tx.insert(documents).values({ ...base, scope: 'worker', documentKey: 'support-plan', objectKey: key() })),
      ),
    ).toBe('23514');
  });

  it('stores states only from the domain lists', async () => {
    expect(await rejection(asA((tx) => tx.execute(sql`update applications set state = 'lost' where id = ${a.applicationId}`)))).toBe(
      '23514',
    );
    expect(
      await rejection(
        asA((tx) => tx.execute(sql`update organisation_memberships set role = 'owner' where organisation_id = ${a.organisationId}`)),
      ),
    ).toBe('23514');
  });
});

describe('optimistic concurrency (version on everything a user edits)', () => {
  it('bumps version and updated_at on every update, so a save based on a stale version changes nothing', async () => {
    await withOrganisation(db.app, tenant.id, a.organisationId, async (tx) => {
      const before = one(await tx.select().from(establishments).where(eq(establishments.id, a.establishmentId)));
      const saved = await tx
        .update(establishments)
        .set({ phone: '03-1234-5678' })
        .where(and(eq(establishments.id, a.establishmentId), eq(establishments.version, before.version)))
        .returning({ version: establishments.version, updatedAt: establishments.updatedAt });
      expect(saved).toEqual([{ version: before.version + 1, updatedAt: expect.any(Date) }]);
      const stale = await tx
        .update(establishments)
        .set({ phone: '03-0000-0000' })
        .where(and(eq(establishments.id, a.establishmentId), eq(establishments.version, before.version)))
        .returning({ version: establishments.version });
      expect(stale).toEqual([]);
      // Even a statement that sets version itself cannot move it anywhere but forward by one.
      const forced = await tx.update(establishments).set({ version: 1 }).where(eq(establishments.id, a.establishmentId)).returning();
      expect(forced[0]?.version).toBe(before.version + 2);
    });
  });

  it('keeps the approved value in the entity row while a change item proposes another (ADR 013)', async () => {
    await withOrganisation(db.app, tenant.id, a.organisationId, async (tx) => {
      const [item] = await tx.select().from(changeItems).where(eq(changeItems.id, a.changeItemId));
      const [establishment] = await tx.select().from(establishments).where(eq(establishments.id, a.establishmentId));
      expect(item?.proposed).toEqual({ name: 'さくら苑（新）' });
      expect(establishment?.name).toBe('さくら苑');
      expect(item?.establishmentId).toBe(a.establishmentId);
      expect(item?.workerId).toBeNull();
    });
  });
});

describe('memberships and audit queries', () => {
  it('finds the active membership of a user in an organisation, and nothing once revoked', async () => {
    const viewer = await createOrganisationFixture(db.app, tenant.id, { role: 'viewer' });
    await withOrganisation(db.app, tenant.id, a.organisationId, async (tx) => {
      expect(await findActiveMembership(tx, a.userId, a.organisationId)).toEqual({ role: 'org_admin' });
      expect(await findActiveMembership(tx, a.userId, b.organisationId)).toBeNull();
      expect(await findActiveMembership(tx, viewer.userId, a.organisationId)).toBeNull();
    });
    // A user of organisation A asking for B's membership under B's scope: still nothing.
    await withOrganisation(db.app, tenant.id, b.organisationId, async (tx) => {
      expect(await findActiveMembership(tx, a.userId, b.organisationId)).toBeNull();
    });
    await withTenant(db.app, tenant.id, async (tx) => {
      await tx
        .update(organisationMemberships)
        .set({ status: 'revoked', revokedAt: new Date() })
        .where(eq(organisationMemberships.userId, viewer.userId));
      expect(await findActiveMembership(tx, viewer.userId, viewer.organisationId)).toBeNull();
    });
  });

  it('lists the organisations a user acts for (a support organisation serving two employers), by name', async () => {
    const support = await createOrganisationFixture(db.app, tenant.id, {
      corporateName: '登録支援機関ひまわり',
      role: 'support_organisation',
    });
    await withTenant(db.app, tenant.id, (tx) =>
      tx.insert(organisationMemberships).values([
        {
          tenantId: tenant.id,
          organisationId: b.organisationId,
          userId: support.userId,
          role: 'support_organisation',
          grantedByUserId: b.userId,
        },
        {
          tenantId: tenant.id,
          organisationId: a.organisationId,
          userId: support.userId,
          role: 'support_organisation',
          grantedByUserId: a.userId,
        },
      ]),
    );
    const listed = await withTenant(db.app, tenant.id, (tx) => listMembershipsOfUser(tx, support.userId));
    expect(listed).toEqual([
      { organisationId: a.organisationId, organisationName: '株式会社Ａ', role: 'support_organisation', membershipState: 'active' },
      { organisationId: b.organisationId, organisationName: '株式会社Ｂ', role: 'support_organisation', membershipState: 'active' },
      {
        organisationId: support.organisationId,
        organisationName: '登録支援機関ひまわり',
        role: 'support_organisation',
        membershipState: 'none',
      },
    ]);
    expect(await withTenant(db.app, otherTenant.id, (tx) => listMembershipsOfUser(tx, support.userId))).toEqual([]);
  });

  it('records an audit entry in the same transaction as the change, also from an applicant request', async () => {
    const { id } = await withOrganisation(db.app, tenant.id, a.organisationId, async (tx) => {
      await tx.update(applications).set({ state: 'submitted', submittedAt: new Date() }).where(eq(applications.id, a.applicationId));
      return recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: a.userId,
        action: 'application.submit',
        targetType: 'application',
        targetId: a.applicationId,
        before: { state: 'draft' },
        after: { state: 'submitted' },
        ip: '192.0.2.1',
      });
    });
    const [entry] = await withTenant(db.app, tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.id, id)));
    expect(entry).toMatchObject({
      actorUserId: a.userId,
      action: 'application.submit',
      targetId: a.applicationId,
      before: { state: 'draft' },
      after: { state: 'submitted' },
      ip: '192.0.2.1',
    });

    const rolledBack = await rejection(
      withTenant(db.app, tenant.id, async (tx) => {
        await recordAudit(tx, { tenantId: tenant.id, actorUserId: null, action: 'x.y', targetType: 'x', targetId: null });
        throw new Error('the change failed');
      }),
    );
    expect(rolledBack).toMatch(/the change failed/);
    expect(await withTenant(db.app, tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.action, 'x.y')))).toEqual([]);
  });
});
