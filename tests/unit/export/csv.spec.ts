import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from '../../../src/lib/export/csv';

describe('CSV export', () => {
  it('neutralises every risky text cell, including a formula behind a newline', () => {
    const payloads = [
      '=1+1',
      '+33 1 23',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '=HYPERLINK("x")\nsuite'
    ];
    const csv = toCsv(
      ['v'],
      payloads.map((p) => [p]),
      'standard'
    );
    const parsed = Papa.parse<string[]>(csv.trim(), { delimiter: ',' })
      .data.slice(1)
      .map((r) => r[0]);
    expect(parsed).toEqual(payloads.map((p) => `'${p}`));
    expect(neutralizeFormula('Société')).toBe('Société');
  });

  it('leaves numbers as numbers, with a decimal comma for French Excel', () => {
    const csv = toCsv(
      ['CA', 'Nom'],
      [
        [-1234.5, 'A;B'],
        [0, 'x']
      ],
      'excel-fr'
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('CA;Nom');
    expect(lines[1]).toBe('-1234,5;"A;B"');
    expect(lines[2]).toBe('0;x');
  });

  it('round-trips quotes, newlines and empties through a standard parser', () => {
    const rows = [['a "quoted" word', 'two\nlines', null, ' padded ']];
    const csv = toCsv(['x', 'y', 'z', 'w'], rows, 'standard');
    const parsed = Papa.parse<string[]>(csv.trim(), { delimiter: ',' }).data;
    expect(parsed[1]).toEqual(['a "quoted" word', 'two\nlines', '', ' padded ']);
  });
});
