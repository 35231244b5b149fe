import { describe, expect, it } from 'vitest';
import { fold, parseRange, QueryCache, queryRows } from '../../../src/lib/domain/query';
import type { AccountTable } from '../../../src/lib/domain/table';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

function table(): AccountTable {
  return {
    rowCount: 5,
    columns: [
      { key: 'c0', name: 'Nom', type: 'text', role: 'name' },
      { key: 'c1', name: 'Ville', type: 'category', role: 'city' },
      { key: 'c2', name: 'CA', type: 'number', role: 'revenue' },
      { key: 'c3', name: 'Création', type: 'date', role: 'createdAt' }
    ],
    values: {
      c0: { kind: 'str', values: ['Zoé Café', 'atelier Évry', 'Bâtiment Nord', '', 'Atelier Sud'] },
      c1: {
        kind: 'dict',
        dict: ['', 'Évry', 'Lyon', 'Besançon'],
        codes: Uint32Array.from([2, 1, 3, 0, 2])
      },
      c2: { kind: 'f64', values: Float64Array.from([500, 1500, NaN, 20, 1000]) },
      c3: {
        kind: 'f64',
        values: Float64Array.from([
          day(2019, 5, 1),
          day(2021, 1, 1),
          day(2024, 3, 5),
          NaN,
          day(2020, 12, 31)
        ])
      }
    }
  };
}

const run = (q: Partial<Parameters<typeof queryRows>[1]>) => {
  const t = table();
  return Array.from(queryRows(t, { search: '', filters: [], sort: null, ...q }, new QueryCache(t)));
};

describe('parseRange', () => {
  it('reads comparisons, ranges and French numbers', () => {
    expect(parseRange('>1000')).toMatchObject({ min: 1000, max: Infinity, minOpen: true });
    expect(parseRange('<= 1 000,5')).toMatchObject({ min: -Infinity, max: 1000.5, maxOpen: false });
    expect(parseRange('100..200')).toMatchObject({ min: 100, max: 200 });
    expect(parseRange('200-100')).toMatchObject({ min: 100, max: 200 });
    expect(parseRange('12')).toMatchObject({ min: 12, max: 12 });
    expect(parseRange('abc')).toBeNull();
  });
});

describe('queryRows', () => {
  it('searches folded text everywhere (accents and case ignored), and numbers exactly', () => {
    expect(run({ search: 'evry' })).toEqual([1]);
    expect(run({ search: 'ATELIER' })).toEqual([1, 4]);
    expect(run({ search: '1500' })).toEqual([1]);
    expect(fold('Besançon Élodie')).toBe('besancon elodie');
  });

  it('filters per column: text contains, number ranges, dates by year, combined with AND', () => {
    expect(run({ filters: [{ key: 'c1', value: 'lyon' }] })).toEqual([0, 4]);
    expect(run({ filters: [{ key: 'c2', value: '>=1000' }] })).toEqual([1, 4]);
    expect(run({ filters: [{ key: 'c2', value: '400..1200' }] })).toEqual([0, 4]);
    expect(run({ filters: [{ key: 'c3', value: '2020..2021' }] })).toEqual([1, 4]);
    expect(
      run({
        filters: [
          { key: 'c1', value: 'lyon' },
          { key: 'c2', value: '<800' }
        ]
      })
    ).toEqual([0]);
    expect(run({ filters: [{ key: 'c2', value: 'n’importe quoi' }] })).toEqual([]);
  });

  it('sorts numbers, categories (French collation) and text; empties always last', () => {
    expect(run({ sort: { key: 'c2', dir: 'asc' } })).toEqual([3, 0, 4, 1, 2]);
    expect(run({ sort: { key: 'c2', dir: 'desc' } })).toEqual([1, 4, 0, 3, 2]);
    expect(run({ sort: { key: 'c1', dir: 'asc' } })).toEqual([2, 1, 0, 4, 3]); // Besançon, Évry, Lyon, Lyon, (empty)
    expect(run({ sort: { key: 'c0', dir: 'asc' } })).toEqual([1, 4, 2, 0, 3]);
    expect(run({ sort: { key: 'c0', dir: 'desc' } })).toEqual([0, 2, 4, 1, 3]);
  });
});
