/**
 * Working calendar for action plans: days as epoch days (days since 1970-01-01, UTC, integral,
 * timezone-free, like stored dates), weekends, French public holidays and days off.
 */
import type { EpochDay } from './columns';

const MS_PER_DAY = 86_400_000;

/** Epoch day of a calendar date (month 1–12). */
export function epochDay(year: number, month: number, day: number): EpochDay {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** `YYYY-MM-DD` → epoch day; null when the text is not a real date. */
export function parseIsoDay(text: string): EpochDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = epochDay(y, mo, d);
  const back = new Date(day * MS_PER_DAY);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() + 1 !== mo || back.getUTCDate() !== d)
    return null;
  return day;
}

/** Epoch day → `YYYY-MM-DD`. */
export function isoDay(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar parts of an epoch day (month 1–12). */
export function dayParts(day: EpochDay): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: EpochDay): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: EpochDay): EpochDay {
  return day - weekday(day);
}

/** Adds calendar months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: EpochDay, months: number): EpochDay {
  const p = dayParts(day);
  const total = p.year * 12 + (p.month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = dayParts(epochDay(y, m + 1, 1) - 1).day;
  return epochDay(y, m, Math.min(p.day, last));
}

/** Easter Sunday of `year` (Gregorian; anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): EpochDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDay(year, month, day);
}

export interface Holiday {
  day: EpochDay;
  /** Key for the UI (`newYear`, `easterMonday`…). */
  key: string;
}

/**
 * French public holidays (jours fériés) of `year`: the eleven of metropolitan France, plus Good
 * Friday and St Stephen's day in Alsace-Moselle when asked. Sorted by date.
 */
export function frenchHolidays(year: number, alsaceMoselle = false): Holiday[] {
  const easter = easterSunday(year);
  const out: Holiday[] = [
    { day: epochDay(year, 1, 1), key: 'newYear' },
    { day: easter + 1, key: 'easterMonday' },
    { day: epochDay(year, 5, 1), key: 'labourDay' },
    { day: epochDay(year, 5, 8), key: 'victoryDay' },
    { day: easter + 39, key: 'ascension' },
    { day: easter + 50, key: 'whitMonday' },
    { day: epochDay(year, 7, 14), key: 'bastilleDay' },
    { day: epochDay(year, 8, 15), key: 'assumption' },
    { day: epochDay(year, 11, 1), key: 'allSaints' },
    { day: epochDay(year, 11, 11), key: 'armistice' },
    { day: epochDay(year, 12, 25), key: 'christmas' }
  ];
  if (alsaceMoselle)
    out.push(
      { day: easter - 2, key: 'goodFriday' },
      { day: epochDay(year, 12, 26), key: 'stStephen' }
    );
  return out.sort((a, b) => a.day - b.day);
}

/** An inclusive range of days off. */
export interface DayRange {
  from: EpochDay;
  to: EpochDay;
}

/** What may keep a person from working a day (the options of `workingDays`). */
export interface WorkOptions {
  alsaceMoselle?: boolean;
  daysOff?: readonly DayRange[];
  /** Weekdays worked, Monday to Friday (a 4/5 rep: Monday–Thursday); all by default. */
  weekdays?: readonly boolean[];
}

/** Why `day` is not worked (weekend, public holiday, day off or weekday not worked), or null. */
export function dayOffReason(
  day: EpochDay,
  opts: WorkOptions = {}
): 'weekend' | 'holiday' | 'off' | null {
  const wd = weekday(day);
  if (wd > 4) return 'weekend';
  if (frenchHolidays(dayParts(day).year, opts.alsaceMoselle).some((h) => h.day === day))
    return 'holiday';
  if (opts.weekdays?.[wd] === false) return 'off';
  if (opts.daysOff?.some((r) => day >= r.from && day <= r.to)) return 'off';
  return null;
}

/**
 * Which days of [start, end) a person can work: 1 = working day, 0 = weekend, public holiday or
 * day off. Index 0 is `start`.
 */
export function workingDays(start: EpochDay, end: EpochDay, opts: WorkOptions = {}): Uint8Array {
  const n = Math.max(0, end - start);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const wd = weekday(start + i);
    out[i] = wd < 5 && (opts.weekdays?.[wd] ?? true) ? 1 : 0;
  }
  if (n === 0) return out;
  const y0 = dayParts(start).year;
  const y1 = dayParts(end - 1).year;
  for (let y = y0; y <= y1; y++)
    for (const h of frenchHolidays(y, opts.alsaceMoselle)) {
      const i = h.day - start;
      if (i >= 0 && i < n) out[i] = 0;
    }
  for (const r of opts.daysOff ?? []) {
    const from = Math.max(r.from, start);
    const to = Math.min(r.to, end - 1);
    for (let d = from; d <= to; d++) out[d - start] = 0;
  }
  return out;
}
