import { describe, it, expect } from 'vitest';
import Papa from 'papaparse';
import { decodeBytes } from '../../../src/lib/import/decode';
import { detectDelimiter, recordFieldCounts } from '../../../src/lib/import/delimiter';
import { fixture } from './_fixtures';

const textOf = (name: string): string => decodeBytes(fixture(name)).text;

describe('detectDelimiter on fixtures', () => {
  it.each([
    ['fr_excel_pointvirgule_cp1252.csv', ';'],
    ['fr_excel_utf8_bom_semicolon.csv', ';'],
    ['fr_excel_utf8_bom_comma.csv', ','],
    ['utf8_nobom.csv', ';'],
    ['unicode_text_utf16le_bom.txt', '\t'],
    ['unicode_text_utf16be_bom.txt', '\t'],
    ['identifiers.csv', ';'],
    ['decimal_commas_semicolon.csv', ';'],
    ['multiline_quoted.csv', ';'],
    ['proto_headers.csv', ';'],
    ['two_lines.csv', ';'],
    ['tab_two_lines.tsv', '\t'],
    ['pipe.csv', '|']
  ])('%s → %j, sure', (name, expected) => {
    const guess = detectDelimiter(textOf(name));
    expect(guess.delimiter).toBe(expected);
    expect(guess.sure).toBe(true);
  });

  it('decimal commas: `,` scores clearly below `;`', () => {
    const { scores } = detectDelimiter(textOf('decimal_commas_semicolon.csv'));
    expect(scores[';']).toBe(1);
    expect(scores[',']).toBeGreaterThan(0.5); // `,` is stable on data rows…
    expect(scores[';'] - scores[',']).toBeGreaterThanOrEqual(0.2); // …but not on the header.
  });

  it('1-column file: not sure', () => {
    const guess = detectDelimiter(textOf('one_column.csv'));
    expect(guess.sure).toBe(false);
    expect(guess.delimiter).toBe(';');
    expect(guess.scores).toEqual({ ';': 0, ',': 0, '\t': 0, '|': 0 });
  });

  it('1-column file whose values contain commas: not sure (the header has no comma)', () => {
    const guess = detectDelimiter(textOf('one_column_commas.csv'));
    expect(guess.sure).toBe(false);
  });
});

describe('detectDelimiter on inline cases', () => {
  it('PapaParse failure case `a;b\\r\\n1;2\\r\\n` → `;` (Papa guesses `,`)', () => {
    const text = 'a;b\r\n1;2\r\n';
    expect(Papa.parse(text).meta.delimiter).toBe(','); // the reason we detect ourselves
    expect(detectDelimiter(text)).toMatchObject({ delimiter: ';', sure: true });
  });

  it('a single line is never sure', () => {
    expect(detectDelimiter('Code;Nom;CA')).toMatchObject({ delimiter: ';', sure: false });
    expect(detectDelimiter('Code;Nom;CA\r\n')).toMatchObject({ delimiter: ';', sure: false });
  });

  it('empty text → `;`, not sure', () => {
    expect(detectDelimiter('')).toMatchObject({ delimiter: ';', sure: false });
  });

  it('FR amounts `1 234,56` with NBSP/NNBSP in every column', () => {
    const text = [
      'Code;CA 2024;CA 2023;Marge',
      'C1;1\u00a0234,56;1\u202f000,5;12,5',
      'C2;2\u00a0345,67;999,99;3,25',
      'C3;12,00;0,5;1,1'
    ].join('\r\n');
    const guess = detectDelimiter(text);
    expect(guess).toMatchObject({ delimiter: ';', sure: true });
    expect(guess.scores[',']).toBeLessThan(0.8);
  });

  it('title rows and blank lines above the header are ignored', () => {
    const text = [
      'Export clients au 05/03/2024',
      'Agence Nord',
      '',
      'Code\tNom\tCA',
      'C1\tA\t1,5',
      'C2\tB\t2,5',
      ''
    ].join('\r\n');
    expect(detectDelimiter(text)).toMatchObject({ delimiter: '\t', sure: true });
  });

  it('quoted fields spanning lines and containing the other candidates', () => {
    const text = [
      'nom,adresse,ville',
      '"Dupont; Fils","12 rue A; bât. B',
      'escalier C, 2e","Paris"',
      'Martin,"3 av. B",Lyon'
    ].join('\n');
    expect(recordFieldCounts(text, ',')).toEqual([3, 3, 3]);
    expect(detectDelimiter(text)).toMatchObject({ delimiter: ',', sure: true });
  });

  it('escaped quotes do not break quote tracking', () => {
    const text = 'a;b\n"say ""hi"";x";2\n3;4\n';
    expect(recordFieldCounts(text, ';')).toEqual([2, 2, 2]);
  });

  it('two candidates equally stable → not sure, `;` preferred', () => {
    const text = 'a;b,c\n1;2,3\n4;5,6\n';
    const guess = detectDelimiter(text);
    expect(guess.delimiter).toBe(';');
    expect(guess.sure).toBe(false);
  });

  it('ragged rows lower the confidence', () => {
    const text = 'a;b;c;d\n1;2\n3;4;5\n6\n7;8;9;10\n';
    expect(detectDelimiter(text)).toMatchObject({ delimiter: ';', sure: false });
  });

  it('only the first 50 records are examined', () => {
    const head = Array.from({ length: 60 }, (_, i) => `${i};x`).join('\n');
    const tail = Array.from({ length: 500 }, (_, i) => `${i},y,z`).join('\n');
    expect(detectDelimiter(`${head}\n${tail}`).delimiter).toBe(';');
    expect(recordFieldCounts(`${head}\n${tail}`, ';')).toHaveLength(50);
  });
});
