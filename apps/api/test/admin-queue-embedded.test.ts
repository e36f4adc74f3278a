import {
  type Database,
  openPgliteDatabase,
  runMigrations,
  schema,
  switchPgliteToAppRole,
  type TenantRecord,
  withTenant,
} from '@kyogikai/db';
import { createOrganisationFixture, createTenantFixture } from '@kyogikai/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueue, resolveQueueSearch, selectQueuePage, selectStateCounts } from '../src/trpc/admin/applications/queue-queries';
import { selectApplicationStats } from '../src/trpc/admin/applications/stats-queries';

// Embedded mode (`npm start`): the queue's SQL — the count trigger, the name-search function, the
// uuid[] parameter and the timestamp text of the cursor — on PGlite as the app role.

let owner: Database;
let app: Database;
let tenant: TenantRecord;
const ids: Record<string, string> = {};

beforeAll(async () => {
  owner = await openPgliteDatabase(undefined);
  await runMigrations(owner);
  tenant = await createTenantFixture(owner, 'pglite-queue');
  const arrange = async (
    key: string,
    name: string,
    kana: string,
    state: 'submitted' | 'approved',
    submittedAt: string,
    decidedAt?: string,
  ) => {
    const fixture = await createOrganisationFixture(owner, tenant.id, { corporateName: name });
    await withTenant(owner, tenant.id, async (tx) => {
      await tx.update(schema.organisations).set({ corporateNameKana: kana }).where(eq(schema.organisations.id, fixture.organisationId));
      const [row] = await tx
        .insert(schema.applications)
        .values({
          tenantId: tenant.id,
          organisationId: fixture.organisationId,
          state,
          referenceNumber: `PGLITE-2026-00000${Object.keys(ids).length}`,
          submittedAt: new Date(submittedAt),
          decidedAt: decidedAt ? new Date(decidedAt) : null,
        })
        .returning({ id: schema.applications.id });
      ids[key] = row?.id ?? '';
    });
  };
  await arrange('sakura', '社会福祉法人さくら会', 'シャカイフクシホウジンサクラカイ', 'submitted', '2026-11-05T10:00:00+09:00');
  await arrange('abc', 'ABCケア株式会社', 'エービーシーケアカブシキガイシャ', 'submitted', '2026-11-10T10:00:00+09:00');
  await arrange('done', '医療法人富士', 'イリョウホウジンフジ', 'approved', '2026-10-01T09:00:00+09:00', '2026-10-15T09:00:00+09:00');
  app = await switchPgliteToAppRole(owner);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('G1 the staff queue in embedded mode (PGlite)', () => {
  it('G1 counts, pages, searches (kana, Latin letters in any case, 受付番号) and statistics', async () => {
    await withTenant(app, tenant.id, async (tx) => {
      expect(await selectStateCounts(tx, tenant.id)).toMatchObject({ submitted: 2, approved: 1 });
      const first = await selectQueuePage(tx, { tenantId: tenant.id, filter: {}, search: null, after: null, limit: 2 });
      expect(first.rows.map((row) => row.id)).toEqual([ids.done, ids.sakura]);
      const last = first.rows[1];
      if (!last) throw new Error('no second row');
      const next = await selectQueuePage(tx, {
        tenantId: tenant.id,
        filter: {},
        search: null,
        after: { waitingSince: last.waitingKey, id: last.id },
        limit: 2,
      });
      expect(next.rows.map((row) => row.id)).toEqual([ids.abc]);

      const find = async (q: string) => {
        const search = await resolveQueueSearch(tx, tenant.id, q);
        const page = await selectQueuePage(tx, { tenantId: tenant.id, filter: { q }, search, after: null, limit: 10 });
        return { ids: page.rows.map((row) => row.id), total: await countQueue(tx, tenant.id, { q }, search) };
      };
      expect(await find('さくらかい')).toEqual({ ids: [ids.sakura], total: 1 });
      expect(await find('abcケア')).toEqual({ ids: [ids.abc], total: 1 });
      expect(await find('pglite-2026-000000')).toEqual({ ids: [ids.sakura], total: 1 });
      expect(await find('存在しない')).toEqual({ ids: [], total: 0 });

      // 10/1 → 10/15: ten weekdays after 10/1, less スポーツの日 (10/12).
      const stats = await selectApplicationStats(tx, {
        tenantId: tenant.id,
        now: new Date('2026-11-26T09:00:00+09:00'),
        targetWorkingDays: 10,
      });
      expect(stats.decisionTime).toMatchObject({ decided: 1, medianWorkingDays: 9, overTarget: 0 });
      expect(stats.receivedPerWeek.reduce((sum, week) => sum + week.count, 0)).toBe(3);
    });
  });
});
