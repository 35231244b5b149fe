import { describe, it, expect } from 'vitest';
import { decodeBytes } from '../../../src/lib/import/decode';
import { parseDelimited } from '../../../src/lib/import/csv';
import {
  cleanHeader,
  detectHeaderRow,
  isTotalRow,
  uniqueHeaders
} from '../../../src/lib/import/header';
import { fixture } from './_fixtures';

describe('detectHeaderRow', () => {
  it('skips the title row of the French Excel fixture (blank row already dropped)', () => {
    const { rows } = parseDelimited(
      decodeBytes(fixture('fr_excel_pointvirgule_cp1252.csv')).text,
      ';'
    );
    expect(detectHeaderRow(rows)).toBe(1);
    expect(rows[1][0]).toBe('Code client');
  });

  it('header on the first row', () => {
    const { rows } = parseDelimited(
      decodeBytes(fixture('fr_excel_utf8_bom_semicolon.csv')).text,
      ';'
    );
    expect(detectHeaderRow(rows)).toBe(0);
  });

  it('several title rows, a subtitle with two cells, and a blank row', () => {
    const rows = [
      ['Société Exemple SAS', '', '', '', ''],
      ['Export clients au 05/03/2024'],
      ['Période :', '2024'],
      ['', '', '', '', ''],
      ['Code', 'Nom', 'Ville', 'CA', 'Date'],
      ['C1', 'Dupont', 'Paris', '1 234,56', '05/03/2024'],
      ['C2', 'Martin', 'Lyon', '12', '06/03/2024'],
      ['C3', 'Durand', '', '7', '07/03/2024']
    ];
    expect(detectHeaderRow(rows)).toBe(4);
  });

  it('a numeric first row is not a header', () => {
    const rows = [
      ['2024', '2023', '2022'],
      ['CA', 'CA N-1', 'CA N-2'],
      ['12', '10', '9'],
      ['13', '11', '8']
    ];
    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('text data rows: the first full row wins', () => {
    const rows = [
      ['Nom', 'Ville'],
      ['Dupont', 'Paris'],
      ['Martin', 'Lyon']
    ];
    expect(detectHeaderRow(rows)).toBe(0);
  });

  it('a header with some empty cells is still found', () => {
    const rows = [
      ['Export du 01/01/2024'],
      ['Code', '', 'Nom', 'CA', ''],
      ['1', 'x', 'A', '1', 'y'],
      ['2', 'x', 'B', '2', 'y']
    ];
    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('empty and degenerate inputs', () => {
    expect(detectHeaderRow([])).toBe(0);
    expect(detectHeaderRow([[''], ['']])).toBe(0);
    expect(detectHeaderRow([['Nom']])).toBe(0);
  });
});

describe('uniqueHeaders', () => {
  it('empty → `Colonne n` (1-based), duplicates → `CA (2)`', () => {
    const r = uniqueHeaders(['Code', '', 'CA', 'CA', '  ', 'ca']);
    expect(r.names).toEqual(['Code', 'Colonne 2', 'CA', 'CA (2)', 'Colonne 5', 'ca (3)']);
    expect(r.renamed).toEqual([
      { index: 1, from: '', to: 'Colonne 2' },
      { index: 3, from: 'CA', to: 'CA (2)' },
      { index: 4, from: '', to: 'Colonne 5' },
      { index: 5, from: 'ca', to: 'ca (3)' }
    ]);
  });

  it('generated names never steal a real header, and skip taken suffixes', () => {
    const r = uniqueHeaders(['', 'Colonne 1', 'CA', 'CA (2)', 'CA']);
    expect(r.names).toEqual(['Colonne 1 (2)', 'Colonne 1', 'CA', 'CA (2)', 'CA (3)']);
  });

  it('whitespace and line breaks inside headers are collapsed', () => {
    expect(uniqueHeaders(['  CA\r\n2024 ', 'Code\u00a0postal']).names).toEqual([
      'CA 2024',
      'Code postal'
    ]);
    expect(cleanHeader('\ufeffNom ')).toBe('Nom');
  });

  it('__proto__, constructor, prototype are ordinary names and pollute nothing', () => {
    const r = uniqueHeaders(['__proto__', 'constructor', 'prototype', '__proto__', 'toString']);
    expect(r.names).toEqual(['__proto__', 'constructor', 'prototype', '__proto__ (2)', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('all names unique (case-insensitive) for any input', () => {
    const input = ['a', 'A', 'a (2)', '', '', 'a', 'Colonne 4', 'colonne 5'];
    const { names } = uniqueHeaders(input);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(input.length);
    expect(names.every((n) => n !== '')).toBe(true);
  });
});

describe('isTotalRow', () => {
  it.each([
    [['Total', '', '', '12 345']],
    [['TOTAL GÉNÉRAL', '', '1 013 735,06 €']],
    [['', 'Sous-total', '12']],
    [['Sous total :', '12']],
    [['Grand total', '1']],
    [['Somme', '1']],
    [['Totaux', '1']],
    [['total ht', '1']],
    [['  Total général : ', '1']]
  ])('%j is a total row', (row) => {
    expect(isTotalRow(row)).toBe(true);
  });

  it.each([
    [['C001', 'Total', '12']],
    [['Total Energies', 'Paris', '12']],
    [['TotalEnergies', 'Paris']],
    [['Totalement', 'x']],
    [['', '', '']],
    [[]]
  ])('%j is not a total row', (row) => {
    expect(isTotalRow(row)).toBe(false);
  });

  it('finds the Total row of the cp1252 fixture', () => {
    const { rows } = parseDelimited(
      decodeBytes(fixture('fr_excel_pointvirgule_cp1252.csv')).text,
      ';'
    );
    expect(rows.map(isTotalRow)).toEqual([false, false, false, false, false, false, true]);
  });
});
