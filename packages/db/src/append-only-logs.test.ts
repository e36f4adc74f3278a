import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOutboxMail } from './queries/outbox';
import { recordAudit } from './queries/audit';
import { auditEvents, outboxMessages } from './schema';
import { withOrganisation, withTenant } from './tenant-transaction';
import { createOrganisationFixture, createTenantFixture, createTestDatabase, type TestDatabase } from './testing';

describe('audit trail and outbox under an applicant (organisation-scoped) transaction', () => {
  let db: TestDatabase;
  let tenantId: string;
  let orgA: { organisationId: string; userId: string };
  let orgB: { organisationId: string; userId: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    tenantId = (await createTenantFixture(db.owner)).id;
    orgA = await createOrganisationFixture(db.owner, tenantId);
    orgB = await createOrganisationFixture(db.owner, tenantId);
    await withTenant(db.app, tenantId, async (tx) => {
      await recordAudit(tx, {
        tenantId,
        actorUserId: orgB.userId,
        action: 'organisation.updated',
        targetType: 'organisation',
        targetId: orgB.organisationId,
        after: { secret: 'B' },
      });
      await insertOutboxMail(tx, { tenantId, to: 'b@example.jp', template: 'staff-account-created', props: { secret: 'B' } });
    });
  });
  afterAll(() => db.drop());

  it('may append audit entries and outbox mail in the same transaction as its change', async () => {
    await withOrganisation(db.app, tenantId, orgA.organisationId, async (tx) => {
      await recordAudit(tx, {
        tenantId,
        actorUserId: orgA.userId,
        action: 'organisation.updated',
        targetType: 'organisation',
        targetId: orgA.organisationId,
      });
      await insertOutboxMail(tx, { tenantId, to: 'a@example.jp', template: 'staff-account-created', props: {} });
    });
    const counts = await withTenant(db.app, tenantId, async (tx) => ({
      audit: (await tx.select().from(auditEvents).where(eq(auditEvents.actorUserId, orgA.userId))).length,
      outbox: (await tx.select().from(outboxMessages)).length,
    }));
    expect(counts).toEqual({ audit: 1, outbox: 2 });
  });

  it('cannot read back any audit entry or mail, so another organisation’s values never leak', async () => {
    const seen = await withOrganisation(db.app, tenantId, orgA.organisationId, async (tx) => ({
      audit: await tx.select().from(auditEvents),
      outbox: await tx.select().from(outboxMessages),
    }));
    expect(seen).toEqual({ audit: [], outbox: [] });
  });

  it('cannot change the outbox either', async () => {
    const updated = await withOrganisation(db.app, tenantId, orgA.organisationId, (tx) =>
      tx.update(outboxMessages).set({ status: 'failed' }).returning({ id: outboxMessages.id }),
    ).catch((error: unknown) => error);
    // Without read access an UPDATE matches no rows (or is refused outright).
    expect(Array.isArray(updated) ? updated : []).toEqual([]);
  });
});
