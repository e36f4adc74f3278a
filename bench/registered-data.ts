// The member's change screens with many workers (SPEC D2-D4): `changeRequest.registeredData` returns
// every establishment and worker of a member, registered and being added, with what waits — unpaged
// — and マイページ renders them all. Seeds a fresh test database with one active member per size
// (20 / 200 / 1,000 workers over 10 establishments, 6 document rows each, a submitted request and a
// draft with a few items each, made through the procedures), then calls `registeredData` and
// `mypage.get` as the portal does — HTTP through the real app with the session cookie, as
// kyogikai_app under RLS — and prints p50/p95, the response size and the statements per call.
// Run: npx tsx bench/registered-data.ts [iterations=40] [sizes=20,200,1000] [--keep]
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { type Database, schema, withTenant } from '@kyogikai/db';
import { requiredWorkerDocumentKeys } from '@kyogikai/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { makeMember } from '../apps/api/test/helpers/certificates';
import { createTestApi, type TestApi } from '../apps/api/test/helpers/test-api';

const ITERATIONS = Number(process.argv[2] ?? 40);
const SIZES = (process.argv[3] ?? '20,200,1000').split(',').map(Number);
/** `--keep`: leave the seeded database in place (its name is printed) for EXPLAIN by hand. */
const KEEP = process.argv.includes('--keep');
const WARM_UP = 5;
const ESTABLISHMENTS = 10;
const DOCUMENTS_PER_WORKER = 6;

/** Statements sent through the app pool (postgres.js debug hook), to count them per call. */
let statements = 0;

/** The app role's pool of the test database, with a statement counter. */
function countingDatabase(appUrl: string): Database {
  const client = postgres(appUrl, {
    max: 10,
    onnotice: () => {},
    debug: () => {
      statements += 1;
    },
  });
  return { kind: 'postgres', db: drizzle({ client, schema }), close: () => client.end({ timeout: 5 }) };
}

/** A deterministic, valid (version 4) UUID from a text: the API's zod checks the version and variant. */
const uuidOf = (text: SQL) => sql`overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

type Member = { workers: number; slug: string; cookie: string; organisationId: string };

/** Registered data as the approval leaves it, bulk-inserted as the owner: establishments, workers, links, documents. */
async function seedRegistered(api: TestApi, organisationId: string, userId: string, workers: number) {
  const tenant = api.tenantA;
  const required = requiredWorkerDocumentKeys(tenant.config);
  const keys = [...required.slice(0, DOCUMENTS_PER_WORKER)];
  const others = DOCUMENTS_PER_WORKER - keys.length;
  await withTenant(api.testDb.owner, tenant.id, async (tx) => {
    await tx.execute(sql`
      insert into establishments (tenant_id, id, organisation_id, name, postal_code, prefecture, city, town, phone, extra)
      select ${tenant.id}::uuid, ${uuidOf(sql`${organisationId} || 'e' || g`)}, ${organisationId}::uuid, 'さくら苑 第' || g || '事業所',
             '1040061', '東京都', '中央区', '銀座' || g || '-1-1', '03-5555-' || lpad(g::text, 4, '0'), '{"serviceType":"day-care"}'::jsonb
        from generate_series(1, ${ESTABLISHMENTS}) g`);
    await tx.execute(sql`
      insert into workers (tenant_id, id, organisation_id, name_latin, nationality, name_kana, created_at)
      select ${tenant.id}::uuid, ${uuidOf(sql`${organisationId} || 'w' || g`)}, ${organisationId}::uuid, 'NGUYEN VAN ' || g,
             (array['VN', 'PH', 'ID', 'MM'])[1 + g % 4], 'グエン ヴァン ' || g, now() - (${workers} - g) * interval '1 minute'
        from generate_series(1, ${workers}) g`);
    // Every worker at one establishment, every fifth at a second one too.
    await tx.execute(sql`
      insert into worker_establishments (tenant_id, organisation_id, worker_id, establishment_id)
      select ${tenant.id}::uuid, ${organisationId}::uuid, ${uuidOf(sql`${organisationId} || 'w' || g`)},
             ${uuidOf(sql`${organisationId} || 'e' || (1 + (g + n) % ${ESTABLISHMENTS})`)}
        from generate_series(1, ${workers}) g cross join generate_series(0, 1) n
       where n = 0 or g % 5 = 0`);
    await tx.execute(sql`
      insert into documents (tenant_id, organisation_id, scope, worker_id, document_key, custom_name, file_name, object_key,
                             byte_size, sha256, content_type, uploaded_by_user_id)
      select ${tenant.id}::uuid, ${organisationId}::uuid, 'worker', ${uuidOf(sql`${organisationId} || 'w' || g`)},
             d.key, case when d.key = 'other' then 'その他の書類 ' || d.n end, d.key || '.pdf',
             'tenants/' || ${tenant.id} || '/organisations/' || ${organisationId} || '/documents/' || md5(g || '-' || d.n),
             120000, repeat('a', 64), 'application/pdf', ${userId}::uuid
        from generate_series(1, ${workers}) g
        cross join (select key, n from unnest(${sql.raw(`array[${[...keys, ...Array(others).fill('other')].map((k) => `'${k}'`).join(', ')}]`)}::text[]) with ordinality as k(key, n)) d`);
  });
}

const establishmentValues = (name: string, serviceType = 'short-stay') => ({
  name,
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  building: null,
  phone: '03-5555-9999',
  extra: { serviceType },
});

/** A submitted request (2 workers added, an establishment edited, a worker moved) and a draft (the same kinds, one more). */
async function seedRequests(api: TestApi, token: string, organisationId: string) {
  const portal = api.portal(api.tenantA, token);
  const e = (n: number) =>
    withTenant(api.testDb.owner, api.tenantA.id, async (tx) =>
      idOf(tx, sql`select ${uuidOf(sql`${organisationId} || 'e' || ${n}::int`)}::text as id`),
    );
  const w = (n: number) =>
    withTenant(api.testDb.owner, api.tenantA.id, async (tx) =>
      idOf(tx, sql`select ${uuidOf(sql`${organisationId} || 'w' || ${n}::int`)}::text as id`),
    );
  const worker = (name: string, establishmentIds: string[]) => ({
    nameLatin: name,
    nationality: 'VN',
    nameKana: 'テスト',
    extra: {},
    establishmentIds,
  });

  let saved = await portal.changeRequest.saveWorkerAdd({ draftVersion: null, itemId: null, values: worker('TRAN THI AN', [await e(1)]) });
  saved = await portal.changeRequest.saveWorkerAdd({
    draftVersion: saved.version,
    itemId: null,
    values: worker('LE VAN BINH', [await e(2)]),
  });
  saved = await portal.changeRequest.saveEstablishmentEdit({
    draftVersion: saved.version,
    establishmentId: await e(3),
    values: establishmentValues('さくら苑 第3事業所 本館'),
  });
  saved = await portal.changeRequest.saveWorkerEstablishments({
    draftVersion: saved.version,
    workerId: await w(1),
    establishmentIds: [await e(4), await e(5)],
  });
  await portal.changeRequest.submit({ id: saved.id, version: saved.version, content: '受入れの変更', reason: '新たに受け入れるため' });

  saved = await portal.changeRequest.saveWorkerAdd({ draftVersion: null, itemId: null, values: worker('SANTOS MARIA', [await e(6)]) });
  saved = await portal.changeRequest.saveWorkerAdd({
    draftVersion: saved.version,
    itemId: null,
    values: worker('DELA CRUZ JOSE', [await e(7)]),
  });
  const added = await portal.changeRequest.saveEstablishmentAdd({
    draftVersion: saved.version,
    itemId: null,
    values: establishmentValues('さくら苑 新館'),
  });
  saved = await portal.changeRequest.saveWorkerEstablishments({
    draftVersion: added.version,
    workerId: await w(2),
    establishmentIds: [await e(8), added.itemId as string],
  });
  saved = await portal.changeRequest.saveWorkerEstablishments({
    draftVersion: saved.version,
    workerId: await w(3),
    establishmentIds: [await e(9)],
  });
  await portal.changeRequest.saveEstablishmentEdit({
    draftVersion: saved.version,
    establishmentId: await e(10),
    values: establishmentValues('さくら苑 第10事業所 東'),
  });
}

async function idOf(tx: Parameters<Parameters<typeof withTenant>[2]>[0], query: SQL): Promise<string> {
  const result = (await tx.execute(query)) as unknown as { id: string }[];
  const id = result[0]?.id;
  if (!id) throw new Error('no id');
  return id;
}

async function seedMember(api: TestApi, workers: number): Promise<Member> {
  const loginId = `bench-member-${workers}`;
  const user = await api.applicant(api.tenantA, loginId);
  const token = await api.signIn(api.tenantA, 'portal', loginId);
  const organisationId = (await api.portal(api.tenantA, token).organisation.get()).id;
  await makeMember(api, api.tenantA, organisationId, `KAIGO-M2026-${String(900000 + workers).padStart(6, '0')}`);
  // A member joined through an approved application (as マイページ of a real member reads it).
  await api.testDb.owner.db
    .update(schema.applications)
    .set({ state: 'approved', submittedAt: new Date('2026-11-01T00:00:00Z'), decidedAt: new Date('2026-11-10T00:00:00Z') })
    .where(eq(schema.applications.organisationId, organisationId));
  await seedRegistered(api, organisationId, user.id, workers);
  await seedRequests(api, token, organisationId);
  return { workers, slug: api.tenantA.slug, cookie: `kyogikai-portal-session=${token}`, organisationId };
}

function percentileOf(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;
}

type Result = {
  procedure: string;
  workers: number;
  rows: string;
  p50: number;
  p95: number;
  kb: number;
  gzipKb: number;
  statements: number;
};

async function measure(api: TestApi, member: Member, procedure: string): Promise<Result> {
  const call = async () => {
    const response = await api.app.request(`/t/${member.slug}/api/portal/trpc/${procedure}`, { headers: { cookie: member.cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${procedure}: ${response.status} ${body.slice(0, 500)}`);
    return body;
  };
  let body = '';
  for (let i = 0; i < WARM_UP; i += 1) body = await call();
  const before = statements;
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
  }
  const perCall = (statements - before) / ITERATIONS;
  times.sort((a, b) => a - b);
  let rows = '';
  if (procedure === 'changeRequest.registeredData') {
    const data = (
      JSON.parse(body) as {
        result: { data: { json: { establishments: { status: string }[]; workers: { status: string; documentsComplete: boolean }[] } } };
      }
    ).result.data.json;
    const adding = (list: { status: string }[]) => list.filter((row) => row.status === 'adding').length;
    rows = `${data.establishments.length} est. (${adding(data.establishments)} adding), ${data.workers.length} workers (${adding(data.workers)} adding, ${data.workers.filter((row) => row.documentsComplete).length} with every document)`;
  }
  return {
    procedure,
    workers: member.workers,
    rows,
    p50: percentileOf(times, 0.5),
    p95: percentileOf(times, 0.95),
    kb: Buffer.byteLength(body) / 1024,
    gzipKb: gzipSync(body).length / 1024,
    statements: perCall,
  };
}

async function main() {
  // The app pool is made once the test database exists; requests reach it through this forwarding
  // handle (the API reads `database.db` per transaction), so the statements of each call are counted.
  let counting: Database | null = null;
  const forwarding: Database = {
    kind: 'postgres',
    get db() {
      if (!counting) throw new Error('app pool not open yet');
      return counting.db;
    },
    close: async () => {},
  };
  const api = await createTestApi({ database: forwarding });
  counting = countingDatabase(api.testDb.appUrl);
  try {
    const started = performance.now();
    const members: Member[] = [];
    for (const size of SIZES) members.push(await seedMember(api, size));
    for (const table of ['establishments', 'workers', 'worker_establishments', 'documents', 'change_requests', 'change_items']) {
      await api.testDb.owner.db.execute(sql.raw(`vacuum analyze ${table}`));
    }
    const seedSeconds = (performance.now() - started) / 1000;

    const loadBefore = os.loadavg()[0] ?? 0;
    const results: Result[] = [];
    for (const member of members) {
      results.push(await measure(api, member, 'changeRequest.registeredData'));
      results.push(await measure(api, member, 'mypage.get'));
    }
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `registered-data: ${new Date().toISOString()} · ${os.cpus().length} × ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(1)} GB · Node ${process.version} · load (1 min) ${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    );
    console.log(
      `seeded ${SIZES.join(' / ')} workers (${ESTABLISHMENTS} establishments, ${DOCUMENTS_PER_WORKER} documents each, a submitted request and a draft) in ${seedSeconds.toFixed(1)} s; ${WARM_UP} warm-ups, ${ITERATIONS} runs (HTTP app, session cookie, kyogikai_app under RLS)`,
    );
    console.log('| Procedure | Workers | Rows | p50 ms | p95 ms | Response KB (gzip) | Statements |');
    console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const r of results)
      console.log(
        `| ${r.procedure} | ${r.workers.toLocaleString('en')} | ${r.rows} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.kb.toFixed(1)} (${r.gzipKb.toFixed(1)}) | ${r.statements.toFixed(0)} |`,
      );
  } finally {
    await counting.close();
    if (KEEP) {
      console.log(`kept database ${api.testDb.name}`);
      await Promise.all([api.testDb.owner.close(), api.testDb.app.close()]);
    } else {
      await api.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
