/**
 * ICS calendar export (RFC 5545) with ical-generator: one VEVENT per planned action, in floating
 * local time (the rep's own time zone), with a UID that depends only on the occurrence (account,
 * action, number, period, workspace) so that importing a new export updates the events instead
 * of duplicating them; SEQUENCE grows with each generation so calendars accept the update.
 *
 * Events are serialised one by one and folded per event: ical-generator's whole-calendar
 * toString() folds the full text at once and is quadratic on large plans.
 */
import { ICalCalendarMethod, ICalEvent, default as ical, foldLines } from 'ical-generator';
export { uidPart } from './uid';

export interface IcsEvent {
  uid: string;
  /** Local start (floating): year, month 1–12, day, minutes after midnight. */
  start: { year: number; month: number; day: number; minute: number };
  minutes: number;
  summary: string;
  description: string;
  location: string;
  categories: string[];
}

/** Builds the whole calendar text (CRLF line ends, lines folded at 75 octets). */
export function toIcs(opts: {
  name: string;
  /** When this plan was generated (DTSTAMP) — ms since epoch. */
  stamp: number;
  /** Grows with each generation (SEQUENCE). */
  sequence: number;
  events: Iterable<IcsEvent>;
}): string {
  const cal = ical({
    name: opts.name,
    prodId: { company: 'Podium', product: 'Plans d’action', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH
  });
  const shell = cal.toString();
  const end = shell.lastIndexOf('END:VCALENDAR');
  const parts: string[] = [shell.slice(0, end)];
  const stamp = new Date(opts.stamp);
  for (const e of opts.events) {
    const s = e.start;
    const from = new Date(s.year, s.month - 1, s.day, Math.floor(s.minute / 60), s.minute % 60);
    const to = new Date(from.getTime() + Math.max(1, e.minutes) * 60_000);
    const ev = new ICalEvent(
      {
        id: e.uid,
        sequence: opts.sequence,
        stamp,
        start: from,
        end: to,
        floating: true,
        summary: e.summary,
        description: e.description,
        location: e.location || null,
        categories: e.categories.map((name) => ({ name }))
      },
      cal
    );
    parts.push(foldLines(ev.toString()));
  }
  parts.push('END:VCALENDAR\r\n');
  return parts.join('');
}
