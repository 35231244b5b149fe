/**
 * Weight × potential segmentation (method.md steps 2–4), over typed columns.
 *
 * - Weight: an account's share of revenue, weight_i = revenue_i / Σ revenue (prospects, empty or
 *   non-positive revenue: 0). Banded by cumulative Pareto share, € thresholds or quantiles.
 *   Pareto convention: accounts sorted by revenue, descending; an account is in band A when the
 *   cumulative share of the accounts strictly above it is below the first cut (80 %), so the
 *   account that crosses 80 % is still A; equal revenues always share a band (the higher one).
 * - Potential: Σ_k w_k · grade_ik / Σ_k w_k on 0–100, each criterion graded by its rule; missing
 *   values per policy (grade 0, neutral 50, or criterion dropped and weights renormalised).
 * - Segment: matrix[weightBand][potentialBand] (band 0 = high), unless the account is pinned.
 */
import type { ColumnValues } from './columns';
import type { AccountTable } from './table';
import { cellAt, prospectMask } from './table';

export type BandMethod = 'pareto' | 'thresholds' | 'quantiles';
export type MissingPolicy = 'zero' | 'neutral' | 'drop';

export interface SegmentDef {
  id: string;
  name: string;
  color: string;
}

export type CriterionRule =
  /** `bounds` ascending; value < bounds[0] → grades[0], < bounds[1] → grades[1], …, else last. */
  | { kind: 'bands'; bounds: number[]; grades: number[] }
  /** Grade per category value; values not listed get `otherGrade`. */
  | { kind: 'categories'; grades: Record<string, number>; otherGrade: number }
  /** Linear 0 → 100 between min and max (null: the data's min / max), clamped. */
  | { kind: 'linear'; min: number | null; max: number | null }
  | { kind: 'yesno'; yes: number; no: number };

export interface Criterion {
  id: string;
  /** Column header (names survive a re-import; keys do not). */
  column: string;
  /** Criterion weight (pondération), ≥ 0. */
  weight: number;
  rule: CriterionRule;
}

export interface AxisBanding {
  method: BandMethod;
  bands: 2 | 3;
  /** Pareto: cumulative shares, ascending (0.8, 0.95). */
  pareto: number[];
  /** Thresholds, descending: € for weight, 0–100 for potential (lower bound of each band). */
  thresholds: number[];
  /** Quantiles: share of accounts in the top bands, cumulative ascending (0.2, 0.5). */
  quantiles: number[];
}

export interface Pin {
  accountId: string;
  segment: string;
  reason: string;
  at: number;
}

export interface SegmentationModel {
  weight: AxisBanding;
  potential: AxisBanding & { criteria: Criterion[]; missing: MissingPolicy };
  segments: SegmentDef[];
  /** matrix[weightBand][potentialBand] = index into segments. */
  matrix: number[][];
  pins: Pin[];
}

export const DEFAULT_SEGMENTS: SegmentDef[] = [
  { id: 'or', name: 'OR', color: '#c9a227' },
  { id: 'argent', name: 'ARGENT', color: '#8e9aa6' },
  { id: 'bronze', name: 'BRONZE', color: '#a9653b' }
];

/**
 * Default cell → segment map (0 OR, 1 ARGENT, 2 BRONZE), rows = weight band, columns = potential
 * band, band 0 = high. 3 × 3: big accounts are OR unless their potential is low; small accounts
 * with high potential are ARGENT. Other shapes: by distance from the best corner.
 */
export function defaultMatrix(
  weightBands: number,
  potentialBands: number,
  segments = 3
): number[][] {
  const last = segments - 1;
  if (weightBands === 3 && potentialBands === 3 && segments === 3) {
    return [
      [0, 0, 1],
      [0, 1, 2],
      [1, 2, 2]
    ];
  }
  return Array.from({ length: weightBands }, (_, w) =>
    Array.from({ length: potentialBands }, (_, p) => {
      const d = w / Math.max(1, weightBands - 1) + p / Math.max(1, potentialBands - 1); // 0 … 2
      return Math.min(last, Math.floor((d / 2) * last + 0.5));
    })
  );
}

export function defaultSegmentation(): SegmentationModel {
  return {
    weight: {
      method: 'pareto',
      bands: 3,
      pareto: [0.8, 0.95],
      thresholds: [50_000, 10_000],
      quantiles: [0.2, 0.5]
    },
    potential: {
      method: 'thresholds',
      bands: 3,
      pareto: [0.8, 0.95],
      thresholds: [66, 33],
      quantiles: [0.2, 0.5],
      criteria: [],
      missing: 'drop'
    },
    segments: DEFAULT_SEGMENTS.map((s) => ({ ...s })),
    matrix: defaultMatrix(3, 3),
    pins: []
  };
}

export type SegIssue =
  | { code: 'noRevenue' }
  | { code: 'allProspects' }
  | { code: 'zeroRevenue' }
  | { code: 'noCriteria' }
  | { code: 'allWeightsZero' }
  | { code: 'missingColumn'; criterion: string; column: string }
  | { code: 'mostlyEmpty'; criterion: string; column: string; filled: number }
  | { code: 'tooManyCategories'; criterion: string; column: string; count: number }
  | { code: 'badBands'; axis: 'weight' | 'potential' }
  | { code: 'badRule'; criterion: string; column: string };

export interface Graded {
  /** Grade 0–100 per account, NaN when the value is missing. */
  grades: Float32Array;
  filled: number;
}

/** Grades one criterion over the table; null when its column is absent or the rule unusable. */
export function gradeCriterion(table: AccountTable, c: Criterion): Graded | null {
  const col = table.columns.find((x) => x.name === c.column);
  if (!col) return null;
  const v = table.values[col.key];
  const n = table.rowCount;
  const grades = new Float32Array(n).fill(NaN);
  let filled = 0;
  const rule = c.rule;
  if (rule.kind === 'categories') {
    const gradeOf = (label: string | null) =>
      label === null
        ? NaN
        : Object.prototype.hasOwnProperty.call(rule.grades, label)
          ? rule.grades[label]
          : rule.otherGrade;
    if (v.kind === 'dict') {
      const byCode = Float32Array.from(v.dict, (d) => (d === '' ? NaN : gradeOf(d)));
      for (let i = 0; i < n; i++) grades[i] = byCode[v.codes[i]];
    } else {
      for (let i = 0; i < n; i++) {
        const x = cellAt(v, i);
        grades[i] = gradeOf(x === null ? null : String(x));
      }
    }
  } else if (rule.kind === 'yesno') {
    for (let i = 0; i < n; i++) {
      const x = cellAt(v, i);
      if (x === null) continue;
      const yes =
        x === true ||
        x === 1 ||
        (typeof x === 'string' && /^(o|oui|y|yes|vrai|true|1|x)$/i.test(x.trim()));
      const no =
        x === false ||
        x === 0 ||
        (typeof x === 'string' && /^(n|non|no|faux|false|0)$/i.test(x.trim()));
      grades[i] = yes ? rule.yes : no ? rule.no : NaN;
    }
  } else {
    if (v.kind !== 'f64') return null;
    const x = v.values;
    if (rule.kind === 'bands') {
      const { bounds, grades: g } = rule;
      if (g.length !== bounds.length + 1 || bounds.some((b, i) => i > 0 && !(b > bounds[i - 1])))
        return null;
      for (let i = 0; i < n; i++) {
        const val = x[i];
        if (Number.isNaN(val)) continue;
        let k = 0;
        while (k < bounds.length && val >= bounds[k]) k++;
        grades[i] = g[k];
      }
    } else {
      let min = rule.min;
      let max = rule.max;
      if (min === null || max === null) {
        let lo = Infinity;
        let hi = -Infinity;
        for (let i = 0; i < n; i++) {
          const val = x[i];
          if (Number.isNaN(val)) continue;
          if (val < lo) lo = val;
          if (val > hi) hi = val;
        }
        min ??= lo;
        max ??= hi;
      }
      const span = max - min;
      for (let i = 0; i < n; i++) {
        const val = x[i];
        if (Number.isNaN(val)) continue;
        grades[i] = span > 0 ? Math.min(100, Math.max(0, ((val - min) / span) * 100)) : 50;
      }
    }
  }
  for (let i = 0; i < n; i++) if (!Number.isNaN(grades[i])) filled++;
  return { grades, filled };
}

/**
 * Potential of every account on 0–100 (NaN when no criterion applies), from graded criteria.
 * Weights are normalised: only their ratios matter.
 */
export function combinePotential(
  graded: Array<{ grades: Float32Array; weight: number }>,
  rows: number,
  missing: MissingPolicy
): Float32Array {
  const out = new Float32Array(rows);
  const used = graded.filter((g) => g.weight > 0);
  const total = used.reduce((s, g) => s + g.weight, 0);
  if (total <= 0) return out.fill(NaN);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    let wsum = 0;
    for (const g of used) {
      let grade = g.grades[i];
      if (Number.isNaN(grade)) {
        if (missing === 'drop') continue;
        grade = missing === 'neutral' ? 50 : 0;
      }
      sum += g.weight * grade;
      wsum += g.weight;
    }
    out[i] = wsum > 0 ? sum / wsum : NaN;
  }
  return out;
}

function validCuts(
  cuts: number[],
  bands: number,
  ascending: boolean,
  lo: number,
  hi: number
): boolean {
  if (cuts.length < bands - 1) return false;
  const c = cuts.slice(0, bands - 1);
  return c.every(
    (x, i) =>
      Number.isFinite(x) &&
      x >= lo &&
      x <= hi &&
      (i === 0 || (ascending ? x > c[i - 1] : x < c[i - 1]))
  );
}

/**
 * Band (0 = high) of each account from a score (revenue or potential); NaN or ≤ 0 revenue (for
 * Pareto) falls in the last band. Returns null when the cuts contradict each other.
 */
export function bandScores(
  score: Float64Array | Float32Array,
  axis: AxisBanding,
  positiveOnly: boolean
): Uint8Array | null {
  const n = score.length;
  const last = axis.bands - 1;
  const out = new Uint8Array(n).fill(last);
  if (axis.method === 'thresholds') {
    const hi = positiveOnly ? Infinity : 100;
    if (!validCuts(axis.thresholds, axis.bands, false, positiveOnly ? 0 : 0, hi)) return null;
    const t = axis.thresholds.slice(0, last);
    for (let i = 0; i < n; i++) {
      const s = score[i];
      if (Number.isNaN(s) || (positiveOnly && !(s > 0))) continue;
      let k = 0;
      while (k < t.length && s < t[k]) k++;
      out[i] = k;
    }
    return out;
  }
  const cuts = axis.method === 'pareto' ? axis.pareto : axis.quantiles;
  if (!validCuts(cuts, axis.bands, true, 0, 1)) return null;
  const c = cuts.slice(0, last);
  // Native sort of the usable scores (descending), then one walk over groups of equal scores:
  // for each cut, the score of the first group whose "share above" reaches it. An account's band
  // is the number of cuts whose boundary score is ≥ its own score.
  let m = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = score[i];
    if (Number.isNaN(s) || (positiveOnly && !(s > 0))) continue;
    m++;
    total += s;
  }
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < n; i++) {
    const s = score[i];
    if (Number.isNaN(s) || (positiveOnly && !(s > 0))) continue;
    sorted[k++] = s;
  }
  sorted.sort().reverse();
  const boundary = new Float64Array(c.length).fill(-Infinity); // score at which band k+1 starts
  let before = 0;
  let cut = 0;
  for (let g = 0; g < m && cut < c.length;) {
    let h = g;
    let groupSum = 0;
    while (h < m && sorted[h] === sorted[g]) {
      groupSum += sorted[h];
      h++;
    }
    const share = axis.method === 'pareto' ? (total > 0 ? before / total : 1) : g / n;
    while (cut < c.length && share >= c[cut] - 1e-12) boundary[cut++] = sorted[g];
    before += groupSum;
    g = h;
  }
  for (let i = 0; i < n; i++) {
    const s = score[i];
    if (Number.isNaN(s) || (positiveOnly && !(s > 0))) continue;
    let k = 0;
    while (k < boundary.length && s <= boundary[k]) k++;
    out[i] = k;
  }
  return out;
}

export interface CellStat {
  accounts: number;
  revenue: number;
}

export interface SegmentationResult {
  weightBand: Uint8Array;
  potential: Float32Array;
  potentialBand: Uint8Array;
  /** Index into model.segments, per account. */
  segment: Uint8Array;
  /** cells[w][p] */
  cells: CellStat[][];
  segments: CellStat[];
  /** Prospects per segment (type column says prospect; without one, no positive revenue). */
  prospects: number[];
  totalRevenue: number;
  potentialAvailable: boolean;
  weightAvailable: boolean;
  pinned: number;
  issues: SegIssue[];
}

/** Account id per row: the `id` column, else the name. */
export function accountIds(table: AccountTable): string[] | null {
  const col =
    table.columns.find((c) => c.role === 'id') ?? table.columns.find((c) => c.role === 'name');
  if (!col) return null;
  const v: ColumnValues = table.values[col.key];
  return Array.from({ length: table.rowCount }, (_, i) => {
    const x = cellAt(v, i);
    return x === null ? '' : String(x);
  });
}

/** Runs the whole segmentation. `gradedCache` lets the caller reuse graded criteria. */
export function segment(
  table: AccountTable,
  model: SegmentationModel,
  gradedCache?: (c: Criterion) => Graded | null,
  ids?: string[] | null,
  weightBands?: (revenue: Float64Array, axis: AxisBanding) => Uint8Array | null
): SegmentationResult {
  const n = table.rowCount;
  const issues: SegIssue[] = [];
  const revCol = table.columns.find((c) => c.role === 'revenue');
  const revValues = revCol ? table.values[revCol.key] : null;
  const revenue = revValues?.kind === 'f64' ? revValues.values : new Float64Array(n).fill(NaN);
  let totalRevenue = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    if (revenue[i] > 0) {
      totalRevenue += revenue[i];
      positive++;
    }
  }
  let weightAvailable = true;
  if (!revCol || revValues?.kind !== 'f64') {
    issues.push({ code: 'noRevenue' });
    weightAvailable = false;
  } else if (positive === 0) {
    const typeCol = table.columns.find((c) => c.role === 'accountType');
    const allProspects = typeCol !== undefined && prospectMask(table).every((x) => x === 1);
    issues.push({ code: allProspects ? 'allProspects' : 'zeroRevenue' });
    weightAvailable = false;
  }
  let weightBand = weightAvailable
    ? (weightBands ?? ((r: Float64Array, a: AxisBanding) => bandScores(r, a, true)))(
        revenue,
        model.weight
      )
    : null;
  if (weightAvailable && !weightBand) issues.push({ code: 'badBands', axis: 'weight' });
  const wBands = model.weight.bands;
  const pBands = model.potential.bands;
  // Without a usable weight axis every account sits in the middle weight band.
  weightBand ??= new Uint8Array(n).fill(Math.floor((wBands - 1) / 2));

  const grade = gradedCache ?? ((c: Criterion) => gradeCriterion(table, c));
  const graded: Array<{ grades: Float32Array; weight: number }> = [];
  for (const c of model.potential.criteria) {
    const col = table.columns.find((x) => x.name === c.column);
    if (!col) {
      issues.push({ code: 'missingColumn', criterion: c.id, column: c.column });
      continue;
    }
    if (c.rule.kind === 'categories') {
      const v = table.values[col.key];
      const count =
        v.kind === 'dict' ? v.dict.length : new Set(v.kind === 'str' ? v.values : []).size;
      if (count > 1000)
        issues.push({ code: 'tooManyCategories', criterion: c.id, column: c.column, count });
    }
    const g = grade(c);
    if (!g) {
      issues.push({ code: 'badRule', criterion: c.id, column: c.column });
      continue;
    }
    if (n > 0 && g.filled / n < 0.5)
      issues.push({ code: 'mostlyEmpty', criterion: c.id, column: c.column, filled: g.filled / n });
    graded.push({
      grades: g.grades,
      weight: Math.max(0, Number.isFinite(c.weight) ? c.weight : 0)
    });
  }
  if (model.potential.criteria.length === 0) issues.push({ code: 'noCriteria' });
  else if (graded.length > 0 && graded.every((g) => g.weight <= 0))
    issues.push({ code: 'allWeightsZero' });
  const potential = combinePotential(graded, n, model.potential.missing);
  const potentialAvailable = graded.some((g) => g.weight > 0);
  let potentialBand = potentialAvailable ? bandScores(potential, model.potential, false) : null;
  if (potentialAvailable && !potentialBand) issues.push({ code: 'badBands', axis: 'potential' });
  potentialBand ??= new Uint8Array(n).fill(Math.floor((pBands - 1) / 2));

  const seg = new Uint8Array(n);
  const matrix = model.matrix;
  const nSeg = model.segments.length;
  for (let i = 0; i < n; i++) {
    const s = matrix[weightBand[i]]?.[potentialBand[i]] ?? nSeg - 1;
    seg[i] = Math.min(Math.max(0, s), nSeg - 1);
  }
  let pinned = 0;
  if (model.pins.length > 0) {
    const rows = ids ?? accountIds(table);
    if (rows) {
      const pinSeg = new Map<string, number>();
      for (const p of model.pins) {
        const k = model.segments.findIndex((s) => s.id === p.segment);
        if (k >= 0) pinSeg.set(p.accountId, k);
      }
      for (let i = 0; i < n; i++) {
        const k = pinSeg.get(rows[i]);
        if (k !== undefined) {
          seg[i] = k;
          pinned++;
        }
      }
    }
  }
  const cells: CellStat[][] = Array.from({ length: wBands }, () =>
    Array.from({ length: pBands }, () => ({ accounts: 0, revenue: 0 }))
  );
  const segments: CellStat[] = model.segments.map(() => ({ accounts: 0, revenue: 0 }));
  const prospects = model.segments.map(() => 0);
  const mask = prospectMask(table);
  for (let i = 0; i < n; i++) {
    prospects[seg[i]] += mask[i];
    const r = revenue[i] > 0 ? revenue[i] : 0;
    const cell = cells[weightBand[i]]?.[potentialBand[i]];
    if (cell) {
      cell.accounts++;
      cell.revenue += r;
    }
    segments[seg[i]].accounts++;
    segments[seg[i]].revenue += r;
  }
  return {
    weightBand,
    potential,
    potentialBand,
    segment: seg,
    cells,
    segments,
    prospects,
    totalRevenue,
    potentialAvailable,
    weightAvailable,
    pinned,
    issues
  };
}

/** transitions[from][to]: how many accounts moved between segments. */
export function transitions(before: Uint8Array, after: Uint8Array, segments: number): number[][] {
  const t = Array.from({ length: segments }, () => new Array<number>(segments).fill(0));
  const n = Math.min(before.length, after.length);
  for (let i = 0; i < n; i++)
    if (before[i] < segments && after[i] < segments) t[before[i]][after[i]]++;
  return t;
}

/** Pareto curve, down-sampled: x = share of accounts, y = cumulative share of revenue. */
export function paretoCurve(revenue: Float64Array, points = 200): Array<{ x: number; y: number }> {
  const pos = Float64Array.from(revenue.filter((v) => v > 0))
    .sort()
    .reverse();
  const total = pos.reduce((s, v) => s + v, 0);
  const n = revenue.length;
  if (total <= 0 || n === 0) return [];
  const out = [{ x: 0, y: 0 }];
  let acc = 0;
  const step = Math.max(1, Math.floor(pos.length / points));
  for (let i = 0; i < pos.length; i++) {
    acc += pos[i];
    if ((i + 1) % step === 0 || i === pos.length - 1) out.push({ x: (i + 1) / n, y: acc / total });
  }
  if (pos.length < n) out.push({ x: 1, y: 1 });
  return out;
}

// ——— Normalisation (anything loaded: storage, backups) ———

const num = (v: unknown, d: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : d;
const nums = (v: unknown, d: number[]): number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? v.slice(0, 10)
    : d;

function normalizeAxis(raw: unknown, d: AxisBanding): AxisBanding {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const method =
    r.method === 'pareto' || r.method === 'thresholds' || r.method === 'quantiles'
      ? r.method
      : d.method;
  return {
    method,
    bands: r.bands === 2 ? 2 : 3,
    pareto: nums(r.pareto, d.pareto),
    thresholds: nums(r.thresholds, d.thresholds),
    quantiles: nums(r.quantiles, d.quantiles)
  };
}

function normalizeRule(raw: unknown): CriterionRule | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  switch (r.kind) {
    case 'bands':
      return { kind: 'bands', bounds: nums(r.bounds, []), grades: nums(r.grades, [0]) };
    case 'categories': {
      const grades: Record<string, number> = Object.create(null);
      if (r.grades && typeof r.grades === 'object') {
        for (const [k, v] of Object.entries(r.grades as Record<string, unknown>)) {
          if (typeof v === 'number' && Number.isFinite(v)) grades[k] = v;
        }
      }
      return { kind: 'categories', grades, otherGrade: num(r.otherGrade, 0) };
    }
    case 'linear':
      return {
        kind: 'linear',
        min: typeof r.min === 'number' ? r.min : null,
        max: typeof r.max === 'number' ? r.max : null
      };
    case 'yesno':
      return { kind: 'yesno', yes: num(r.yes, 100), no: num(r.no, 0) };
    default:
      return null;
  }
}

/** Cleans a segmentation read from storage or a backup; unknown parts fall back to defaults. */
export function normalizeSegmentation(raw: unknown): SegmentationModel {
  const d = defaultSegmentation();
  if (!raw || typeof raw !== 'object') return d;
  const r = raw as Record<string, unknown>;
  const pot = (r.potential && typeof r.potential === 'object' ? r.potential : {}) as Record<
    string,
    unknown
  >;
  const criteria: Criterion[] = [];
  if (Array.isArray(pot.criteria)) {
    for (const c of pot.criteria.slice(0, 50)) {
      if (!c || typeof c !== 'object') continue;
      const o = c as Record<string, unknown>;
      const rule = normalizeRule(o.rule);
      if (!rule || typeof o.column !== 'string') continue;
      criteria.push({
        id: typeof o.id === 'string' ? o.id : `k${criteria.length}`,
        column: o.column,
        weight: Math.max(0, num(o.weight, 1)),
        rule
      });
    }
  }
  const segments: SegmentDef[] = Array.isArray(r.segments)
    ? r.segments
        .slice(0, 5)
        .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
        .map((x, i) => ({
          id: typeof x.id === 'string' ? x.id : `s${i}`,
          name: typeof x.name === 'string' ? x.name.slice(0, 40) : `S${i + 1}`,
          color:
            typeof x.color === 'string' && /^#[0-9a-f]{6}$/i.test(x.color) ? x.color : '#888888'
        }))
    : d.segments;
  const segs = segments.length >= 2 ? segments : d.segments;
  const weight = normalizeAxis(r.weight, d.weight);
  const potential = normalizeAxis(pot, d.potential);
  let matrix = Array.isArray(r.matrix)
    ? (r.matrix as unknown[]).map((row) => (Array.isArray(row) ? row.map((x) => num(x, 0)) : []))
    : [];
  const shapeOk =
    matrix.length === weight.bands &&
    matrix.every(
      (row) =>
        row.length === potential.bands &&
        row.every((x) => Number.isInteger(x) && x >= 0 && x < segs.length)
    );
  if (!shapeOk) matrix = defaultMatrix(weight.bands, potential.bands, segs.length);
  const pins: Pin[] = Array.isArray(r.pins)
    ? r.pins
        .filter(
          (p): p is Record<string, unknown> =>
            !!p &&
            typeof p === 'object' &&
            typeof (p as Record<string, unknown>).accountId === 'string'
        )
        .map((p) => ({
          accountId: String(p.accountId),
          segment: typeof p.segment === 'string' ? p.segment : segs[0].id,
          reason: typeof p.reason === 'string' ? p.reason.slice(0, 500) : '',
          at: num(p.at, 0)
        }))
    : [];
  const missing =
    pot.missing === 'zero' || pot.missing === 'neutral' || pot.missing === 'drop'
      ? pot.missing
      : d.potential.missing;
  return { weight, potential: { ...potential, criteria, missing }, segments: segs, matrix, pins };
}

/**
 * Criteria proposed from the mapped columns, for a first segmentation the manager then tunes:
 * head count (bands 1–9 / 10–49 / 50–249 / 250+), company revenue (< 2 M€ / < 10 M€ / < 50 M€ /
 * more), sector (graded by the mean revenue of its accounts: the best sector 100, the worst 0).
 */
export function proposeCriteria(table: AccountTable): Criterion[] {
  const out: Criterion[] = [];
  const byRole = (role: string) => table.columns.find((c) => c.role === role);
  const head = byRole('headcount');
  if (head && table.values[head.key].kind === 'f64') {
    out.push({
      id: 'headcount',
      column: head.name,
      weight: 2,
      rule: { kind: 'bands', bounds: [10, 50, 250], grades: [10, 40, 70, 100] }
    });
  }
  const ca = byRole('companyRevenue');
  if (ca && table.values[ca.key].kind === 'f64') {
    out.push({
      id: 'companyRevenue',
      column: ca.name,
      weight: 2,
      rule: {
        kind: 'bands',
        bounds: [2_000_000, 10_000_000, 50_000_000],
        grades: [10, 40, 70, 100]
      }
    });
  }
  const sector = byRole('sector');
  if (sector) {
    const v = table.values[sector.key];
    const rev = byRole('revenue');
    const r = rev ? table.values[rev.key] : null;
    const sums = new Map<string, { n: number; s: number }>();
    for (let i = 0; i < table.rowCount; i++) {
      const label = cellAt(v, i);
      if (label === null) continue;
      const g = sums.get(String(label)) ?? { n: 0, s: 0 };
      g.n++;
      const x = r?.kind === 'f64' ? r.values[i] : NaN;
      if (x > 0) g.s += x;
      sums.set(String(label), g);
    }
    if (sums.size > 0 && sums.size <= 1000) {
      const ranked = [...sums].sort((a, b) => b[1].s / b[1].n - a[1].s / a[1].n).map(([k]) => k);
      const grades: Record<string, number> = Object.create(null);
      ranked.forEach(
        (k, i) =>
          (grades[k] = ranked.length === 1 ? 50 : Math.round(100 - (100 * i) / (ranked.length - 1)))
      );
      out.push({
        id: 'sector',
        column: sector.name,
        weight: 1,
        rule: { kind: 'categories', grades, otherGrade: 0 }
      });
    }
  }
  return out;
}
