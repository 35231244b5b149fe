import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/lib/import/csv';
import { decodeBytes } from '../../../src/lib/import/decode';
import { detectDelimiter } from '../../../src/lib/import/delimiter';
import { buildImport, planImport, type SourceRows } from '../../../src/lib/import/pipeline';
import { fixture } from './_fixtures';

function rowsOf(text: string): SourceRows {
  const p = parseDelimited(text, detectDelimiter(text).delimiter);
  return { rows: p.rows, lineNumbers: p.lineNumbers };
}

/**
 * Hand-checked file (lines numbered as in the file):
 *  1 title, 2 blank, 3 header, 4 A (1 234,56 €), 5 B (12 %?? → "abc" not a number),
 *  6 C duplicate id of A with 100, 7 a row with neither id nor name, 8 D with E+13 id,
 *  9 Total row.
 * Stored rows: A, B, C, D = 4 (A accepted; B, C, D with warnings); rejected: line 7, line 9.
 * Revenue of stored rows: 1234.56 + (B empty) + 100 + 50 = 1384.56.
 */
const CSV = [
  'Export clients au 05/03/2024;;;;',
  ';;;;',
  'SIREN;Raison sociale;CA 2025;CA 2024;Date de création;Type',
  '012345678;Société Générale Nord;1 234,56 €;1 000,00;05/03/2024;Client',
  '987654321;Café « Le Zénith »;abc;0;31/02/2024;Prospect',
  '012345678;Doublon SARL;100;;01/01/2020;client',
  ';;5;;;',
  '1,23457E+13;Excel Abîmé;50;;;Inconnu',
  'TOTAL GÉNÉRAL;;1 389,56 €;;;'
].join('\r\n');

describe('planImport', () => {
  const src = rowsOf(CSV);
  const plan = planImport(src);

  it('finds the header below the title rows and maps roles and types', () => {
    expect(plan.headerLine).toBe(3);
    expect(plan.columns.map((c) => c.role)).toEqual([
      'id',
      'name',
      'revenue',
      'revenuePrev',
      'createdAt',
      'accountType'
    ]);
    expect(plan.columns.map((c) => c.type)).toEqual([
      'id',
      'text',
      'number',
      'number',
      'date',
      'category'
    ]);
    expect(plan.numberStyle).toBe('fr');
    expect(plan.dateOrder).toBe('dmy');
  });

  it('previews rows as parsed, with failed cells marked and the Total row flagged', () => {
    const [a, b] = plan.preview;
    expect(a.line).toBe(4);
    expect(a.cells[0]).toMatchObject({ value: '012345678', ok: true });
    expect(a.cells[2]).toMatchObject({ value: 1234.56, ok: true });
    expect(b.cells[2]).toMatchObject({ raw: 'abc', value: null, ok: false });
    expect(b.cells[4]).toMatchObject({ raw: '31/02/2024', ok: false });
    expect(plan.preview.at(-1)?.total).toBe(true);
  });

  it('user overrides win: header line, number style, a column role', () => {
    const p2 = planImport(src, { columns: [null, null, { role: null, type: 'text' }] });
    expect(p2.columns[2]).toMatchObject({ role: null, type: 'text' });
    expect(planImport(src, { numberStyle: 'en' }).numberStyle).toBe('en');
  });
});

describe('buildImport', () => {
  const src = rowsOf(CSV);
  const { table, report } = buildImport(src, planImport(src));

  it('counts every row: accepted, with warnings, rejected with line and reason', () => {
    expect(report.rowsRead).toBe(6);
    expect(report.accepted).toBe(1);
    expect(report.withWarnings).toBe(3);
    expect(report.rejected).toBe(2);
    expect(report.rejectedRows).toEqual([
      { line: 7, reason: 'noIdentity' },
      { line: 9, reason: 'total' }
    ]);
    expect(report.accepted + report.withWarnings + report.rejected).toBe(report.rowsRead);
  });

  it('stores exactly the accepted rows, and the revenue sum equals the report', () => {
    expect(table.rowCount).toBe(report.accepted + report.withWarnings);
    const rev = table.values.c2;
    if (rev.kind !== 'f64') throw new Error('f64');
    const sum = Array.from(rev.values).reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
    expect(sum).toBeCloseTo(1384.56, 6);
    expect(report.revenueTotal).toBeCloseTo(sum, 6);
  });

  it('reports unparsable cells with line and value, and stores them empty', () => {
    const revenue = report.columns[2];
    expect(revenue).toMatchObject({ invalid: 1, invalidExamples: [{ line: 5, value: 'abc' }] });
    const date = report.columns[4];
    expect(date.invalidExamples).toEqual([{ line: 5, value: '31/02/2024' }]);
    const type = report.columns[5];
    expect(type.invalidExamples).toEqual([{ line: 8, value: 'Inconnu' }]);
    const rev = table.values.c2;
    if (rev.kind === 'f64') expect(Number.isNaN(rev.values[1])).toBe(true);
  });

  it('keeps identifiers as text, flags duplicates and Excel-damaged ids', () => {
    const ids = table.values.c0;
    expect(ids).toMatchObject({ kind: 'str' });
    if (ids.kind === 'str')
      expect(ids.values).toEqual(['012345678', '987654321', '012345678', '1,23457E+13']);
    expect(report.duplicateIds).toEqual({
      count: 1,
      examples: [{ id: '012345678', lines: [4, 6] }]
    });
    expect(report.damagedIds).toEqual({ count: 1, examples: [{ line: 8, value: '1,23457E+13' }] });
  });

  it('normalises client/prospect and dates to epoch days', () => {
    const type = table.values.c5;
    if (type.kind !== 'dict') throw new Error('dict');
    expect(Array.from(type.codes, (c) => type.dict[c])).toEqual([
      'Client',
      'Prospect',
      'Client',
      ''
    ]);
    const created = table.values.c4;
    if (created.kind !== 'f64') throw new Error('f64');
    expect(created.values[0]).toBe(Date.UTC(2024, 2, 5) / 86_400_000);
  });

  it('blocks a file with neither id nor name column', () => {
    const s = rowsOf('CA;Ville\n10;Paris\n20;Lyon\n');
    const r = buildImport(s, planImport(s)).report;
    expect(r.blocking).toContain('noIdentityColumn');
  });

  it('rejects every totals label, whatever its first letter, and imports padded empty markers as empty', () => {
    const s = rowsOf(
      'Code;Nom;CA\n1;A;10\n2;B;-        \nMontant total;;10\nCumul;;10\nTOTAL GÉNÉRAL :;;10\n'
    );
    const { table, report } = buildImport(s, planImport(s));
    expect(report.rejectedRows.map((r) => r.reason)).toEqual(['total', 'total', 'total']);
    expect(table.rowCount).toBe(2);
    expect(report.revenueTotal).toBe(10);
    const ca = report.columns.find((c) => c.name === 'CA');
    expect(ca?.invalid).toBe(0);
    expect(ca?.empty).toBe(1);
  });

  it('hostile headers and cells stay plain data', () => {
    const s = rowsOf('__proto__;constructor;Nom\n1;2;<img src=x onerror=alert(1)>\n');
    const { table: t } = buildImport(s, planImport(s));
    expect(t.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'Nom']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nom = t.values.c2;
    if (nom.kind === 'str' || nom.kind === 'dict')
      expect(JSON.stringify(nom)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('the French Excel fixture (Windows-1252, title rows, Total row, multi-line cell)', () => {
  it('imports every account row and rejects only the total', () => {
    const text = decodeBytes(fixture('fr_excel_pointvirgule_cp1252.csv')).text;
    const src = rowsOf(text);
    const plan = planImport(src);
    const { table, report } = buildImport(src, plan);
    expect(report.rejectedRows).toEqual([{ line: 9, reason: 'total' }]);
    expect(table.rowCount).toBe(4);
    expect(report.revenueTotal).toBeCloseTo(1234.56 + 12500 + 1000000.5 + 0, 6);
  });
});

describe('fast number path', () => {
  it('gives exactly what Number() gives for plain decimals (10,000 random values per style)', async () => {
    const fc = await import('fast-check');
    const { parseCell } = await import('../../../src/lib/import/pipeline');
    const col = { type: 'number' as const, role: null };
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 4 }),
        (int, decimals) => {
          const text = (int / 10 ** decimals).toFixed(decimals);
          const expected = Number(text);
          const fr = parseCell(text.replace('.', ','), col, 'fr', 'dmy').value;
          const en = parseCell(text, col, 'en', 'dmy').value;
          return fr === expected && en === expected;
        }
      ),
      { numRuns: 10_000 }
    );
  });
});
