import holidayJp from '@holiday-jp/holiday_jp';

/**
 * Working days as Japanese government offices count them (行政機関の休日に関する法律 第1条): every
 * day except Saturdays, Sundays, national holidays under the 国民の祝日に関する法律 (including
 * 振替休日 and 国民の休日) and the year-end closure from 29 December to 3 January. Reviews are
 * promised "in 1-2 weeks" (SPEC C2) and tenants set their target in these days.
 *
 * The holiday calendar is @holiday-jp/holiday_jp (ADR 018): the Cabinet Office's list, with future
 * 春分/秋分 dates computed, for 1970-2050. Days outside that range count as if they had no
 * national holidays (weekends and the year-end closure still apply).
 *
 * Dates are calendar days in Asia/Tokyo (UTC+9, no daylight saving time), so an instant is moved
 * to Japan time before its day is taken, whatever the server's time zone.
 */

const MS_PER_DAY = 86_400_000;
const JAPAN_OFFSET_MS = 9 * 3_600_000;

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
function isoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar day an instant falls on in Japan, as days since 1970-01-01. */
export function japanDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + JAPAN_OFFSET_MS) / MS_PER_DAY);
}

function isYearEndClosure(month: number, day: number): boolean {
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}

/** Whether a Japan calendar day ('YYYY-MM-DD') is a working day of government offices. */
export function isWorkingDay(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) throw new RangeError(`isWorkingDay: not a YYYY-MM-DD date: ${date}`);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (isYearEndClosure(month, day)) return false;
  return !Object.hasOwn(holidayJp.holidays, date);
}

/**
 * Per year, the number of working days from 1 January up to and including each day, so that a
 * count over any span is two look-ups (the queue computes one per row, the dashboard thousands).
 */
const cumulativeByYear = new Map<number, { firstDay: number; counts: Int32Array }>();

function yearTable(year: number) {
  let table = cumulativeByYear.get(year);
  if (!table) {
    const firstDay = Date.UTC(year, 0, 1) / MS_PER_DAY;
    const length = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - firstDay;
    const counts = new Int32Array(length);
    let running = 0;
    for (let offset = 0; offset < length; offset += 1) {
      if (isWorkingDay(isoDate(firstDay + offset))) running += 1;
      counts[offset] = running;
    }
    table = { firstDay, counts };
    cumulativeByYear.set(year, table);
  }
  return table;
}

/** Working days from 1 January of the day's year up to and including the day. */
function workingDaysIntoYear(dayNumber: number): { year: number; count: number } {
  const year = new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
  const table = yearTable(year);
  return { year, count: table.counts[dayNumber - table.firstDay] ?? 0 };
}

function workingDaysInYear(year: number): number {
  const { counts } = yearTable(year);
  return counts[counts.length - 1] ?? 0;
}

/**
 * How many working days have passed from `from` to `to`: the working days after the day of
 * `from`, up to and including the day of `to` (Japan time). The day something arrives does not
 * count (初日不算入, as 民法第140条 counts periods), so an application submitted on a Friday has
 * waited 1 working day on the Monday after, and 0 on the Friday itself. Never negative: `to`
 * before `from` gives 0.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = japanDayNumber(from);
  const end = japanDayNumber(to);
  if (end <= start) return 0;
  const a = workingDaysIntoYear(start);
  const b = workingDaysIntoYear(end);
  let total = b.count - a.count;
  for (let year = a.year; year < b.year; year += 1) total += workingDaysInYear(year);
  return total;
}
