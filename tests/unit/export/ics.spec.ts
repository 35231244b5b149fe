import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toIcs, uidPart, type IcsEvent } from '../../../src/lib/export/ics';

const events: IcsEvent[] = [
  {
    uid: `${uidPart('012345678')}.rdv.0.20270104.ws@podium`,
    start: { year: 2027, month: 1, day: 5, minute: 9 * 60 },
    minutes: 150,
    summary: 'Rendez-vous physique / démo — Boulangeries Lefèvre; Fils, Cie',
    description: 'Segment : OR\nCompte 012345678 — Lyon (69003)\n' + 'x'.repeat(200),
    location: 'Lyon',
    categories: ['OR']
  },
  {
    uid: `${uidPart('A/B é')}.qualif.1.20270104.ws@podium`,
    start: { year: 2027, month: 3, day: 29, minute: 14 * 60 + 30 },
    minutes: 20,
    summary: 'Appel de qualification — =HYPERLINK("x")',
    description: '',
    location: '',
    categories: ['BRONZE']
  }
];

describe('ICS export', () => {
  const text = toIcs({
    name: 'PAC Camille Martin',
    stamp: Date.UTC(2027, 0, 1),
    sequence: 7,
    events
  });

  it('is valid RFC 5545 that a calendar parser reads back event by event', () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    expect(comp.name).toBe('vcalendar');
    expect(comp.getFirstPropertyValue('version')).toBe('2.0');
    const vevents = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(2);
    const [a, b] = vevents;
    expect(a.uid).toBe('012345678.rdv.0.20270104.ws@podium');
    expect(a.summary).toBe(events[0].summary);
    expect(a.description).toBe(events[0].description);
    expect(a.location).toBe('Lyon');
    expect(a.startDate.toString()).toBe('2027-01-05T09:00:00');
    expect(a.startDate.zone.tzid).toBe('floating'); // no Z, no TZID: the rep's local time
    expect(text).toContain('DTSTART:20270105T090000\r\n');
    expect(a.endDate.toString()).toBe('2027-01-05T11:30:00');
    expect(a.sequence).toBe(7);
    expect(b.uid).toBe('A.2FB.20.C3.A9.qualif.1.20270104.ws@podium');
    expect(b.startDate.toString()).toBe('2027-03-29T14:30:00');
    expect(b.endDate.toString()).toBe('2027-03-29T14:50:00');
  });

  it('uses CRLF and folds long lines at 75 octets', () => {
    const lines = text.split('\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
  });

  it('gives the same UIDs on a re-export, with a higher SEQUENCE', () => {
    const again = toIcs({ name: 'PAC', stamp: Date.UTC(2027, 1, 1), sequence: 8, events });
    const uids = (t: string) =>
      new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').map((v) => ({
        uid: v.getFirstPropertyValue('uid'),
        seq: v.getFirstPropertyValue('sequence')
      }));
    expect(uids(again).map((u) => u.uid)).toEqual(uids(text).map((u) => u.uid));
    expect(uids(again).every((u) => Number(u.seq) === 8)).toBe(true);
  });
});
