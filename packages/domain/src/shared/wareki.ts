/**
 * Dates as printed on Japanese documents: 和暦 (令和8年11月27日) and 西暦 (2026年11月27日). Node's
 * ICU knows the eras (明治 to 令和 with their start days), so no table is kept here; the first year
 * of an era is written 元年 whatever the ICU build prints for it.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The date is a calendar date (no time zone): format it at UTC midnight in UTC.
const japaneseCalendar = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

function parseIsoDate(isoDate: string): { year: number; month: number; day: number; instant: Date } {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(Date.UTC(year, month - 1, day));
  if (instant.getUTCFullYear() !== year || instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${isoDate}`);
  }
  return { year, month, day, instant };
}

/** 和暦 of a calendar date (YYYY-MM-DD), e.g. 令和8年11月27日, 令和元年5月1日. From 明治6年 (1873, the solar calendar) on. */
export function formatWareki(isoDate: string): string {
  const { year, instant } = parseIsoDate(isoDate);
  if (year < 1873) throw new RangeError(`和暦 is printed only for dates from 1873 (solar calendar): ${isoDate}`);
  const parts = japaneseCalendar.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const era = part('era');
  const eraYear = part('year') === '1' ? '元' : part('year');
  return `${era}${eraYear}年${Number(part('month'))}月${Number(part('day'))}日`;
}

/** 西暦 of a calendar date (YYYY-MM-DD), e.g. 2026年11月27日. */
export function formatSeireki(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${year}年${month}月${day}日`;
}
