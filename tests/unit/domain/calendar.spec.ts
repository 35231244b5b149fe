import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayOffReason,
  easterSunday,
  epochDay,
  frenchHolidays,
  isoDay,
  parseIsoDay,
  weekday,
  workingDays
} from '../../../src/lib/domain/calendar';

describe('calendar', () => {
  it('computes Easter Sunday for known years', () => {
    // Published dates (service-public.fr / calendars).
    expect(isoDay(easterSunday(2024))).toBe('2024-03-31');
    expect(isoDay(easterSunday(2025))).toBe('2025-04-20');
    expect(isoDay(easterSunday(2026))).toBe('2026-04-05');
    expect(isoDay(easterSunday(2027))).toBe('2027-03-28');
    expect(isoDay(easterSunday(2038))).toBe('2038-04-25');
  });

  it('lists the eleven French public holidays of 2027', () => {
    const days = frenchHolidays(2027).map((h) => isoDay(h.day));
    expect(days).toEqual([
      '2027-01-01',
      '2027-03-29', // lundi de Pâques
      '2027-05-01',
      '2027-05-06', // Ascension
      '2027-05-08',
      '2027-05-17', // lundi de Pentecôte
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25'
    ]);
    const am = frenchHolidays(2027, true).map((h) => isoDay(h.day));
    expect(am).toContain('2027-03-26'); // Vendredi saint
    expect(am).toContain('2027-12-26');
    expect(am).toHaveLength(13);
  });

  it('knows weekdays, months and ISO days', () => {
    expect(weekday(epochDay(2027, 1, 4))).toBe(0); // Monday
    expect(weekday(epochDay(2027, 1, 10))).toBe(6); // Sunday
    expect(isoDay(addMonths(epochDay(2027, 1, 31), 1))).toBe('2027-02-28');
    expect(isoDay(addMonths(epochDay(2027, 3, 15), 12))).toBe('2028-03-15');
    expect(parseIsoDay('2027-02-30')).toBeNull();
    expect(parseIsoDay('04/01/2027')).toBeNull();
    expect(parseIsoDay('2027-01-04')).toBe(epochDay(2027, 1, 4));
  });

  it('removes weekends, holidays and days off from working days', () => {
    const start = epochDay(2027, 1, 1);
    const end = addMonths(start, 12);
    const all = workingDays(start, end);
    const count = all.reduce((s, x) => s + x, 0);
    // 2027: 261 weekdays, of which 8 holidays fall on a weekday (1 May and 15 Aug are weekends…).
    const weekdays = Array.from({ length: end - start }, (_, i) => weekday(start + i) < 5).filter(
      Boolean
    ).length;
    const holidaysOnWeekdays = frenchHolidays(2027).filter((h) => weekday(h.day) < 5).length;
    expect(count).toBe(weekdays - holidaysOnWeekdays);
    const off = workingDays(start, end, {
      daysOff: [{ from: epochDay(2027, 8, 2), to: epochDay(2027, 8, 13) }]
    });
    expect(count - off.reduce((s, x) => s + x, 0)).toBe(10); // two weeks of August
    expect(off[epochDay(2027, 8, 2) - start]).toBe(0);
    expect(off[epochDay(2027, 8, 16) - start]).toBe(1);
  });

  it('says why a day is not worked, in agreement with workingDays', () => {
    const start = epochDay(2027, 1, 1);
    const end = addMonths(start, 24);
    const opts = {
      alsaceMoselle: true,
      weekdays: [true, true, true, true, false],
      daysOff: [{ from: epochDay(2027, 8, 2), to: epochDay(2027, 8, 13) }]
    };
    const days = workingDays(start, end, opts);
    for (let d = start; d < end; d++)
      expect(dayOffReason(d, opts) === null).toBe(days[d - start] === 1);
    expect(dayOffReason(epochDay(2027, 12, 25), opts)).toBe('weekend'); // a Saturday
    expect(dayOffReason(epochDay(2027, 12, 27), opts)).toBe(null);
    expect(dayOffReason(epochDay(2027, 3, 26), opts)).toBe('holiday'); // Vendredi saint (A-M)
    expect(dayOffReason(epochDay(2027, 1, 8), opts)).toBe('off'); // a Friday, not worked
    expect(dayOffReason(epochDay(2027, 8, 3), opts)).toBe('off');
  });
});
