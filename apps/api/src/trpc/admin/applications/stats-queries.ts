import { queryRows, type TenantTx } from '@kyogikai/db';
import { japanDayNumber, workingDaysBetween } from '@kyogikai/domain/calendar';
import { sql } from 'drizzle-orm';
import type { TApplicationStats } from './applications.schema';

const MS_PER_DAY = 86_400_000;
const JAPAN_OFFSET_MS = 9 * 3_600_000;
const WEEKS = 12;
/** Decisions of the last year: long enough to be stable, short enough to show today's pace. */
const DECISION_WINDOW_DAYS = 365;

/** Midnight in Japan at the start of a Japan day number, as an instant. */
const japanMidnight = (dayNumber: number) => new Date(dayNumber * MS_PER_DAY - JAPAN_OFFSET_MS);
const isoDay = (dayNumber: number) => new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);

/** The value at fraction `p` of sorted values, interpolating between neighbours (as Excel's PERCENTILE.INC). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? 0;
  const b = sorted[upper] ?? 0;
  return Math.round((a + (b - a) * (position - lower)) * 10) / 10;
}

/**
 * Received per week (first submissions, Monday-Sunday weeks in Japan time) and the working days from
 * first submission to decision (approved or rejected) against the tenant's target (SPEC C2).
 */
export async function selectApplicationStats(
  tx: TenantTx,
  input: { tenantId: string; now: Date; targetWorkingDays: number },
): Promise<Omit<TApplicationStats, 'byState'>> {
  const today = japanDayNumber(input.now);
  const weekday = (today + 4) % 7; // 1970-01-01 (day 0) was a Thursday; 0 = Sunday
  const thisMonday = today - ((weekday + 6) % 7);
  const firstMonday = thisMonday - 7 * (WEEKS - 1);

  const perDay = await queryRows<{ day: number | string; n: number | string }>(
    tx,
    sql`select floor((extract(epoch from a.submitted_at) * 1000 + ${JAPAN_OFFSET_MS}) / ${MS_PER_DAY})::int as day, count(*)::int as n
          from applications a
         where a.tenant_id = ${input.tenantId} and a.submitted_at is not null and a.submitted_at >= ${japanMidnight(firstMonday).toISOString()}::timestamptz
         group by 1`,
  );
  const receivedPerWeek = Array.from({ length: WEEKS }, (_, week) => ({ weekStart: isoDay(firstMonday + 7 * week), count: 0 }));
  for (const row of perDay) {
    const bucket = receivedPerWeek[Math.floor((Number(row.day) - firstMonday) / 7)];
    if (bucket) bucket.count += Number(row.n);
  }

  const decided = await queryRows<{ submitted_at: Date | string; decided_at: Date | string }>(
    tx,
    sql`select a.submitted_at, a.decided_at
          from applications a
         where a.tenant_id = ${input.tenantId} and a.decided_at is not null
           and a.decided_at >= ${new Date(input.now.getTime() - DECISION_WINDOW_DAYS * MS_PER_DAY).toISOString()}::timestamptz
           and a.state in ('approved', 'rejected') and a.submitted_at is not null`,
  );
  const days = decided.map((row) => workingDaysBetween(new Date(row.submitted_at), new Date(row.decided_at))).sort((a, b) => a - b);
  return {
    receivedPerWeek,
    decisionTime: {
      windowDays: DECISION_WINDOW_DAYS,
      decided: days.length,
      medianWorkingDays: percentile(days, 0.5),
      p90WorkingDays: percentile(days, 0.9),
      targetWorkingDays: input.targetWorkingDays,
      overTarget: days.filter((d) => d > input.targetWorkingDays).length,
    },
  };
}
