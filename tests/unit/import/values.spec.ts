import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import {
  GROUP_SEPARATORS,
  checkIdentifier,
  civilFromDays,
  daysFromCivil,
  detectDateOrder,
  detectNumberStyle,
  detectNumberStyleDetailed,
  epochDayFromYmd,
  epochDayToIso,
  excelSerialToEpochDay,
  expandTwoDigitYear,
  formatDate,
  formatNumber,
  isEmptyCell,
  parseBoolean,
  parseDate,
  parseNumber,
  parseNumberDetailed
} from '../../../src/lib/import/values';
import type { DateOrder, NumberStyle } from '../../../src/lib/import/values';
import { fixture } from './_fixtures';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const iso = (raw: string, order: DateOrder = 'dmy'): string | null => {
  const d = parseDate(raw, order);
  return d === null ? null : epochDayToIso(d);
};

describe('isEmptyCell', () => {
  it.each([
    '',
    '   ',
    NBSP,
    '-',
    ' – ',
    '—',
    'N/A',
    'n/a',
    'NA',
    'n.c.',
    'NC',
    'n.d.',
    'null',
    '#N/A',
    '#VALEUR!',
    '#DIV/0!',
    // Padded as fixed-width exports write them.
    '-        ',
    'N/A      ',
    `   #VALEUR!${NBSP}   `
  ])('%j is empty', (raw) => expect(isEmptyCell(raw)).toBe(true));
  it.each(['0', 'x', 'Non', 'nan', 'Nantes', '-1', 'Transports Lefèvre SA', '12 rue de la Paix'])(
    '%j is not empty',
    (raw) => expect(isEmptyCell(raw)).toBe(false)
  );
});

describe('parseNumber: examples', () => {
  it.each<[string, NumberStyle, number]>([
    ['1 234,56', 'fr', 1234.56],
    [`1${NBSP}234,56${NBSP}€`, 'fr', 1234.56],
    [`1${NNBSP}234${NNBSP}567,89${NBSP}€`, 'fr', 1234567.89],
    ['(1 234,56)', 'fr', -1234.56],
    [`(1${NBSP}234,56 €)`, 'fr', -1234.56],
    ['1234-', 'fr', -1234],
    ['1 234,56 -', 'fr', -1234.56],
    ['-1 234,56 €', 'fr', -1234.56],
    ['€ -12', 'fr', -12],
    ['\u22125', 'fr', -5],
    ['+12,5', 'fr', 12.5],
    ['12 %', 'fr', 12],
    [`12,5${NBSP}%`, 'fr', 12.5],
    ['12 EUR', 'fr', 12],
    ['12 euros', 'fr', 12],
    ['EUR 12', 'fr', 12],
    ['$1,234.56', 'en', 1234.56],
    ['1.234,56', 'de', 1234.56],
    ['1.234.567', 'de', 1234567],
    ['1.234', 'de', 1234],
    ['1,234.56', 'en', 1234.56],
    ['1,234', 'en', 1234],
    ["1'234.5", 'en', 1234.5],
    ["1'234,5", 'fr', 1234.5],
    ['1,5E+3', 'fr', 1500],
    ['1,5e-2', 'de', 0.015],
    ['1.5E+3', 'en', 1500],
    ['1,23457E+13', 'fr', 12345700000000],
    [',5', 'fr', 0.5],
    ['0,00 €', 'fr', 0],
    ['-0', 'fr', 0],
    ['007', 'fr', 7],
    // fr tolerates dots: a lone dot is a decimal mark, dots + comma are grouping.
    ['1.5', 'fr', 1.5],
    ['1.234', 'fr', 1.234],
    ['1.234,56', 'fr', 1234.56],
    ['1.234.567', 'fr', 1234567],
    ['1 234.56', 'fr', 1234.56]
  ])('%j (%s) → %d', (raw, style, expected) => {
    expect(parseNumber(raw, style)).toBe(expected);
  });

  it('-0 comes back as +0', () => {
    expect(Object.is(parseNumber('-0', 'fr'), 0)).toBe(true);
    expect(Object.is(parseNumber('(0)', 'fr'), 0)).toBe(true);
  });

  it.each<[string, NumberStyle]>([
    ['', 'fr'],
    ['-', 'fr'],
    ['N/A', 'fr'],
    ['n.c.', 'fr'],
    ['abc', 'fr'],
    ['12 34', 'fr'], // bad grouping
    ['1 2345', 'fr'],
    ['1,2,3', 'fr'],
    ['1,5', 'en'],
    ['1.5', 'de'],
    ['1.234,56', 'en'],
    ['1,234.56', 'de'],
    ['--5', 'fr'],
    ['-(5)', 'fr'],
    ['+5-', 'fr'],
    ['12 % €', 'fr'],
    ['5,', 'fr'],
    ['€', 'fr'],
    ['1 234,5E+3', 'fr'], // no grouping in scientific notation
    ['1e999', 'en'], // overflows to Infinity
    ['12abc', 'fr'],
    ['0x1F', 'en'],
    ['Infinity', 'en'],
    ['NaN', 'en'],
    ['+33 6 12 34 56 78', 'fr'],
    ['12/03/2024', 'fr'],
    ['62.01Z', 'fr']
  ])('%j (%s) → null', (raw, style) => {
    expect(parseNumber(raw, style)).toBeNull();
  });

  it('percent and currency are reported by parseNumberDetailed', () => {
    expect(parseNumberDetailed('12 %', 'fr')).toEqual({
      value: 12,
      percent: true,
      currency: false
    });
    expect(parseNumberDetailed('1 234 €', 'fr')).toEqual({
      value: 1234,
      percent: false,
      currency: true
    });
    expect(parseNumberDetailed('x', 'fr')).toBeNull();
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom<NumberStyle>('fr', 'de', 'en'),
        (s, style) => {
          const v = parseNumber(s, style);
          expect(v === null || Number.isFinite(v)).toBe(true);
        }
      ),
      { numRuns: 5000 }
    );
  });
});

describe('parseNumber(formatNumber(n)) round trip (property, 10,000 values per style)', () => {
  const styles: NumberStyle[] = ['fr', 'de', 'en'];
  const negatives = fc.constantFrom<'minus' | 'parens' | 'trailing'>('minus', 'parens', 'trailing');
  const unit = fc.constantFrom(undefined, '€', '%');

  for (const style of styles) {
    const groups = [...GROUP_SEPARATORS[style], ''];

    it(`${style}: amounts with up to 2 decimals, all separators incl. NBSP / NNBSP`, () => {
      expect(groups).toEqual(expect.arrayContaining([NBSP, NNBSP, '']));
      let nbsp = 0;
      let nnbsp = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: -1e15, max: 1e15 }),
          fc.constantFrom(...groups),
          negatives,
          unit,
          (cents, group, negative, u) => {
            const n = cents / 100;
            const text = formatNumber(n, style, { group, negative, unit: u });
            if (group === NBSP && Math.abs(n) >= 1000) nbsp++;
            if (group === NNBSP && Math.abs(n) >= 1000) nnbsp++;
            expect(parseNumber(text, style), text).toBe(n);
          }
        ),
        { numRuns: 10_000 }
      );
      // The generator did exercise the non-breaking separators.
      expect(nbsp).toBeGreaterThan(100);
      expect(nnbsp).toBeGreaterThan(100);
    });

    it(`${style}: any finite double (shortest representation, exponent forms)`, () => {
      fc.assert(
        fc.property(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(...groups),
          (n, group) => {
            const text = formatNumber(n, style, { group });
            expect(parseNumber(text, style), text).toBe(n === 0 ? 0 : n);
          }
        ),
        { numRuns: 10_000 }
      );
    });
  }

  it('formatNumber examples', () => {
    expect(formatNumber(1234567.89, 'fr')).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(formatNumber(-1234.5, 'de', { negative: 'parens' })).toBe('(1.234,5)');
    expect(formatNumber(-1234.5, 'en', { negative: 'trailing', unit: '€' })).toBe(
      `1,234.5-${NBSP}€`
    );
    expect(formatNumber(1.5e21, 'fr')).toBe('1,5E+21');
    expect(formatNumber(1e-7, 'de')).toBe('1E-7');
    expect(formatNumber(0.5, 'fr', { decimals: 2 })).toBe('0,50');
    expect(formatNumber(NaN, 'fr')).toBe('');
  });
});

describe('detectNumberStyle', () => {
  it.each<[string[], NumberStyle, boolean]>([
    [['1 234,56', '12,5', '7'], 'fr', false],
    [['1.234,56', '12,5'], 'de', false],
    [['1.234.567', '12'], 'de', false],
    [['1,234.56', '12.5'], 'en', false],
    [['1,234,567'], 'en', false],
    [['12.5', '3.25', '7'], 'en', false],
    [['1,234', '12'], 'fr', true], // only undecidable evidence
    [['1,234', '12,5'], 'fr', false], // the column proves decimal comma
    [['1,234', '1,234.5'], 'en', false],
    [['12,5', '12.5'], 'fr', true], // conflict, decimal comma wins ties
    [[], 'fr', false],
    [['n.c.', '', 'abc'], 'fr', false],
    [['1 234,56 €', '(12,00 €)', '12 %'], 'fr', false]
  ])('%j → %s (ambiguous %s)', (samples, style, ambiguous) => {
    const guess = detectNumberStyleDetailed(samples);
    expect(guess.style).toBe(style);
    expect(guess.ambiguous).toBe(ambiguous);
    expect(detectNumberStyle(samples)).toBe(style);
  });
});

describe('dates', () => {
  it.each<[string, DateOrder, string | null]>([
    ['05/03/2024', 'dmy', '2024-03-05'],
    ['05/03/2024', 'mdy', '2024-05-03'],
    ['5/3/24', 'dmy', '2024-03-05'],
    ['05-03-2024', 'dmy', '2024-03-05'],
    ['05.03.2024', 'dmy', '2024-03-05'],
    ['2024-03-05', 'dmy', '2024-03-05'],
    ['2024-03-05', 'mdy', '2024-03-05'],
    ['2024/03/05', 'dmy', '2024-03-05'],
    ['2024-03-05T14:30', 'dmy', '2024-03-05'],
    ['2024-03-05T23:59:59.123Z', 'dmy', '2024-03-05'],
    ['2024-03-05T00:30:00+02:00', 'dmy', '2024-03-05'], // taken as written, no TZ shift
    ['2024-03-05 14:30:00', 'dmy', '2024-03-05'],
    ['05/03/2024 14:30', 'dmy', '2024-03-05'],
    ['05/03/2024 14h30', 'dmy', '2024-03-05'],
    ['24-03-05', 'ymd', '2024-03-05'],
    ['99/12/31', 'ymd', '1999-12-31'],
    ['  29/02/2024 ', 'dmy', '2024-02-29'],
    ['29/02/2000', 'dmy', '2000-02-29'],
    ['01/01/70', 'dmy', '1970-01-01'],
    ['31/12/69', 'dmy', '2069-12-31'],
    ['31/12/00', 'dmy', '2000-12-31'],
    ['31/02/2024', 'dmy', null],
    ['29/02/2023', 'dmy', null],
    ['29/02/1900', 'dmy', null],
    ['13/13/2024', 'dmy', null],
    ['00/01/2024', 'dmy', null],
    ['05/13/2024', 'dmy', null],
    ['13/05/2024', 'mdy', null],
    ['2024-02-30', 'ymd', null],
    ['2024-03-05T25:00', 'dmy', null],
    ['05/03/202', 'dmy', null],
    ['05/03-2024', 'dmy', null],
    ['5 mars 2024', 'dmy', null],
    ['45000', 'dmy', null],
    ['0999-01-01', 'dmy', null],
    ['', 'dmy', null]
  ])('%j (%s) → %s', (raw, order, expected) => {
    expect(iso(raw, order)).toBe(expected);
  });

  it('two-digit year pivot: 00–69 → 20xx, 70–99 → 19xx', () => {
    expect(expandTwoDigitYear(0)).toBe(2000);
    expect(expandTwoDigitYear(69)).toBe(2069);
    expect(expandTwoDigitYear(70)).toBe(1970);
    expect(expandTwoDigitYear(99)).toBe(1999);
  });

  it('epoch days are integers from 1970-01-01', () => {
    expect(parseDate('01/01/1970', 'dmy')).toBe(0);
    expect(parseDate('02/01/1970', 'dmy')).toBe(1);
    expect(parseDate('31/12/1969', 'dmy')).toBe(-1);
    expect(epochDayFromYmd(2024, 3, 5)).toBe(Date.UTC(2024, 2, 5) / 86_400_000);
    expect(epochDayFromYmd(2023, 2, 29)).toBeNull();
  });

  it('civil ↔ days agrees with Date.UTC on random days (years 1000–9999)', () => {
    const min = daysFromCivil(1000, 1, 1);
    const max = daysFromCivil(9999, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min, max }), (d) => {
        const { year, month, day } = civilFromDays(d);
        const dt = new Date(d * 86_400_000);
        expect([year, month, day]).toEqual([
          dt.getUTCFullYear(),
          dt.getUTCMonth() + 1,
          dt.getUTCDate()
        ]);
        expect(daysFromCivil(year, month, day)).toBe(d);
        expect(epochDayToIso(d)).toBe(dt.toISOString().slice(0, 10));
      }),
      { numRuns: 10_000 }
    );
  });

  for (const order of ['dmy', 'mdy', 'ymd'] as const) {
    it(`${order}: parseDate(formatDate(d)) === d for random days, separators and padding`, () => {
      const min = daysFromCivil(1000, 1, 1);
      const max = daysFromCivil(9999, 12, 31);
      fc.assert(
        fc.property(
          fc.integer({ min, max }),
          fc.constantFrom<'/' | '-' | '.'>('/', '-', '.'),
          fc.boolean(),
          (d, sep, pad) => {
            const text = formatDate(d, order, { sep, pad: order === 'ymd' ? true : pad });
            expect(parseDate(text, order), text).toBe(d);
          }
        ),
        { numRuns: 10_000 }
      );
    });

    it(`${order}: two-digit years round-trip over 1970–2069`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: daysFromCivil(1970, 1, 1), max: daysFromCivil(2069, 12, 31) }),
          fc.boolean(),
          (d, pad) => {
            const text = formatDate(d, order, {
              twoDigitYear: true,
              pad: order === 'ymd' ? true : pad
            });
            expect(parseDate(text, order), text).toBe(d);
          }
        ),
        { numRuns: 5_000 }
      );
    });
  }

  it.each<[string[], DateOrder, boolean]>([
    [['05/03/2024', '25/03/2024'], 'dmy', false],
    [['03/25/2024', '03/05/2024'], 'mdy', false],
    [['05/03/2024', '06/04/2024'], 'dmy', true],
    [['05/05/2024', '01/01/2024'], 'dmy', false], // a == b proves nothing but is not ambiguous
    [['2024-03-05', '2024-12-31'], 'ymd', false],
    [['2024-03-05', '25/03/2024'], 'dmy', false],
    [['25/03/2024', '03/25/2024', '26/03/2024'], 'dmy', true], // conflict: majority, flagged
    [['n.c.', ''], 'dmy', false],
    [[], 'dmy', false]
  ])('detectDateOrder(%j) → %s (ambiguous %s)', (samples, order, ambiguous) => {
    expect(detectDateOrder(samples)).toMatchObject({ order, ambiguous });
  });
});

describe('Excel serials', () => {
  const isoOf = (serial: number, d1904: boolean): string =>
    epochDayToIso(excelSerialToEpochDay(serial, d1904));

  it('1900 system anchors, including the Lotus leap-day bug', () => {
    expect(isoOf(1, false)).toBe('1900-01-01');
    expect(isoOf(59, false)).toBe('1900-02-28');
    expect(excelSerialToEpochDay(60, false)).toBeNaN(); // fictitious 1900-02-29
    expect(isoOf(61, false)).toBe('1900-03-01');
    expect(isoOf(25569, false)).toBe('1970-01-01');
    expect(excelSerialToEpochDay(25569, false)).toBe(0);
    expect(isoOf(45000, false)).toBe('2023-03-15');
    expect(isoOf(45000.75, false)).toBe('2023-03-15'); // time of day dropped
  });

  it('1904 system anchors (offset 1462)', () => {
    expect(isoOf(0, true)).toBe('1904-01-01');
    expect(isoOf(1, true)).toBe('1904-01-02');
    expect(isoOf(45000 - 1462, true)).toBe('2023-03-15');
  });

  it('invalid serials → NaN', () => {
    for (const s of [0, -1, NaN, Infinity, 0.5]) expect(excelSerialToEpochDay(s, false)).toBeNaN();
    expect(excelSerialToEpochDay(-1, true)).toBeNaN();
  });

  it('agrees with SheetJS on every serial 1…80000 (except 60) in both systems', () => {
    for (let s = 1; s <= 80_000; s++) {
      if (s !== 60) expect(isoOf(s, false)).toBe(XLSX.SSF.format('yyyy-mm-dd', s));
      expect(isoOf(s, true)).toBe(XLSX.SSF.format('yyyy-mm-dd', s, { date1904: true }));
    }
  });

  it.each([
    [
      'dates_1900.xlsx',
      false,
      ['1900-01-01', '1900-02-28', '1900-03-01', '2023-03-15', '2023-03-15']
    ],
    ['dates_1904.xlsx', true, ['1904-01-01', '1904-01-02', '2023-03-15']]
  ] as const)(
    '%s: raw serials read by SheetJS convert to the right days',
    (name, d1904, expected) => {
      const wb = XLSX.read(fixture(name), { type: 'array', cellDates: false });
      expect(Boolean(wb.Workbook?.WBProps?.date1904)).toBe(d1904);
      const rows = XLSX.utils.sheet_to_json<[string, number]>(wb.Sheets[wb.SheetNames[0]], {
        header: 1,
        raw: true
      });
      const days = rows.slice(1).map((r) => epochDayToIso(excelSerialToEpochDay(r[1], d1904)));
      expect(days).toEqual(expected);
      expect(rows[1][0]).toBe('000'); // text identifier cell stays text
    }
  );

  it('epochDayToIso formats and guards', () => {
    expect(epochDayToIso(0)).toBe('1970-01-01');
    expect(epochDayToIso(-719468)).toBe('0000-03-01');
    expect(epochDayToIso(NaN)).toBe('');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['oui', true],
    ['OUI', true],
    [' Oui ', true],
    ['o', true],
    ['yes', true],
    ['Y', true],
    ['vrai', true],
    ['VRAI', true],
    ['true', true],
    ['1', true],
    ['x', true],
    ['X', true],
    ['non', false],
    ['Non', false],
    ['n', false],
    ['no', false],
    ['faux', false],
    ['FALSE', false],
    ['0', false]
  ] as const)('%j → %s', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
  });

  it('accent-insensitive and null otherwise', () => {
    expect(parseBoolean('Ouí')).toBe(true);
    for (const raw of ['', 'peut-être', '2', 'oui non', 'xx']) expect(parseBoolean(raw)).toBeNull();
  });
});

describe('checkIdentifier', () => {
  it('keeps identifiers as text, trimmed only', () => {
    expect(checkIdentifier(' 012345678 ')).toEqual({ value: '012345678', damaged: false });
    expect(checkIdentifier('01000')).toEqual({ value: '01000', damaged: false });
    expect(checkIdentifier('62.01Z')).toEqual({ value: '62.01Z', damaged: false });
    expect(checkIdentifier('2A')).toEqual({ value: '2A', damaged: false });
    expect(checkIdentifier('12E45')).toEqual({ value: '12E45', damaged: false }); // a real code
  });

  it('flags Excel scientific notation as damaged', () => {
    for (const raw of ['1,23457E+13', '1.23457e+13', '1E+13', '5,521E+13', '1,2E-05']) {
      expect(checkIdentifier(raw)).toEqual({ value: raw, damaged: true });
    }
  });
});
