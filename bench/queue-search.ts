// The staff queue with 100,000 applications in one tenant (issue 6 acceptance: p95 under 50 ms).
// Seeds a fresh test database with generate_series (organisations with kanji and kana names,
// 法人番号, one applicant user each, an application each in a realistic mix of states, two workers
// each), then runs what applications.list runs — the page query and the total, in one tenant
// transaction as the app role under RLS — for the typical searches, and prints p50/p95 and the
// plan's scans. Run: npx tsx bench/queue-search.ts [iterations=60]
import os from 'node:os';
import { queryRows, withTenant } from '@kyogikai/db';
import { createTenantFixture, createTestDatabase } from '@kyogikai/db/testing';
import { sql } from 'drizzle-orm';
import type { TQueueFilter } from '../apps/api/src/trpc/admin/applications/applications.schema';
import {
  countQueue,
  encodeQueueCursor,
  queueCountQuery,
  queuePageQuery,
  resolveQueueSearch,
  selectQueuePage,
  type TQueueCursor,
  withWaiting,
} from '../apps/api/src/trpc/admin/applications/queue-queries';

const ITERATIONS = Number(process.argv[2] ?? 60);
/** `--keep`: leave the seeded database in place (its name is printed) to look at plans by hand. */
const KEEP = process.argv.includes('--keep');
const WARM_UP = 5;
const ROWS = 100_000;
const PAGE_SIZE = 50;

const WORDS: [string, string][] = [
  ['さくら', 'サクラ'],
  ['青葉', 'アオバ'],
  ['富士', 'フジ'],
  ['ひまわり', 'ヒマワリ'],
  ['若竹', 'ワカタケ'],
  ['緑風', 'リョクフウ'],
  ['朝日', 'アサヒ'],
  ['松風', 'マツカゼ'],
  ['高砂', 'タカサゴ'],
  ['白鷺', 'シラサギ'],
  ['東海', 'トウカイ'],
  ['北斗', 'ホクト'],
  ['大和', 'ヤマト'],
  ['葵', 'アオイ'],
  ['光明', 'コウミョウ'],
  ['清流', 'セイリュウ'],
  ['千歳', 'チトセ'],
  ['瑞穂', 'ミズホ'],
  ['鶴亀', 'ツルカメ'],
  ['桜花', 'オウカ'],
  ['髙﨑', 'タカサキ'],
  ['中央', 'チュウオウ'],
  ['みなと', 'ミナト'],
  ['山手', 'ヤマテ'],
  ['杉並', 'スギナミ'],
  ['若葉', 'ワカバ'],
  ['明星', 'ミョウジョウ'],
  ['福寿', 'フクジュ'],
  ['長寿', 'チョウジュ'],
  ['恵愛', 'ケイアイ'],
  ['いずみ', 'イズミ'],
  ['陽光', 'ヨウコウ'],
  ['翠', 'ミドリ'],
  ['双葉', 'フタバ'],
  ['旭', 'アサヒ'],
  ['慈光', 'ジコウ'],
  ['寿楽', 'ジュラク'],
  ['和光', 'ワコウ'],
  ['栄光', 'エイコウ'],
  ['愛隣', 'アイリン'],
];
const KINDS: [string, string][] = [
  ['社会福祉法人', 'シャカイフクシホウジン'],
  ['株式会社', 'カブシキガイシャ'],
  ['医療法人', 'イリョウホウジン'],
  ['有限会社', 'ユウゲンガイシャ'],
  ['一般社団法人', 'イッパンシャダンホウジン'],
  ['合同会社', 'ゴウドウガイシャ'],
];
const TAILS: [string, string][] = [
  ['会', 'カイ'],
  ['福祉会', 'フクシカイ'],
  ['ケアサービス', 'ケアサービス'],
  ['介護センター', 'カイゴセンター'],
  ['ホーム', 'ホーム'],
  ['苑', 'エン'],
  ['メディカル', 'メディカル'],
  ['の里', 'ノサト'],
  ['ライフ', 'ライフ'],
];

const valuesList = (rows: [string, string][]) => sql.raw(rows.map(([kanji, kana], i) => `(${i}, '${kanji}', '${kana}')`).join(', '));

async function seed(owner: Parameters<typeof withTenant>[0], tenantId: string) {
  const words = WORDS.length;
  await withTenant(owner, tenantId, async (tx) => {
    await tx.execute(sql`create temp table w(i int, kanji text, kana text) on commit drop`);
    await tx.execute(sql`insert into w values ${valuesList(WORDS)}`);
    await tx.execute(sql`create temp table k(i int, kanji text, kana text) on commit drop`);
    await tx.execute(sql`insert into k values ${valuesList(KINDS)}`);
    await tx.execute(sql`create temp table t(i int, kanji text, kana text) on commit drop`);
    await tx.execute(sql`insert into t values ${valuesList(TAILS)}`);
    // Names: kind + two words + tail (+ a number for the few that would repeat), kana to match.
    await tx.execute(sql`
      insert into organisations (tenant_id, id, corporate_name, corporate_name_kana, corporate_number)
      select ${tenantId}::uuid, md5('org' || g)::uuid,
             k.kanji || w1.kanji || w2.kanji || t.kanji || case when g > ${words * words * TAILS.length} then (g % 97)::text else '' end,
             k.kana || w1.kana || w2.kana || t.kana,
             lpad((1000000000000 + g * 7919)::text, 13, '0')
        from generate_series(1, ${ROWS}) g
        join k on k.i = g % ${KINDS.length}
        join w w1 on w1.i = (g / ${KINDS.length}) % ${words}
        join w w2 on w2.i = (g / ${KINDS.length * words}) % ${words}
        join t on t.i = (g * 7) % ${TAILS.length}`);
    await tx.execute(sql`
      insert into users (tenant_id, id, kind, role, login_id, email, display_name, password_hash, status)
      select ${tenantId}::uuid, md5('user' || g)::uuid, 'applicant', 'applicant', 'U' || lpad(g::text, 8, '0'),
             'user' || g || '@example.jp', '申請者 ' || g, 'not-a-hash', 'active'
        from generate_series(1, ${ROWS}) g`);
    await tx.execute(sql`
      insert into organisation_memberships (tenant_id, organisation_id, user_id, role)
      select ${tenantId}::uuid, md5('org' || g)::uuid, md5('user' || g)::uuid, 'org_admin' from generate_series(1, ${ROWS}) g`);
    // Bulk load: the per-row count trigger would rewrite the same few count rows 100,000 times in one
    // transaction; load without it and count once, as migration 0014 does for existing rows.
    await tx.execute(sql`alter table applications disable trigger applications_count_states`);
    // Three years of applications, one every ~15 minutes; most decided long ago, the recent ones open.
    await tx.execute(sql`
      insert into applications (tenant_id, id, organisation_id, state, reference_number, submitted_at, resubmitted_at, decided_at)
      select ${tenantId}::uuid, md5('app' || g)::uuid, md5('org' || g)::uuid, s.state,
             case when s.state = 'draft' then null else 'BENCH-' || (2024 + g / 40000) || '-' || lpad(g::text, 6, '0') end,
             case when s.state = 'draft' then null else now() - (${ROWS} - g) * interval '15 minutes' - interval '1 day' end,
             case when s.state = 'resubmitted' then now() - (${ROWS} - g) * interval '5 minutes' end,
             case when s.state in ('approved', 'rejected') then now() - (${ROWS} - g) * interval '15 minutes' + interval '10 days' end
        from generate_series(1, ${ROWS}) g
        cross join lateral (select case
          when g > ${ROWS - 3000} then (array['submitted', 'under_review', 'returned', 'resubmitted', 'forwarded', 'draft'])[1 + g % 6]
          when g % 20 = 0 then 'rejected' when g % 33 = 0 then 'withdrawn' else 'approved' end as state) s`);
    await tx.execute(sql`alter table applications enable trigger applications_count_states`);
    await tx.execute(sql`
      insert into application_state_counts (tenant_id, state, count)
      select tenant_id, state, count(*) from applications where tenant_id = ${tenantId} and submitted_at is not null group by 1, 2`);
    await tx.execute(sql`
      insert into workers (tenant_id, organisation_id, name_latin, nationality)
      select ${tenantId}::uuid, md5('org' || g)::uuid, 'WORKER ' || g || '-' || n, 'VN'
        from generate_series(1, ${ROWS}) g cross join generate_series(1, 2) n`);
  });
  for (const table of ['organisations', 'users', 'organisation_memberships', 'applications', 'workers']) {
    await owner.db.execute(sql.raw(`vacuum analyze ${table}`));
  }
}

function percentileOf(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;
}

async function main() {
  const database = await createTestDatabase();
  try {
    const tenant = await createTenantFixture(database.owner, `benchq${Date.now().toString(36).slice(-5)}`);
    const started = performance.now();
    await seed(database.owner, tenant.id);
    const seedSeconds = (performance.now() - started) / 1000;

    // A cursor half-way down the whole queue: page 1,000 at 50 rows a page.
    const [deep] = await queryRows<{ waiting_key: string; id: string }>(
      database.owner.db,
      sql`select waiting_since::text as waiting_key, id from applications
           where tenant_id = ${tenant.id} and submitted_at is not null
           order by waiting_since, id offset ${ROWS / 2} limit 1`,
    );
    if (!deep) throw new Error('no deep row');
    const deepCursor: TQueueCursor = { waitingSince: deep.waiting_key, id: deep.id };

    const cases: { name: string; filter: TQueueFilter; after?: TQueueCursor }[] = [
      { name: 'no filter (all, first page)', filter: {} },
      { name: 'open (default tab)', filter: { state: 'open' } },
      { name: 'state = approved', filter: { state: 'approved' } },
      { name: 'state = under_review', filter: { state: 'under_review' } },
      { name: 'kana partial, hiragana (ひまわりわかたけ)', filter: { q: 'ひまわりわかたけ' } },
      { name: 'kana partial (ミズホセイリュウ)', filter: { q: 'ミズホセイリュウ' } },
      { name: 'kanji partial (青葉白鷺)', filter: { q: '青葉白鷺' } },
      { name: 'kanji partial, 3 chars (髙﨑会)', filter: { q: '髙﨑会' } },
      { name: 'kanji partial + open (さくら)', filter: { q: 'さくら', state: 'open' } },
      { name: 'exact 受付番号', filter: { q: 'bench-2025-054321' } },
      { name: 'exact 法人番号', filter: { q: String(1000000000000 + 54321 * 7919).padStart(13, '0') } },
      { name: 'exact ユーザーID', filter: { q: 'U00054321' } },
      { name: 'deep page (row 50,000 of all)', filter: {}, after: deepCursor },
      { name: '2 characters (富士: no trigram)', filter: { q: '富士' } },
    ];

    const now = new Date();
    const loadBefore = os.loadavg()[0] ?? 0;
    const results: { name: string; total: number; p50: number; p95: number; plan: string }[] = [];
    for (const entry of cases) {
      const run = () =>
        withTenant(database.app, tenant.id, async (tx) => {
          const search = await resolveQueueSearch(tx, tenant.id, entry.filter.q);
          const page = await selectQueuePage(tx, {
            tenantId: tenant.id,
            filter: entry.filter,
            search,
            after: entry.after ?? null,
            limit: PAGE_SIZE + 1,
          });
          const total = await countQueue(tx, tenant.id, entry.filter, search);
          const rows = page.rows.slice(0, PAGE_SIZE).map((row) => withWaiting(row, now, 10));
          const last = page.rows[PAGE_SIZE - 1];
          if (last) encodeQueueCursor({ waitingSince: last.waitingKey, id: last.id });
          return { total, rows };
        });
      let total = 0;
      for (let i = 0; i < WARM_UP; i += 1) total = (await run()).total;
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS; i += 1) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      // The plan as the app sees it (RLS on), scans only; the name search's own plan is inside the function.
      const plan = await withTenant(database.app, tenant.id, async (tx) => {
        const search = await resolveQueueSearch(tx, tenant.id, entry.filter.q);
        const lines = await queryRows<{ 'QUERY PLAN': string }>(
          tx,
          sql`explain ${queuePageQuery({ tenantId: tenant.id, filter: entry.filter, search, after: entry.after ?? null, limit: PAGE_SIZE + 1 })}`,
        );
        if (search) {
          lines.push(...(await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${queueCountQuery(tenant.id, entry.filter, search)}`)));
        }
        return [
          ...new Set(
            lines
              .map((l) => /(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)( using \S+)? on (\w+)/.exec(l['QUERY PLAN']))
              .filter(Boolean)
              .map((m) => `${m?.[1]}${m?.[2] ?? ''} on ${m?.[3]}`),
          ),
        ].join('; ');
      });
      results.push({ name: entry.name, total, p50: percentileOf(times, 0.5), p95: percentileOf(times, 0.95), plan });
    }

    // The name search inside organisation_ids_matching_name(), as its owner runs it (RLS bypassed).
    const trigramPlan = await queryRows<{ 'QUERY PLAN': string }>(
      database.owner.db,
      sql`explain select o.id from organisations o where o.tenant_id = ${tenant.id}
            and (o.corporate_name ilike '%ひまわり若竹%' or o.corporate_name_kana ilike '%ヒマワリワカタケ%')`,
    );

    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `queue-search: ${new Date().toISOString()} · ${os.cpus().length} × ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(1)} GB · Node ${process.version} · load (1 min) ${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    );
    console.log(
      `seeded ${ROWS.toLocaleString('en')} organisations, users, applications and ${(2 * ROWS).toLocaleString('en')} workers in ${seedSeconds.toFixed(1)} s; ${ITERATIONS} runs per case (page of ${PAGE_SIZE} + total, one tenant transaction, app role)`,
    );
    console.log('| Case | Total | p50 ms | p95 ms | Scans (page; count) |');
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const r of results)
      console.log(`| ${r.name} | ${r.total.toLocaleString('en')} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.plan} |`);
    console.log(
      `name search inside organisation_ids_matching_name(): ${trigramPlan
        .map((l) => l['QUERY PLAN'].trim())
        .filter((l) => /Scan/.test(l))
        .join(' / ')}`,
    );
  } finally {
    if (KEEP) {
      console.log(`kept database ${database.name}`);
      await Promise.all([database.owner.close(), database.app.close()]);
    } else {
      await database.drop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
