import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './database';
import { pgErrorCode } from './errors';
import { unsafeListPendingOutbox, unsafeMarkOutboxEnqueued } from './platform/outbox-relay';
import type { TenantRecord } from './platform/tenant-record';
import { insertOutboxMail, lockOutboxMessage, markOutboxAttemptFailed, markOutboxSent, retryOutboxMessage } from './queries/outbox';
import { outboxMessages } from './schema';
import { withOrganisation, withTenant } from './tenant-transaction';
import { createOrganisationFixture, createTenantFixture, createTestDatabase, type TestDatabase } from './testing';

// The outbox (issue 3 item 5) as kyogikai_app: rows are written inside a tenant; the relay reads
// and marks them across tenants only through the two SECURITY DEFINER functions.

let db: TestDatabase;
let tenantA: TenantRecord;
let tenantB: TenantRecord;

async function rejection(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return pgErrorCode(error) ?? String(error);
  }
  return 'resolved';
}

const mail = (tenantId: string, to: string, extra: { messageId?: string; availableAt?: Date } = {}) => ({
  tenantId,
  to,
  template: 'application-received',
  props: { name: '株式会社テスト' },
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = await createTenantFixture(db.owner);
  tenantB = await createTenantFixture(db.owner);
});

afterAll(async () => {
  await db?.drop();
});

describe('outbox relay across tenants (unsafe_outbox_pending / unsafe_outbox_mark_enqueued)', () => {
  it('lists pending mail of every tenant, oldest first, skipping what is not yet available, then marks it enqueued', async () => {
    const first = await withTenant(db.app, tenantA.id, (tx) => insertOutboxMail(tx, mail(tenantA.id, 'a1@example.jp')));
    const applicant = await createOrganisationFixture(db.app, tenantB.id);
    // An applicant request (organisation scope) writes mail too.
    const second = await withOrganisation(db.app, tenantB.id, applicant.organisationId, (tx) =>
      insertOutboxMail(tx, mail(tenantB.id, 'b1@example.jp')),
    );
    await withTenant(db.app, tenantA.id, (tx) =>
      insertOutboxMail(tx, mail(tenantA.id, 'later@example.jp', { availableAt: new Date(Date.now() + 3_600_000) })),
    );

    const pending = await unsafeListPendingOutbox(db.app, 10);
    expect(pending.map((m) => m.id)).toEqual([first.id, second.id]);
    expect(pending[1]).toEqual({
      id: second.id,
      tenantId: tenantB.id,
      kind: 'mail',
      payload: {
        tenantId: tenantB.id,
        messageId: second.id,
        to: 'b1@example.jp',
        template: 'application-received',
        props: { name: '株式会社テスト' },
      },
    });
    expect(await unsafeListPendingOutbox(db.app, 1)).toHaveLength(1);

    expect(await unsafeMarkOutboxEnqueued(db.app, [first.id, second.id, randomUUID()])).toBe(2);
    expect(await unsafeMarkOutboxEnqueued(db.app, [first.id])).toBe(0); // only pending rows move
    expect(await unsafeMarkOutboxEnqueued(db.app, [])).toBe(0);
    expect(await unsafeListPendingOutbox(db.app, 10)).toEqual([]);
    const [row] = await withTenant(db.app, tenantA.id, (tx) => tx.select().from(outboxMessages).where(eq(outboxMessages.id, first.id)));
    expect(row).toMatchObject({ status: 'enqueued', enqueuedAt: expect.any(Date) });
  });

  it("does not let the app role read or change another tenant's outbox rows directly", async () => {
    expect(await queryRows(db.app.db, sql`select * from outbox_messages`)).toEqual([]);
    const seenFromA = await withTenant(db.app, tenantA.id, (tx) => tx.select({ tenantId: outboxMessages.tenantId }).from(outboxMessages));
    expect(seenFromA.length).toBeGreaterThan(0);
    expect(seenFromA.every((r) => r.tenantId === tenantA.id)).toBe(true);
    await withTenant(db.app, tenantA.id, (tx) =>
      tx.execute(sql`update outbox_messages set status = 'pending' where tenant_id = ${tenantB.id}`),
    );
    const bRows = await withTenant(db.app, tenantB.id, (tx) => tx.select({ status: outboxMessages.status }).from(outboxMessages));
    expect(bRows.map((r) => r.status)).toEqual(['enqueued']);
    expect(await rejection(withTenant(db.app, tenantA.id, (tx) => tx.delete(outboxMessages)))).toBe('42501');
  });

  it('refuses a row whose payload names another tenant, and a messageId used twice across tenants (the queue dedupes by it)', async () => {
    const code = await rejection(
      withTenant(db.app, tenantA.id, (tx) =>
        tx.insert(outboxMessages).values({
          tenantId: tenantA.id,
          payload: { tenantId: tenantB.id, messageId: randomUUID(), to: 'x@example.jp', template: 't', props: {} },
        }),
      ),
    );
    expect(code).toBe('23514');
    const messageId = `staff-account-created.${randomUUID()}`;
    await withTenant(db.app, tenantA.id, (tx) => insertOutboxMail(tx, mail(tenantA.id, 'x@example.jp', { messageId })));
    expect(
      await rejection(withTenant(db.app, tenantB.id, (tx) => insertOutboxMail(tx, mail(tenantB.id, 'y@example.jp', { messageId })))),
    ).toBe('23505');
  });

  it('commits the mail with the change or not at all', async () => {
    const to = `rolled-back-${randomUUID()}@example.jp`;
    await rejection(
      withTenant(db.app, tenantA.id, async (tx) => {
        await insertOutboxMail(tx, mail(tenantA.id, to));
        throw new Error('the change failed');
      }),
    );
    const rows = await withTenant(db.app, tenantA.id, (tx) => tx.select().from(outboxMessages).where(sql`payload ->> 'to' = ${to}`));
    expect(rows).toEqual([]);
  });

  it('validates its arguments', async () => {
    await expect(unsafeListPendingOutbox(db.app, 0)).rejects.toThrow(RangeError);
    await expect(unsafeListPendingOutbox(db.app, 1.5)).rejects.toThrow(RangeError);
    await expect(unsafeMarkOutboxEnqueued(db.app, ["x'}"])).rejects.toThrow(/uuid/);
  });

  it('runs as kyogikai_platform, SECURITY DEFINER with a fixed search_path, executable by kyogikai_app only', async () => {
    const rows = await queryRows<{
      proname: string;
      owner: string;
      definer: boolean;
      config: string[];
      public_can_execute: boolean;
      app_can_execute: boolean;
    }>(
      db.owner.db,
      sql`select p.proname::text, pg_get_userbyid(p.proowner)::text as owner, p.prosecdef as definer, p.proconfig as config,
                 exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_can_execute,
                 has_function_privilege('kyogikai_app', p.oid, 'EXECUTE') as app_can_execute
            from pg_proc p where p.proname like 'unsafe_outbox_%' order by 1`,
    );
    const expected = {
      owner: 'kyogikai_platform',
      definer: true,
      config: ['search_path=public, pg_temp'],
      public_can_execute: false,
      app_can_execute: true,
    };
    expect(rows).toEqual([
      { proname: 'unsafe_outbox_mark_enqueued', ...expected },
      { proname: 'unsafe_outbox_pending', ...expected },
    ]);
    const [privileges] = await queryRows<Record<string, boolean>>(
      db.owner.db,
      sql`select has_table_privilege('kyogikai_platform', 'outbox_messages', 'INSERT') as insert,
                 has_table_privilege('kyogikai_platform', 'outbox_messages', 'DELETE') as delete,
                 has_column_privilege('kyogikai_platform', 'outbox_messages', 'payload', 'UPDATE') as update_payload,
                 has_column_privilege('kyogikai_platform', 'outbox_messages', 'status', 'UPDATE') as update_status`,
    );
    expect(privileges).toEqual({ insert: false, delete: false, update_payload: false, update_status: true });
  });
});

describe('outbox rows in the worker (inside the tenant)', () => {
  it('marks a mail sent once: a retried job sees it sent and must not mail again', async () => {
    const { messageId } = await withTenant(db.app, tenantA.id, (tx) => insertOutboxMail(tx, mail(tenantA.id, 'sent@example.jp')));
    await withTenant(db.app, tenantA.id, async (tx) => {
      expect(await lockOutboxMessage(tx, messageId)).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await markOutboxSent(tx, messageId)).toBe(true);
    });
    await withTenant(db.app, tenantA.id, async (tx) => {
      expect(await lockOutboxMessage(tx, messageId)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(await markOutboxSent(tx, messageId)).toBe(false);
    });
    expect(await withTenant(db.app, tenantB.id, (tx) => lockOutboxMessage(tx, messageId))).toBeNull();
  });

  it('records failed attempts, shows the final failure, and lets staff retry it', async () => {
    const { id, messageId } = await withTenant(db.app, tenantA.id, (tx) => insertOutboxMail(tx, mail(tenantA.id, 'fail@example.jp')));
    await withTenant(db.app, tenantA.id, (tx) => markOutboxAttemptFailed(tx, messageId, 'ECONNREFUSED', { final: false }));
    await withTenant(db.app, tenantA.id, (tx) => markOutboxAttemptFailed(tx, messageId, '550 mailbox unavailable', { final: true }));
    const [failed] = await withTenant(db.app, tenantA.id, (tx) => tx.select().from(outboxMessages).where(eq(outboxMessages.id, id)));
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastError: '550 mailbox unavailable', failedAt: expect.any(Date) });

    expect(await withTenant(db.app, tenantB.id, (tx) => retryOutboxMessage(tx, id))).toBe(false);
    expect(await withTenant(db.app, tenantA.id, (tx) => retryOutboxMessage(tx, id))).toBe(true);
    expect((await unsafeListPendingOutbox(db.app, 100)).map((m) => m.id)).toContain(id);
  });
});
