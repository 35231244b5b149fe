import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandScores,
  combinePotential,
  defaultMatrix,
  defaultSegmentation,
  gradeCriterion,
  paretoCurve,
  segment,
  transitions,
  type AxisBanding,
  type SegmentationModel
} from '../../../src/lib/domain/segmentation';
import type { AccountTable } from '../../../src/lib/domain/table';

const pareto = (cuts = [0.8, 0.95]): AxisBanding => ({
  method: 'pareto',
  bands: 3,
  pareto: cuts,
  thresholds: [],
  quantiles: []
});

describe('weight bands (Pareto, boundary convention)', () => {
  it('hand-computed: 50, 30, 10, 5, 5, 0 (Σ 100)', () => {
    // Shares strictly above each account: A 0 %, B 50 %, C 80 %, D 90 %, E 90 % (tie with D), F prospect.
    // Cuts 80 % / 95 %: A, B → high (below 80 %); C (80 %) and D, E (90 %) → medium; F → low.
    const bands = bandScores(Float64Array.from([50, 30, 10, 5, 5, 0]), pareto(), true);
    expect(Array.from(bands!)).toEqual([0, 0, 1, 1, 1, 2]);
  });

  it('ties at a boundary share the higher band, whatever their order', () => {
    const bands = bandScores(Float64Array.from([10, 70, 10, 10]), pareto(), true);
    // Σ 100: 70 → 0 %; the three 10s all have 70 % above them → high.
    expect(Array.from(bands!)).toEqual([0, 0, 0, 0]);
  });

  it('a single account, all-zero revenue, and contradictory cuts', () => {
    expect(Array.from(bandScores(Float64Array.from([42]), pareto(), true)!)).toEqual([0]);
    expect(Array.from(bandScores(Float64Array.from([0, 0, NaN]), pareto(), true)!)).toEqual([
      2, 2, 2
    ]);
    expect(bandScores(Float64Array.from([1, 2]), pareto([0.95, 0.8]), true)).toBeNull();
  });

  it('thresholds (€, descending) and quantiles (share of accounts)', () => {
    const t: AxisBanding = {
      method: 'thresholds',
      bands: 3,
      pareto: [],
      thresholds: [1000, 100],
      quantiles: []
    };
    expect(
      Array.from(bandScores(Float64Array.from([5000, 1000, 999, 100, 50, 0]), t, true)!)
    ).toEqual([0, 0, 1, 1, 2, 2]);
    const q: AxisBanding = {
      method: 'quantiles',
      bands: 3,
      pareto: [],
      thresholds: [],
      quantiles: [0.2, 0.5]
    };
    // 10 accounts ranked: 2 (20 %) high, 3 more (up to 50 %) medium, the rest low.
    const b = bandScores(Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), q, true)!;
    expect(Array.from(b)).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
  });
});

function table(): AccountTable {
  return {
    rowCount: 4,
    columns: [
      { key: 'c0', name: 'SIREN', type: 'id', role: 'id' },
      { key: 'c1', name: 'CA', type: 'number', role: 'revenue' },
      { key: 'c2', name: 'Effectif', type: 'number', role: 'headcount' },
      { key: 'c3', name: 'Secteur', type: 'category', role: 'sector' }
    ],
    values: {
      c0: { kind: 'str', values: ['A', 'B', 'C', 'D'] },
      c1: { kind: 'f64', values: Float64Array.from([800, 150, 50, 0]) },
      c2: { kind: 'f64', values: Float64Array.from([300, 20, NaN, 5]) },
      c3: { kind: 'dict', dict: ['Chimie', 'Santé', ''], codes: Uint32Array.from([0, 1, 1, 2]) }
    }
  };
}

function model(): SegmentationModel {
  const m = defaultSegmentation();
  m.potential.criteria = [
    {
      id: 'k1',
      column: 'Effectif',
      weight: 2,
      rule: { kind: 'bands', bounds: [10, 50, 250], grades: [10, 40, 70, 100] }
    },
    {
      id: 'k2',
      column: 'Secteur',
      weight: 1,
      rule: { kind: 'categories', grades: { Chimie: 100, Santé: 40 }, otherGrade: 0 }
    }
  ];
  return m;
}

describe('potential', () => {
  it('hand-computed grades and weighted mean, missing values dropped and renormalised', () => {
    const t = table();
    const [k1, k2] = model().potential.criteria;
    expect(Array.from(gradeCriterion(t, k1)!.grades)).toEqual([100, 40, NaN, 10]);
    expect(Array.from(gradeCriterion(t, k2)!.grades)).toEqual([100, 40, 40, NaN]);
    const r = segment(t, model());
    // A: (2·100 + 100)/3 = 100; B: (2·40 + 40)/3 = 40; C: only sector → 40; D: only head count → 10.
    expect(Array.from(r.potential)).toEqual([100, 40, 40, 10]);
  });

  it('missing policy zero and neutral', () => {
    const g = [
      { grades: Float32Array.from([NaN, 100]), weight: 1 },
      { grades: Float32Array.from([60, 60]), weight: 1 }
    ];
    expect(Array.from(combinePotential(g, 2, 'zero'))).toEqual([30, 80]);
    expect(Array.from(combinePotential(g, 2, 'neutral'))).toEqual([55, 80]);
    expect(Array.from(combinePotential(g, 2, 'drop'))).toEqual([60, 80]);
  });

  it('criterion weights normalise: scaling every weight changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (grades, k) => {
          const g1 = grades.map((x, i) => ({ grades: Float32Array.from([x]), weight: i + 1 }));
          const g2 = grades.map((x, i) => ({
            grades: Float32Array.from([x]),
            weight: (i + 1) * k
          }));
          return (
            Math.abs(combinePotential(g1, 1, 'drop')[0] - combinePotential(g2, 1, 'drop')[0]) < 1e-3
          );
        }
      ),
      { numRuns: 500 }
    );
  });

  it('raising a criterion weight never lowers the potential of an account graded highest on it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (other, w, extra) => {
          const g = (weight: number) => [
            { grades: Float32Array.from([100]), weight },
            { grades: Float32Array.from([other]), weight: 3 }
          ];
          return (
            combinePotential(g(w + extra), 1, 'drop')[0] >=
            combinePotential(g(w), 1, 'drop')[0] - 1e-4
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('segment()', () => {
  it('maps cells to segments, partitions the accounts, and pins always win', () => {
    const m = model();
    const r = segment(table(), m);
    // Revenue 800/150/50/0 (Σ 1000): A 0 % above → high; B 80 % → medium; C 95 % → low; D → low.
    expect(Array.from(r.weightBand)).toEqual([0, 1, 2, 2]);
    // Potential thresholds 66 / 33: 100 high, 40 medium, 40 medium, 10 low.
    expect(Array.from(r.potentialBand)).toEqual([0, 1, 1, 2]);
    // Matrix [[0,0,1],[0,1,2],[1,2,2]] → A OR, B ARGENT, C BRONZE, D BRONZE.
    expect(Array.from(r.segment)).toEqual([0, 1, 2, 2]);
    expect(r.segments.reduce((s, x) => s + x.accounts, 0)).toBe(4);
    expect(r.segments.map((s) => s.revenue)).toEqual([800, 150, 50]);

    m.pins = [{ accountId: 'D', segment: 'or', reason: 'Grand compte en reprise', at: 0 }];
    const pinned = segment(table(), m);
    expect(pinned.segment[3]).toBe(0);
    expect(pinned.pinned).toBe(1);
  });

  it('reports bad input without failing: no revenue, all weights zero, missing column, bad bands', () => {
    const t = table();
    t.columns = t.columns.filter((c) => c.role !== 'revenue');
    const m = model();
    m.potential.criteria.forEach((c) => (c.weight = 0));
    m.potential.criteria.push({
      id: 'k3',
      column: 'Absente',
      weight: 1,
      rule: { kind: 'linear', min: null, max: null }
    });
    const r = segment(t, m);
    const codes = r.issues.map((i) => i.code);
    expect(codes).toContain('noRevenue');
    expect(codes).toContain('missingColumn');
    expect(r.weightAvailable).toBe(false);
    expect(r.segments.reduce((s, x) => s + x.accounts, 0)).toBe(4);
    const m2 = model();
    m2.weight.pareto = [0.9, 0.5];
    expect(segment(table(), m2).issues).toContainEqual({ code: 'badBands', axis: 'weight' });
  });

  it('segments partition the accounts for any model (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom<'pareto' | 'quantiles'>('pareto', 'quantiles'),
        (revenues, method) => {
          const n = revenues.length;
          const t: AccountTable = {
            rowCount: n,
            columns: [{ key: 'c0', name: 'CA', type: 'number', role: 'revenue' }],
            values: { c0: { kind: 'f64', values: Float64Array.from(revenues) } }
          };
          const m = defaultSegmentation();
          m.weight.method = method;
          const r = segment(t, m);
          return (
            r.segments.reduce((s, x) => s + x.accounts, 0) === n && r.segment.every((s) => s < 3)
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe('helpers', () => {
  it('default matrices', () => {
    expect(defaultMatrix(2, 2)).toEqual([
      [0, 1],
      [1, 2]
    ]);
    expect(defaultMatrix(3, 3)[0]).toEqual([0, 0, 1]);
  });

  it('transition table and Pareto curve', () => {
    expect(transitions(Uint8Array.from([0, 1, 2, 2]), Uint8Array.from([0, 2, 2, 1]), 3)).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 1]
    ]);
    const curve = paretoCurve(Float64Array.from([50, 30, 20, 0]));
    expect(curve[0]).toEqual({ x: 0, y: 0 });
    expect(curve.at(-1)).toEqual({ x: 1, y: 1 });
    expect(curve[1]).toEqual({ x: 0.25, y: 0.5 });
  });
});
