import { randomInt } from 'node:crypto';
import { queryRows, schema, type TenantRecord, withOrganisation, withTenant } from '@kyogikai/db';
import { createOrganisationFixture } from '@kyogikai/db/testing';
import type { TApplicationQueueState } from '@kyogikai/domain';
import { eq, sql } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueSearch } from '../src/trpc/admin/applications/queue-search';
import { percentile } from '../src/trpc/admin/applications/stats-queries';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

/** A Japan wall-clock instant. */
const jst = (text: string) => new Date(`${text}+09:00`);

type Arranged = { applicationId: string; organisationId: string; loginId: string; referenceNumber: string | null };

/**
 * An organisation (with one applicant user) and its application, written as the owner: the queue
 * only reads, so the arrangement need not go through the portal (the e2e journey does).
 */
async function arrange(
  api: TestApi,
  tenant: TenantRecord,
  input: {
    name: string;
    kana?: string;
    corporateNumber?: string;
    state: 'draft' | TApplicationQueueState;
    submittedAt?: Date;
    resubmittedAt?: Date;
    decidedAt?: Date;
    workers?: number;
  },
): Promise<Arranged> {
  const fixture = await createOrganisationFixture(api.testDb.owner, tenant.id, { corporateName: input.name });
  const referenceNumber =
    input.state === 'draft' ? null : `${tenant.slug.toUpperCase()}-2026-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  const applicationId = await withTenant(api.testDb.owner, tenant.id, async (tx) => {
    await tx
      .update(schema.organisations)
      .set({ corporateNameKana: input.kana ?? null, corporateNumber: input.corporateNumber ?? null })
      .where(eq(schema.organisations.id, fixture.organisationId));
    const [row] = await tx
      .insert(schema.applications)
      .values({
        tenantId: tenant.id,
        organisationId: fixture.organisationId,
        state: input.state,
        referenceNumber,
        submittedAt: input.state === 'draft' ? null : (input.submittedAt ?? jst('2026-11-02T10:00:00')),
        resubmittedAt: input.resubmittedAt ?? null,
        decidedAt: input.decidedAt ?? null,
      })
      .returning({ id: schema.applications.id });
    for (let n = 0; n < (input.workers ?? 0); n += 1) {
      await tx
        .insert(schema.workers)
        .values({ tenantId: tenant.id, organisationId: fixture.organisationId, nameLatin: `WORKER ${n}`, nationality: 'VN' });
    }
    if (!row) throw new Error('no application row');
    return row.id;
  });
  return { applicationId, organisationId: fixture.organisationId, loginId: fixture.loginId, referenceNumber };
}

describe('G1 C2 the staff queue: counts, list, search, paging, working days and isolation', () => {
  let api: TestApi;
  let secretariat: string;
  let ministry: string;
  let tenantAdmin: string;
  let otherTenantSecretariat: string;
  let applicantToken: string;
  const a: Record<string, Arranged> = {};

  beforeAll(async () => {
    api = await createTestApi();
    // Thursday 26 November 2026, 09:00 in Japan; the care council's target is 10 working days.
    api.clock.set(jst('2026-11-26T09:00:00'));
    await api.staff(api.tenantA, 'secretariat');
    await api.staff(api.tenantA, 'ministry');
    await api.staff(api.tenantA, 'tenant_admin');
    await api.staff(api.tenantB, 'secretariat');
    secretariat = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
    ministry = await api.signIn(api.tenantA, 'admin', `ministry-${api.tenantA.slug}@example.jp`);
    tenantAdmin = await api.signIn(api.tenantA, 'admin', `tenant_admin-${api.tenantA.slug}@example.jp`);
    otherTenantSecretariat = await api.signIn(api.tenantB, 'admin', `secretariat-${api.tenantB.slug}@example.jp`);
    await api.applicant(api.tenantA, 'queue-applicant');
    applicantToken = await api.signIn(api.tenantA, 'portal', 'queue-applicant');

    a.sakura = await arrange(api, api.tenantA, {
      name: '社会福祉法人さくら会',
      kana: 'シャカイフクシホウジンサクラカイ',
      corporateNumber: '1234567890123',
      state: 'submitted',
      submittedAt: jst('2026-11-05T10:00:00'), // 14 working days before 11/26 (11/23 is a holiday)
      workers: 3,
    });
    a.aoba = await arrange(api, api.tenantA, {
      name: '株式会社青葉ケアサービス',
      kana: 'カブシキガイシャアオバケアサービス',
      corporateNumber: '9876543210987',
      state: 'under_review',
      submittedAt: jst('2026-11-19T15:00:00'), // 4 working days
      workers: 1,
    });
    a.fuji = await arrange(api, api.tenantA, {
      name: '医療法人富士メディカル',
      kana: 'イリョウホウジンフジメディカル',
      state: 'resubmitted',
      submittedAt: jst('2026-10-01T09:00:00'),
      resubmittedAt: jst('2026-11-25T09:00:00'), // waiting since the resubmission: 1 working day
    });
    a.returned = await arrange(api, api.tenantA, {
      name: '有限会社ひまわり苑',
      kana: 'ユウゲンガイシャヒマワリエン',
      state: 'returned',
      submittedAt: jst('2026-10-01T09:00:00'),
    });
    a.approved = await arrange(api, api.tenantA, {
      name: '一般社団法人若竹会',
      kana: 'イッパンシャダンホウジンワカタケカイ',
      state: 'approved',
      submittedAt: jst('2026-09-01T09:00:00'),
      decidedAt: jst('2026-09-10T09:00:00'),
    });
    a.percent = await arrange(api, api.tenantA, { name: '株式会社100%ケア', state: 'forwarded', submittedAt: jst('2026-11-20T09:00:00') });
    a.formula = await arrange(api, api.tenantA, {
      name: '=HYPERLINK("http://x","ケア")',
      state: 'submitted',
      submittedAt: jst('2026-11-24T09:00:00'),
    });
    a.draft = await arrange(api, api.tenantA, { name: '株式会社下書き', kana: 'カブシキガイシャシタガキ', state: 'draft' });
    a.otherTenant = await arrange(api, api.tenantB, {
      name: '社会福祉法人さくら会 別協議会',
      kana: 'シャカイフクシホウジンサクラカイ',
      state: 'submitted',
    });
  });
  afterAll(() => api.close());

  const list = (token: string, input: Parameters<ReturnType<TestApi['admin']>['applications']['list']>[0] = {}) =>
    api.admin(api.tenantA, token).applications.list(input);

  it('G1 applicants, tenant admins and staff of another tenant are refused; a portal session is not an admin session', async () => {
    await expect(api.admin(api.tenantA, applicantToken).applications.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.admin(api.tenantA, applicantToken).applications.counts()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.admin(api.tenantA, tenantAdmin).applications.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.admin(api.tenantA, tenantAdmin).applications.stats()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Tenant B's session does not exist in tenant A.
    await expect(api.admin(api.tenantA, otherTenantSecretariat).applications.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.admin(api.tenantA, otherTenantSecretariat).applications.stats()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // In its own tenant, B's secretariat sees only B's application.
    const own = await api.admin(api.tenantB, otherTenantSecretariat).applications.list({ q: 'さくら' });
    expect(own.rows.map((row) => row.id)).toEqual([a.otherTenant?.applicationId]);
  });

  it('G1 counts per state leave drafts out; the ministry sees the same queue', async () => {
    const counts = await api.admin(api.tenantA, ministry).applications.counts();
    expect(counts.byState).toEqual({
      submitted: 2,
      under_review: 1,
      returned: 1,
      resubmitted: 1,
      forwarded: 1,
      approved: 1,
      rejected: 0,
      withdrawn: 0,
    });
    expect(counts).toMatchObject({ open: 6, all: 7 });
  });

  it('G1 C2 oldest waiting first, with working days waiting and a mark over the target', async () => {
    const page = await list(secretariat, { state: 'open' });
    expect(page.total).toBe(6);
    expect(page.reviewTargetWorkingDays).toBe(10);
    expect(page.rows.map((row) => row.id)).toEqual(
      [a.returned, a.sakura, a.aoba, a.percent, a.formula, a.fuji].map((x) => x?.applicationId),
    );
    const sakura = page.rows.find((row) => row.id === a.sakura?.applicationId);
    expect(sakura).toMatchObject({
      corporateName: '社会福祉法人さくら会',
      corporateNameKana: 'シャカイフクシホウジンサクラカイ',
      corporateNumber: '1234567890123',
      referenceNumber: a.sakura?.referenceNumber,
      state: 'submitted',
      workingDaysWaiting: 14,
      isOverTarget: true,
      workerCount: 3,
    });
    expect(page.rows.find((row) => row.id === a.aoba?.applicationId)).toMatchObject({
      workingDaysWaiting: 4,
      isOverTarget: false,
      workerCount: 1,
    });
    const fuji = page.rows.find((row) => row.id === a.fuji?.applicationId);
    expect(fuji).toMatchObject({ workingDaysWaiting: 1, isOverTarget: false });
    expect(fuji?.waitingSince).toEqual(jst('2026-11-25T09:00:00'));
    // Returned: the applicant owes the next step, so no days count against the secretariat.
    expect(page.rows.find((row) => row.id === a.returned?.applicationId)).toMatchObject({ workingDaysWaiting: null, isOverTarget: false });
    // Without a filter: every submitted application, the decided one included, never the draft.
    const all = await list(secretariat);
    expect(all.total).toBe(7);
    expect(all.rows.map((row) => row.id)).not.toContain(a.draft?.applicationId);
    expect(all.rows[0]).toMatchObject({ id: a.approved?.applicationId, workingDaysWaiting: null });
    expect((await list(secretariat, { state: 'under_review' })).rows.map((row) => row.id)).toEqual([a.aoba?.applicationId]);
  });

  it('G1 search: kana (hiragana finds katakana) and kanji partial, 法人番号, ユーザーID and 受付番号 exact', async () => {
    const ids = async (q: string, state?: 'open') => (await list(secretariat, { q, state })).rows.map((row) => row.id);
    expect(await ids('さくらかい')).toEqual([a.sakura?.applicationId]);
    expect(await ids('ｱｵﾊﾞｹｱ')).toEqual([a.aoba?.applicationId]); // half-width katakana as typed
    expect(await ids('富士メディ')).toEqual([a.fuji?.applicationId]);
    expect(await ids('ケア')).toEqual([a.aoba, a.percent, a.formula].map((x) => x?.applicationId));
    expect(await ids('１２３４-５６７８-９０１２３')).toEqual([a.sakura?.applicationId]);
    expect(await ids('123456789012')).toEqual([]); // 12 digits: not a 法人番号, and no name holds it
    expect(await ids(a.sakura?.loginId ?? '')).toEqual([a.sakura?.applicationId]);
    expect(await ids((a.aoba?.referenceNumber ?? '').toLowerCase())).toEqual([a.aoba?.applicationId]);
    expect(await ids('下書き')).toEqual([]); // drafts are not in the queue
    // % and _ are literal characters, not wildcards.
    expect(await ids('100%')).toEqual([a.percent?.applicationId]);
    expect(await ids('%')).toEqual([a.percent?.applicationId]);
    expect(await ids('_')).toEqual([]);
    const filtered = await list(secretariat, { q: 'ホウジン', state: 'open' });
    expect(filtered.total).toBe(2);
    expect(filtered.rows.map((row) => row.id)).toEqual([a.sakura, a.fuji].map((x) => x?.applicationId));
  });

  it('G1 the search box is read as one kind of thing', () => {
    expect(parseQueueSearch('kaigo-2026-000042')).toEqual({ kind: 'referenceNumber', referenceNumber: 'KAIGO-2026-000042' });
    expect(parseQueueSearch('1234 5678 90123')).toEqual({ kind: 'corporateNumber', corporateNumber: '1234567890123' });
    expect(parseQueueSearch('u12345678')).toEqual({ kind: 'loginId', loginId: 'U12345678' });
    expect(parseQueueSearch('さくら')).toEqual({
      kind: 'nameOrLoginId',
      namePattern: '%さくら%',
      kanaPattern: '%サクラ%',
      loginId: 'さくら',
    });
    expect(parseQueueSearch('')).toBeNull();
  });

  it('G1 keyset paging walks every row once; a forged cursor is refused', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await list(secretariat, { pageSize: 20, cursor });
      seen.push(...page.rows.map((row) => row.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    // Two rows submitted in the same microsecond are told apart by id.
    const twin = await arrange(api, api.tenantA, {
      name: '双子A',
      state: 'rejected',
      submittedAt: jst('2026-08-01T09:00:00'),
      decidedAt: jst('2026-08-20T09:00:00'),
    });
    const twin2 = await arrange(api, api.tenantA, {
      name: '双子B',
      state: 'rejected',
      submittedAt: jst('2026-08-01T09:00:00'),
      decidedAt: jst('2026-08-25T09:00:00'),
    });
    const first = await list(secretariat, { state: 'rejected', pageSize: 20 });
    expect(first.rows.map((row) => row.id).sort()).toEqual([twin.applicationId, twin2.applicationId].sort());
    await expect(list(secretariat, { cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'validation.invalid',
    });
    await expect(list(secretariat, { pageSize: 7 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Counts follow state changes made anywhere (the trigger), including deletes.
    await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx.update(schema.applications).set({ state: 'withdrawn' }).where(eq(schema.applications.id, twin2.applicationId)),
    );
    const counts = await api.admin(api.tenantA, secretariat).applications.counts();
    expect(counts.byState).toMatchObject({ rejected: 1, withdrawn: 1 });
    await withTenant(api.testDb.owner, api.tenantA.id, async (tx) => {
      await tx.delete(schema.applications).where(eq(schema.applications.id, twin.applicationId));
      await tx.delete(schema.applications).where(eq(schema.applications.id, twin2.applicationId));
    });
    expect((await api.admin(api.tenantA, secretariat).applications.counts()).byState).toMatchObject({ rejected: 0, withdrawn: 0 });
  });

  it('G1 applicant (organisation-scoped) transactions cannot read the counts, nor search names across organisations', async () => {
    const organisationId = a.aoba?.organisationId ?? '';
    const seen = await withOrganisation(api.testDb.app, api.tenantA.id, organisationId, async (tx) => ({
      counts: await tx.select().from(schema.applicationStateCounts),
      names: await queryRows<{ id: string }>(tx, sql`select organisation_ids_matching_name('%', '%') as id`),
    }));
    expect(seen.counts).toEqual([]);
    expect(seen.names.map((row) => row.id)).toEqual([organisationId]);
  });

  it('C2 G1 dashboard statistics: by state, received per week, working days to decision against the target', async () => {
    const decided = [
      // Working days from submission to decision: 3, 5, 9, 12, 20.
      ['2026-10-01T09:00:00', '2026-10-06T09:00:00'],
      ['2026-10-01T09:00:00', '2026-10-08T09:00:00'],
      ['2026-10-01T09:00:00', '2026-10-15T09:00:00'],
      ['2026-10-01T09:00:00', '2026-10-20T09:00:00'],
      ['2026-10-01T09:00:00', '2026-10-30T09:00:00'],
    ] as const;
    const other = await createTestApi();
    try {
      other.clock.set(jst('2026-11-26T09:00:00'));
      await other.staff(other.tenantA, 'secretariat');
      const token = await other.signIn(other.tenantA, 'admin', `secretariat-${other.tenantA.slug}@example.jp`);
      for (const [submitted, decidedAt] of decided) {
        await arrange(other, other.tenantA, {
          name: '決定済み',
          state: 'approved',
          submittedAt: jst(submitted),
          decidedAt: jst(decidedAt),
        });
      }
      await arrange(other, other.tenantA, { name: '今週', state: 'submitted', submittedAt: jst('2026-11-23T08:00:00') }); // Monday
      await arrange(other, other.tenantA, { name: '先週日曜', state: 'submitted', submittedAt: jst('2026-11-22T23:30:00') }); // Sunday: last week
      await arrange(other, other.tenantA, {
        name: '古い',
        state: 'rejected',
        submittedAt: jst('2024-01-10T09:00:00'),
        decidedAt: jst('2024-02-01T09:00:00'),
      });
      const stats = await other.admin(other.tenantA, token).applications.stats();
      expect(stats.byState).toMatchObject({ approved: 5, submitted: 2, rejected: 1 });
      expect(stats.receivedPerWeek).toHaveLength(12);
      expect(stats.receivedPerWeek.at(-1)).toEqual({ weekStart: '2026-11-23', count: 1 });
      expect(stats.receivedPerWeek.at(-2)).toEqual({ weekStart: '2026-11-16', count: 1 });
      expect(stats.receivedPerWeek[0]?.weekStart).toBe('2026-09-07');
      // The five 2026-10-01 submissions are in the week of 9/28.
      expect(stats.receivedPerWeek.find((w) => w.weekStart === '2026-09-28')?.count).toBe(5);
      expect(stats.decisionTime).toEqual({
        windowDays: 365,
        decided: 5, // the 2024 decision is outside the window
        medianWorkingDays: 9,
        p90WorkingDays: 16.8,
        targetWorkingDays: 10,
        overTarget: 2,
      });
    } finally {
      await other.close();
    }
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([4], 0.9)).toBe(4);
  });

  describe('G1 CSV export of the filtered queue', () => {
    const cookieOf = async (tenant: TenantRecord, email: string) => {
      const response = await api.app.request(`/t/${tenant.slug}/api/admin/trpc/session.signIn`, {
        method: 'POST',
        headers: { origin: new URL(tenant.publicOrigin).origin, 'content-type': 'application/json' },
        body: JSON.stringify(superjson.serialize({ email, password: TEST_PASSWORD })),
      });
      expect(response.status).toBe(200);
      return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const exportAs = (tenant: TenantRecord, query: string, cookie?: string) =>
      api.app.request(`/t/${tenant.slug}/api/admin/export/applications.csv${query}`, { headers: cookie ? { cookie } : {} });

    it('G1 no session → 401, a tenant admin → 403, another tenant’s session → 401, a bad filter → 400', async () => {
      expect((await exportAs(api.tenantA, '')).status).toBe(401);
      const adminCookie = await cookieOf(api.tenantA, `tenant_admin-${api.tenantA.slug}@example.jp`);
      expect((await exportAs(api.tenantA, '', adminCookie)).status).toBe(403);
      const otherCookie = await cookieOf(api.tenantB, `secretariat-${api.tenantB.slug}@example.jp`);
      expect((await exportAs(api.tenantA, '', otherCookie)).status).toBe(401);
      const cookie = await cookieOf(api.tenantA, `secretariat-${api.tenantA.slug}@example.jp`);
      expect((await exportAs(api.tenantA, '?state=draft', cookie)).status).toBe(400);
    });

    it('G1 UTF-8 with BOM, Japanese headers, RFC 4180 quoting, formulas neutralised, the filter applied', async () => {
      const cookie = await cookieOf(api.tenantA, `ministry-${api.tenantA.slug}@example.jp`);
      const response = await exportAs(api.tenantA, `?state=open&q=${encodeURIComponent('ケア')}`, cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
      expect(lines[0]).toBe('受付番号,法人名,法人名フリガナ,法人番号,状態,受付日時,待ち日数（営業日）,目標超過,特定技能外国人数');
      expect(lines.at(-1)).toBe('');
      expect(lines).toHaveLength(5); // header, three rows, final line break
      expect(lines[1]).toBe(
        `${a.aoba?.referenceNumber},株式会社青葉ケアサービス,カブシキガイシャアオバケアサービス,9876543210987,審査中,2026-11-19 15:00,4,,1`,
      );
      expect(lines[3]).toBe(`${a.formula?.referenceNumber},"'=HYPERLINK(""http://x"",""ケア"")",,,受付済み,2026-11-24 09:00,2,,0`);
      const audit = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
        tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'applications.exported')),
      );
      expect(audit.at(-1)).toMatchObject({ targetType: 'applications', after: { state: 'open', q: 'ケア' } });
    });

    it('G1 a long queue is streamed whole, in order', async () => {
      const many = await createTestApi();
      try {
        await many.staff(many.tenantA, 'secretariat');
        await withTenant(many.testDb.owner, many.tenantA.id, async (tx) => {
          await tx.execute(sql`
            with o as (
              insert into organisations (tenant_id, corporate_name)
              select ${many.tenantA.id}::uuid, '法人' || g from generate_series(1, 1203) g returning id, corporate_name)
            insert into applications (tenant_id, organisation_id, state, reference_number, submitted_at)
            select ${many.tenantA.id}::uuid, o.id, 'submitted', 'X-2026-' || lpad(substr(o.corporate_name, 3), 6, '0'),
                   timestamptz '2026-01-01 00:00:00+09' + substr(o.corporate_name, 3)::int * interval '1 minute'
              from o`);
        });
        const response = await many.app.request(`/t/${many.tenantA.slug}/api/admin/export/applications.csv`, {
          headers: {
            cookie: await (async () => {
              const r = await many.app.request(`/t/${many.tenantA.slug}/api/admin/trpc/session.signIn`, {
                method: 'POST',
                headers: { origin: new URL(many.tenantA.publicOrigin).origin, 'content-type': 'application/json' },
                body: JSON.stringify(
                  superjson.serialize({ email: `secretariat-${many.tenantA.slug}@example.jp`, password: TEST_PASSWORD }),
                ),
              });
              return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
            })(),
          },
        });
        const lines = (await response.text()).split('\r\n').filter(Boolean);
        expect(lines).toHaveLength(1204);
        expect(lines[1]?.startsWith('X-2026-000001,法人1,')).toBe(true);
        expect(lines[1203]?.startsWith('X-2026-001203,法人1203,')).toBe(true);
      } finally {
        await many.close();
      }
    });
  });
});
