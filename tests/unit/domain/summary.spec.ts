import { describe, expect, it } from 'vitest';
import type { ColumnMeta } from '../../../src/lib/domain/columns';
import { paretoShare, summarize } from '../../../src/lib/domain/summary';
import type { AccountTable } from '../../../src/lib/domain/table';

/**
 * Hand-computed fixture, 5 accounts:
 *   A client 600 € (prev 500), B client 300 € (prev 300), C client 100 € (prev 200),
 *   D prospect 0 €, E prospect, revenue empty.
 * Σ revenue = 1,000 €; Σ prev = 1,000 € → growth 0 %.
 * Pareto 80 %: sorted 600, 300 → 900 ≥ 800 after 2 accounts → 2 / 5 = 40 %.
 */
function fixture(): AccountTable {
  const columns: ColumnMeta[] = [
    { key: 'c0', name: 'Nom', type: 'text', role: 'name' },
    { key: 'c1', name: 'CA', type: 'number', role: 'revenue' },
    { key: 'c2', name: 'CA N-1', type: 'number', role: 'revenuePrev' },
    { key: 'c3', name: 'Type', type: 'category', role: 'accountType' },
    { key: 'c4', name: 'Commercial', type: 'category', role: 'rep' }
  ];
  return {
    rowCount: 5,
    columns,
    values: {
      c0: { kind: 'str', values: ['A', 'B', 'C', 'D', 'E'] },
      c1: { kind: 'f64', values: Float64Array.from([600, 300, 100, 0, NaN]) },
      c2: { kind: 'f64', values: Float64Array.from([500, 300, 200, 0, 0]) },
      c3: { kind: 'dict', dict: ['Client', 'Prospect'], codes: Uint32Array.from([0, 0, 0, 1, 1]) },
      c4: { kind: 'dict', dict: ['Anne', 'Bruno', ''], codes: Uint32Array.from([0, 1, 0, 1, 2]) }
    }
  };
}

describe('summarize', () => {
  const s = summarize(fixture());

  it('counts clients and prospects from the type column', () => {
    expect(s.rowCount).toBe(5);
    expect(s.clients).toBe(3);
    expect(s.prospects).toBe(2);
  });

  it('sums revenue ignoring empty cells and computes growth', () => {
    expect(s.revenueTotal).toBe(1000);
    expect(s.revenuePrevTotal).toBe(1000);
    expect(s.growth).toBe(0);
  });

  it('finds the share of accounts that makes 80 % of revenue', () => {
    expect(s.paretoShare80).toBeCloseTo(0.4, 10);
  });

  it('groups by rep with revenue, largest first, empty rep kept', () => {
    expect(s.byRep).toEqual([
      { label: 'Anne', accounts: 2, revenue: 700 },
      { label: 'Bruno', accounts: 2, revenue: 300 },
      { label: '', accounts: 1, revenue: 0 }
    ]);
  });

  it('reports completeness per mapped column', () => {
    const revenue = s.completeness.find((c) => c.role === 'revenue');
    expect(revenue?.filled).toBeCloseTo(0.8, 10); // E is empty
  });

  it('without a type column, accounts with no revenue are prospects', () => {
    const t = fixture();
    t.columns = t.columns.filter((c) => c.role !== 'accountType');
    const s2 = summarize(t);
    expect(s2.prospects).toBe(2);
  });

  it('has no revenue figures when no revenue column is mapped', () => {
    const t = fixture();
    t.columns = t.columns.filter((c) => c.role !== 'revenue');
    const s2 = summarize(t);
    expect(s2.revenueTotal).toBeNull();
    expect(s2.paretoShare80).toBeNull();
  });
});

describe('paretoShare', () => {
  it('handles a single account, all-zero revenue and ties', () => {
    expect(paretoShare(Float64Array.from([42]))).toBe(1);
    expect(paretoShare(Float64Array.from([0, 0, 0]))).toBeNull();
    expect(paretoShare(Float64Array.from([]))).toBeNull();
    // 4 equal accounts: 80 % needs 4 × 25 % ≥ 80 % → 4 accounts… no: 3 × 25 % = 75 % < 80 %.
    expect(paretoShare(Float64Array.from([10, 10, 10, 10]))).toBe(1);
    // 5 equal accounts: 4 × 20 % = 80 % reaches the threshold exactly.
    expect(paretoShare(Float64Array.from([10, 10, 10, 10, 10]))).toBeCloseTo(0.8, 10);
  });
});
