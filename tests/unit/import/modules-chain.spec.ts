/**
 * End to end over the fixtures, the way the worker will chain the modules:
 * bytes → decodeBytes → detectDelimiter → parseDelimited → detectHeaderRow → uniqueHeaders →
 * guessMapping → (per column) detectNumberStyle / detectDateOrder → inferColumnType → typed values.
 */
import { describe, it, expect } from 'vitest';
import type { ColumnRole, ColumnType } from '../../../src/lib/domain/columns';
import { decodeBytes } from '../../../src/lib/import/decode';
import { detectDelimiter } from '../../../src/lib/import/delimiter';
import { parseDelimited } from '../../../src/lib/import/csv';
import { detectHeaderRow, isTotalRow, uniqueHeaders } from '../../../src/lib/import/header';
import { guessMapping } from '../../../src/lib/import/mapping';
import { inferColumnType } from '../../../src/lib/import/infer';
import { parseAccountType } from '../../../src/lib/import/account-type';
import {
  checkIdentifier,
  detectDateOrder,
  detectNumberStyle,
  epochDayToIso,
  isEmptyCell,
  parseDate,
  parseNumber
} from '../../../src/lib/import/values';
import { fixture } from './_fixtures';

interface Column {
  name: string;
  role: ColumnRole | null;
  type: ColumnType;
  raw: string[];
  /** number → number | null, date → ISO | null, id → trimmed text, else raw. */
  values: Array<string | number | null>;
  damaged: boolean[];
}

function importFixture(name: string) {
  const decoded = decodeBytes(fixture(name));
  const guess = detectDelimiter(decoded.text);
  const parsed = parseDelimited(decoded.text, guess.delimiter);
  const h = detectHeaderRow(parsed.rows);
  const { names, renamed } = uniqueHeaders(parsed.rows[h]);
  const body = parsed.rows.slice(h + 1);
  const bodyLines = parsed.lineNumbers.slice(h + 1);
  const totals = body.map(isTotalRow);
  const data = body.filter((_, i) => !totals[i]);
  const dataLines = bodyLines.filter((_, i) => !totals[i]);
  const roles = guessMapping(names);
  const columns: Column[] = names.map((colName, j) => {
    const raw = data.map((r) => r[j] ?? '');
    const style = detectNumberStyle(raw);
    const { order } = detectDateOrder(raw);
    const { type } = inferColumnType(raw, { style, dateOrder: order, role: roles[j] });
    const values = raw.map((v) => {
      if (isEmptyCell(v)) return null;
      if (type === 'number') return parseNumber(v, style);
      if (type === 'date') {
        const d = parseDate(v, order);
        return d === null ? null : epochDayToIso(d);
      }
      if (type === 'id') return checkIdentifier(v).value;
      return v;
    });
    const damaged = raw.map((v) => type === 'id' && checkIdentifier(v).damaged);
    return { name: colName, role: roles[j], type, raw, values, damaged };
  });
  const col = (n: string): Column => columns.find((c) => c.name === n)!;
  return {
    decoded,
    guess,
    parsed,
    h,
    names,
    renamed,
    totals: body.filter(isTotalRow),
    dataLines,
    columns,
    col
  };
}

describe('pipeline: French Excel cp1252 export', () => {
  const r = importFixture('fr_excel_pointvirgule_cp1252.csv');

  it('decodes, detects `;` surely, skips the title row', () => {
    expect(r.decoded.encoding).toBe('windows-1252');
    expect(r.guess).toMatchObject({ delimiter: ';', sure: true });
    expect(r.h).toBe(1);
    expect(r.names).toEqual([
      'Code client',
      'Raison sociale',
      'SIREN',
      'CA 2024',
      'CA 2023',
      'Date création',
      'Ville',
      'Commercial',
      'Adresse'
    ]);
    expect(r.renamed).toEqual([]);
  });

  it('separates the Total row and keeps the line numbers of data rows', () => {
    expect(r.totals).toHaveLength(1);
    expect(r.dataLines).toEqual([4, 6, 7, 8]);
  });

  it('maps roles and types; ids stay text with leading zeros, E+13 flagged', () => {
    expect(r.columns.map((c) => [c.name, c.role, c.type])).toEqual([
      ['Code client', 'id', 'id'],
      ['Raison sociale', 'name', 'text'],
      ['SIREN', null, 'id'],
      ['CA 2024', 'revenue', 'number'],
      ['CA 2023', 'revenuePrev', 'number'],
      ['Date création', 'createdAt', 'date'],
      ['Ville', 'city', 'text'],
      ['Commercial', 'rep', 'category'],
      ['Adresse', null, 'text']
    ]);
    expect(r.col('SIREN').values).toEqual(['012345678', '1,23457E+13', '552100554', '001234567']);
    expect(r.col('SIREN').damaged).toEqual([false, true, false, false]);
  });

  it('amounts parse exactly and the column sum equals the file’s Total row', () => {
    const ca = r.col('CA 2024').values as number[];
    expect(ca).toEqual([1234.56, 12500, 1000000.5, 0]);
    const total = parseNumber(r.totals[0][3], 'fr')!;
    expect(Math.round(ca.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(total * 100));
    expect(r.col('CA 2023').values).toEqual([-1234.56, 9800, -250, 0]);
  });

  it('dates (dd/mm/yyyy and d/m/yy) become epoch days', () => {
    expect(r.col('Date création').values).toEqual([
      '2024-03-05',
      '2024-03-05',
      '2023-12-31',
      '2024-01-01'
    ]);
  });

  it('hostile cells are kept as plain text', () => {
    expect(r.col('Raison sociale').values[3]).toBe('<img src=x onerror=alert(1)>');
    expect(r.col('Adresse').values[3]).toBe('=HYPERLINK("http://evil.example";"clic")');
    expect(r.col('Adresse').values[0]).toBe("12 rue de l'Église\r\nBâtiment B");
  });
});

describe('pipeline: French Excel UTF-8 BOM export', () => {
  const r = importFixture('fr_excel_utf8_bom_semicolon.csv');

  it('types and values', () => {
    expect(r.columns.map((c) => [c.role, c.type])).toEqual([
      ['id', 'id'],
      ['name', 'text'],
      ['postcode', 'id'],
      ['naf', 'id'],
      ['revenue', 'number'],
      [null, 'number'],
      ['headcount', 'number'],
      ['accountType', 'category'],
      ['createdAt', 'date']
    ]);
    expect(r.col('N° client').values).toEqual(['0042', '0043', '0044']);
    expect(r.col('Code postal').values).toEqual(['01000', '1000', '75001']);
    expect(r.col('CA HT').values).toEqual([1234567.89, 987654.32, 0.5]);
    expect(r.col('Marge').values).toEqual([12.5, -3, 100]);
    expect(r.col('Créé le').values).toEqual(['2024-03-05', '2023-12-31', '2024-02-29']);
    expect(r.col('Type').raw.map(parseAccountType)).toEqual(['client', 'prospect', 'client']);
  });
});

describe('pipeline: other encodings and delimiters', () => {
  it('UTF-16 LE tab file', () => {
    const r = importFixture('unicode_text_utf16le_bom.txt');
    expect(r.guess.delimiter).toBe('\t');
    expect(r.col('CA').values).toEqual([1234.56, 7.5]);
    expect(r.col('Société').values).toEqual(['Étoile Œuvres', '日本 Trading']);
  });

  it('comma-delimited UTF-8 BOM file with quoted decimal commas', () => {
    const r = importFixture('fr_excel_utf8_bom_comma.csv');
    expect(r.guess).toMatchObject({ delimiter: ',', sure: true });
    expect(r.col('CA').values).toEqual([1234.56, 12.5, -7.25]);
    expect(r.col('Nom').values).toEqual(['Dupont, Jean SARL', 'Martin & Fils', 'Le "Grand" Café']);
    expect(r.col('Date').values).toEqual(['2024-03-05', '2024-03-15', '2024-02-28']);
  });

  it('identifier traps', () => {
    const r = importFixture('identifiers.csv');
    expect(r.columns.map((c) => [c.name, c.role, c.type])).toEqual([
      ['SIREN', 'id', 'id'],
      ['SIRET', null, 'id'],
      ['Code postal', 'postcode', 'id'],
      ['NAF', 'naf', 'id'],
      ['Département', 'department', 'id']
    ]);
    expect(r.col('SIREN').values).toEqual(['012345678', '12345678', '356000000', '552100554']);
    expect(r.col('SIRET').damaged).toEqual([false, true, false, true]);
    expect(r.col('Département').values).toEqual(['01', '2A', '75', '13']);
  });
});

describe('pipeline: prototype pollution', () => {
  it('__proto__ / constructor / prototype headers stay available and pollute nothing', () => {
    const r = importFixture('proto_headers.csv');
    expect(r.names).toEqual(['__proto__', 'constructor', 'prototype', 'Nom', 'hasOwnProperty']);
    // A consumer that keys records by header must use a null-prototype object or a Map.
    const records = r.parsed.rows.slice(r.h + 1).map((row) => {
      const rec: Record<string, string> = Object.create(null);
      r.names.forEach((n, j) => (rec[n] = row[j]));
      return rec;
    });
    expect(records[0]['__proto__']).toBe('{"polluted":1}');
    expect(Object.keys(records[1])).toEqual(r.names);
    expect(r.columns.map((c) => c.type)).toEqual(['text', 'text', 'text', 'text', 'text']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
