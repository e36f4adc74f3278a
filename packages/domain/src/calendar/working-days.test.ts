import { describe, expect, it } from 'vitest';
import { isWorkingDay, japanDayNumber, workingDaysBetween } from './working-days';

/** Midday in Japan on a calendar day, as an instant. */
const jst = (date: string, time = '12:00') => new Date(`${date}T${time}:00+09:00`);

describe('C2 working days (review targets are counted in the working days of government offices)', () => {
  it('C2 weekends, national holidays, 振替休日, 国民の休日 and 12/29-1/3 are not working days', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-23')).toBe(false); // 勤労感謝の日 (Monday)
    expect(isWorkingDay('2026-05-06')).toBe(false); // こどもの日 振替休日 (憲法記念日 fell on a Sunday)
    expect(isWorkingDay('2027-03-22')).toBe(false); // 春分の日 振替休日
    expect(isWorkingDay('2026-09-22')).toBe(false); // 国民の休日 between 敬老の日 and 秋分の日
    expect(isWorkingDay('2026-12-28')).toBe(true); // the last working day of the year
    for (const day of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) {
      expect(isWorkingDay(day), day).toBe(false);
    }
    expect(isWorkingDay('2027-01-04')).toBe(true);
  });

  it('C2 the day of arrival does not count; the day of counting does (初日不算入)', () => {
    expect(workingDaysBetween(jst('2026-11-27', '09:00'), jst('2026-11-27', '17:00'))).toBe(0);
    // Submitted on a Friday: on the Monday after it has waited one working day.
    expect(workingDaysBetween(jst('2026-11-20'), jst('2026-11-24'))).toBe(1); // Monday 11/23 is 勤労感謝の日
    expect(workingDaysBetween(jst('2026-11-13'), jst('2026-11-16'))).toBe(1);
    expect(workingDaysBetween(jst('2026-11-13'), jst('2026-11-27'))).toBe(9); // two weeks, one holiday
  });

  it('C2 Golden Week, the September 連休 and the year-end closure are skipped', () => {
    expect(workingDaysBetween(jst('2026-04-30'), jst('2026-05-07'))).toBe(2); // 5/1 and 5/7
    expect(workingDaysBetween(jst('2026-09-18'), jst('2026-09-24'))).toBe(1); // 9/21-23 are holidays
    expect(workingDaysBetween(jst('2026-12-25'), jst('2027-01-04'))).toBe(2); // 12/28 and 1/4
  });

  it('C2 days are Japan calendar days, whatever the server time zone', () => {
    // 23:00 and 00:30 Japan time are on different days though both are 26 November in UTC.
    const thursdayNight = new Date('2026-11-26T14:00:00Z');
    const fridayAfterMidnight = new Date('2026-11-26T15:30:00Z');
    expect(japanDayNumber(fridayAfterMidnight) - japanDayNumber(thursdayNight)).toBe(1);
    expect(workingDaysBetween(thursdayNight, fridayAfterMidnight)).toBe(1);
  });

  it('C2 a whole year: 2026 has 240 working days', () => {
    // 261 weekdays − 17 weekday holidays − 1/2, 12/29, 12/30, 12/31.
    expect(workingDaysBetween(jst('2025-12-31'), jst('2026-12-31'))).toBe(240);
  });

  it('C2 spans across years agree with counting day by day; a reversed span is 0', () => {
    const dayByDay = (from: Date, to: Date) => {
      let count = 0;
      for (let day = japanDayNumber(from) + 1; day <= japanDayNumber(to); day += 1) {
        if (isWorkingDay(new Date(day * 86_400_000).toISOString().slice(0, 10))) count += 1;
      }
      return count;
    };
    const pairs: [string, string][] = [
      ['2019-04-26', '2019-05-08'], // the 2019 enthronement holidays
      ['2020-07-20', '2020-07-28'], // the Olympic moves of 海の日 and スポーツの日
      ['2024-12-27', '2027-01-05'],
      ['2023-02-01', '2026-11-27'],
    ];
    for (const [from, to] of pairs) {
      expect(workingDaysBetween(jst(from), jst(to)), `${from} → ${to}`).toBe(dayByDay(jst(from), jst(to)));
    }
    expect(workingDaysBetween(jst('2026-11-27'), jst('2026-11-20'))).toBe(0);
  });
});
