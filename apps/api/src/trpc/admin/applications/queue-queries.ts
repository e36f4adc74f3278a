import { queryRows, type TenantTx } from '@kyogikai/db';
import { APPLICATION_OPEN_STATES, APPLICATION_QUEUE_STATES, isAwaitingStaff, type TApplicationQueueState } from '@kyogikai/domain';
import { workingDaysBetween } from '@kyogikai/domain/calendar';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../app-error';
import type { TQueueFilter, TQueueRow } from './applications.schema';
import { parseQueueSearch } from './queue-search';

// The staff queue's SQL (issue 6), shared by the tRPC procedures and the CSV export. Every query
// names the tenant (RLS is the second wall) and is written so PostgreSQL can serve it from an
// index under row-level security (ADR 021): only leakproof comparisons on plain columns become
// index conditions there, so the order and keyset use the stored waiting_since column
// (applications_queue_waiting_idx and its open-state and per-state siblings), exact searches
// compare with `=`, and partial names go through organisation_ids_matching_name().

/** coalesce(resubmitted_at, submitted_at), stored: the queue's order and keyset (migration 0017, ADR 021). */
const WAITING_SINCE = sql`a.waiting_since`;
const OPEN_STATES = sql.raw(APPLICATION_OPEN_STATES.map((state) => `'${state}'`).join(', '));

/** Where the previous page ended: the exact waiting-since (microseconds, as PostgreSQL text) and id. */
export type TQueueCursor = { waitingSince: string; id: string };

const ZCursor = z.tuple([z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+[+-][0-9:]+$/), z.uuid()]);

export function encodeQueueCursor(cursor: TQueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.waitingSince, cursor.id])).toString('base64url');
}

export function decodeQueueCursor(text: string): TQueueCursor {
  try {
    const [waitingSince, id] = ZCursor.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { waitingSince, id };
  } catch {
    throw new AppError('BAD_REQUEST', 'validation.invalid');
  }
}

function organisationsOfLoginId(tenantId: string, loginId: string): SQL {
  return sql`select m.organisation_id from organisation_memberships m
               join users u on u.tenant_id = m.tenant_id and u.id = m.user_id
              where u.tenant_id = ${tenantId} and u.login_id = ${loginId} and m.status = 'active'`;
}

/**
 * A search made concrete once per request: an exact 受付番号, or the ids of the organisations it
 * found. The ids are read in a statement of their own and then given to the page and count queries
 * as one uuid[] parameter, so the name search runs once, and PostgreSQL probes
 * applications by organisation instead of guessing how many a function will return.
 */
export type TResolvedSearch = { kind: 'referenceNumber'; referenceNumber: string } | { kind: 'organisations'; ids: string[] };

export async function resolveQueueSearch(tx: TenantTx, tenantId: string, q: string | undefined): Promise<TResolvedSearch | null> {
  const search = parseQueueSearch(q);
  if (!search) return null;
  if (search.kind === 'referenceNumber') return search;
  const query =
    search.kind === 'corporateNumber'
      ? sql`select o.id from organisations o where o.tenant_id = ${tenantId} and o.corporate_number = ${search.corporateNumber}`
      : search.kind === 'loginId'
        ? organisationsOfLoginId(tenantId, search.loginId)
        : sql`select organisation_ids_matching_name(${search.namePattern}, ${search.kanaPattern})
              union ${organisationsOfLoginId(tenantId, search.loginId)}`;
  const rows = await queryRows<{ ids: string[] | string | null }>(tx, sql`select array(${query})::text[] as ids`);
  return { kind: 'organisations', ids: uuidArray(rows[0]?.ids ?? null) };
}

/** postgres.js parses text[] into an array; PGlite may hand back the literal. */
function uuidArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === '{}') return [];
  return value.replace(/^\{|\}$/g, '').split(',');
}

function searchCondition(search: TResolvedSearch): SQL {
  if (search.kind === 'referenceNumber') return sql`a.reference_number = ${search.referenceNumber}`;
  if (search.ids.length === 0) return sql`false`;
  return sql`a.organisation_id = any(${`{${search.ids.join(',')}}`}::uuid[])`;
}

function queueConditions(tenantId: string, filter: TQueueFilter, search: TResolvedSearch | null): SQL {
  const conditions = [sql`a.tenant_id = ${tenantId}`, sql`a.submitted_at is not null`];
  // 'open' is written out literally so the planner can prove applications_queue_open_idx applies.
  if (filter.state === 'open') conditions.push(sql`a.state in (${OPEN_STATES})`);
  else if (filter.state) conditions.push(sql`a.state = ${filter.state}`);
  if (search) conditions.push(searchCondition(search));
  return sql.join(conditions, sql` and `);
}

type RawQueueRow = {
  id: string;
  reference_number: string | null;
  state: TApplicationQueueState;
  waiting_since: Date | string;
  waiting_key: string;
  corporate_name: string | null;
  corporate_name_kana: string | null;
  corporate_number: string | null;
  withdrawn_at: Date | string | null;
  worker_count: number | string;
};

/** A queue row before the days waiting are worked out, with its exact keyset position. */
export type TQueuePageRow = Omit<TQueueRow, 'workingDaysWaiting' | 'isOverTarget'> & { waitingKey: string };

/** The page query itself (exported for the benchmark's EXPLAIN). */
export type TQueuePageInput = {
  tenantId: string;
  filter: TQueueFilter;
  search: TResolvedSearch | null;
  after: TQueueCursor | null;
  limit: number;
};

export function queuePageQuery(input: TQueuePageInput): SQL {
  const { tenantId, filter, search, after, limit } = input;
  const where = queueConditions(tenantId, filter, search);
  const keyset = after ? sql` and (${WAITING_SINCE}, a.id) > (${after.waitingSince}::timestamptz, ${after.id}::uuid)` : sql``;
  return sql`select p.id, p.reference_number, p.state, p.waiting_since, p.waiting_key,
               o.corporate_name, o.corporate_name_kana, o.corporate_number, o.withdrawn_at,
               (select count(*) from workers w
                 where w.tenant_id = p.tenant_id and w.organisation_id = p.organisation_id and w.archived_at is null)::int as worker_count
          from (select a.tenant_id, a.id, a.organisation_id, a.reference_number, a.state,
                       ${WAITING_SINCE} as waiting_since, ${WAITING_SINCE}::text as waiting_key
                  from applications a
                 where ${where}${keyset}
                 order by ${WAITING_SINCE}, a.id
                 limit ${limit}) p
          join organisations o on o.tenant_id = p.tenant_id and o.id = p.organisation_id
         order by p.waiting_since, p.id`;
}

/**
 * One page of the queue, oldest waiting first, after `after` (keyset: deep pages cost what the
 * first does). The page is cut from `applications` alone, then joined to its organisations.
 */
export async function selectQueuePage(tx: TenantTx, input: TQueuePageInput): Promise<{ rows: TQueuePageRow[] }> {
  const raw = await queryRows<RawQueueRow>(tx, queuePageQuery(input));
  return {
    rows: raw.map((row) => ({
      id: row.id,
      referenceNumber: row.reference_number,
      corporateName: row.corporate_name,
      corporateNameKana: row.corporate_name_kana,
      corporateNumber: row.corporate_number,
      state: row.state,
      waitingSince: new Date(row.waiting_since),
      waitingKey: row.waiting_key,
      withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at),
      workerCount: Number(row.worker_count),
    })),
  };
}

/** Submitted applications per state, from the trigger-kept counts (migration 0014). */
export async function selectStateCounts(tx: TenantTx, tenantId: string): Promise<Record<TApplicationQueueState, number>> {
  const rows = await queryRows<{ state: TApplicationQueueState; count: number | string }>(
    tx,
    sql`select c.state, c.count from application_state_counts c where c.tenant_id = ${tenantId}`,
  );
  const byState = Object.fromEntries(APPLICATION_QUEUE_STATES.map((state) => [state, 0])) as Record<TApplicationQueueState, number>;
  for (const row of rows) if (row.state in byState) byState[row.state] = Number(row.count);
  return byState;
}

export function countOf(byState: Record<TApplicationQueueState, number>, state: TQueueFilter['state']): number {
  if (state === 'open') return APPLICATION_OPEN_STATES.reduce((sum, s) => sum + byState[s], 0);
  if (state) return byState[state];
  return APPLICATION_QUEUE_STATES.reduce((sum, s) => sum + byState[s], 0);
}

/** The count of a searched queue (exported for the benchmark's EXPLAIN). */
export function queueCountQuery(tenantId: string, filter: TQueueFilter, search: TResolvedSearch): SQL {
  return sql`select count(*)::int as n from applications a where ${queueConditions(tenantId, filter, search)}`;
}

/** How many applications match the filter: kept counts without a search, a count of the matches with one. */
export async function countQueue(tx: TenantTx, tenantId: string, filter: TQueueFilter, search: TResolvedSearch | null): Promise<number> {
  if (!search) return countOf(await selectStateCounts(tx, tenantId), filter.state);
  const [row] = await queryRows<{ n: number | string }>(tx, queueCountQuery(tenantId, filter, search));
  return Number(row?.n ?? 0);
}

/** Days waiting (SPEC C2) as of `now`, and whether that is over the tenant's target. */
export function withWaiting<T extends { state: TApplicationQueueState; waitingSince: Date }>(
  row: T,
  now: Date,
  targetWorkingDays: number,
): T & { workingDaysWaiting: number | null; isOverTarget: boolean } {
  const workingDaysWaiting = isAwaitingStaff(row.state) ? workingDaysBetween(row.waitingSince, now) : null;
  return { ...row, workingDaysWaiting, isOverTarget: workingDaysWaiting !== null && workingDaysWaiting > targetWorkingDays };
}
