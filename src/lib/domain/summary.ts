/**
 * Summary statistics of the active dataset: what the Données screen and the dashboard show.
 * Revenue in €; shares in [0, 1]; an account is a prospect when its type says so or, without a
 * type column, when its revenue is 0 or empty.
 */
import type { ColumnRole } from './columns';
import type { AccountTable } from './table';
import { cellAt, columnFor, filledCount, prospectMask } from './table';

export interface GroupStat {
  label: string;
  accounts: number;
  revenue: number;
}

export interface DatasetSummary {
  rowCount: number;
  clients: number;
  prospects: number;
  /** Σ revenue (€), NaN-free; null when no revenue column is mapped. */
  revenueTotal: number | null;
  revenuePrevTotal: number | null;
  /** (revenue − previous) / previous; null when not computable. */
  growth: number | null;
  /** Share of accounts (sorted by revenue desc) that make 80 % of revenue; null without revenue. */
  paretoShare80: number | null;
  byRep: GroupStat[];
  bySector: GroupStat[];
  /** Share of non-empty cells per mapped role. */
  completeness: Array<{ role: ColumnRole; column: string; filled: number }>;
}

function groupBy(table: AccountTable, role: ColumnRole, revenue: Float64Array | null): GroupStat[] {
  const col = columnFor(table, role);
  if (!col) return [];
  const values = table.values[col.key];
  if (values.kind === 'dict') {
    // Dictionary columns: accumulate by code, no string per row.
    const accounts = new Float64Array(values.dict.length);
    const rev = new Float64Array(values.dict.length);
    for (let i = 0; i < table.rowCount; i++) {
      const c = values.codes[i];
      accounts[c]++;
      const r = revenue ? revenue[i] : NaN;
      if (!Number.isNaN(r)) rev[c] += r;
    }
    const merged = new Map<string, GroupStat>();
    values.dict.forEach((label, c) => {
      if (accounts[c] === 0) return;
      const g = merged.get(label) ?? { label, accounts: 0, revenue: 0 };
      g.accounts += accounts[c];
      g.revenue += rev[c];
      merged.set(label, g);
    });
    return [...merged.values()].sort((a, b) => b.revenue - a.revenue || b.accounts - a.accounts);
  }
  const groups = new Map<string, GroupStat>();
  for (let i = 0; i < table.rowCount; i++) {
    const raw = cellAt(values, i);
    const label = raw === null ? '' : String(raw);
    let g = groups.get(label);
    if (!g) {
      g = { label, accounts: 0, revenue: 0 };
      groups.set(label, g);
    }
    g.accounts++;
    const r = revenue ? revenue[i] : NaN;
    if (!Number.isNaN(r)) g.revenue += r;
  }
  return [...groups.values()].sort((a, b) => b.revenue - a.revenue || b.accounts - a.accounts);
}

function numeric(table: AccountTable, role: ColumnRole): Float64Array | null {
  const col = columnFor(table, role);
  if (!col) return null;
  const v = table.values[col.key];
  return v.kind === 'f64' ? v.values : null;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) s += values[i];
  return s;
}

/** Smallest share of accounts whose revenue reaches 80 % of the total (revenue sorted desc). */
export function paretoShare(revenue: Float64Array, threshold = 0.8): number | null {
  const positive = Float64Array.from(revenue.filter((v) => v > 0))
    .sort()
    .reverse();
  const total = sum(positive);
  if (total <= 0 || revenue.length === 0) return null;
  let acc = 0;
  for (let i = 0; i < positive.length; i++) {
    acc += positive[i];
    if (acc >= threshold * total - 1e-9 * total) return (i + 1) / revenue.length;
  }
  return positive.length / revenue.length;
}

export function summarize(table: AccountTable): DatasetSummary {
  const revenue = numeric(table, 'revenue');
  const revenuePrev = numeric(table, 'revenuePrev');
  const mask = prospectMask(table);
  let prospects = 0;
  for (let i = 0; i < mask.length; i++) prospects += mask[i];
  const revenueTotal = revenue ? sum(revenue) : null;
  const revenuePrevTotal = revenuePrev ? sum(revenuePrev) : null;
  return {
    rowCount: table.rowCount,
    clients: table.rowCount - prospects,
    prospects,
    revenueTotal,
    revenuePrevTotal,
    growth:
      revenueTotal !== null && revenuePrevTotal !== null && revenuePrevTotal > 0
        ? (revenueTotal - revenuePrevTotal) / revenuePrevTotal
        : null,
    paretoShare80: revenue ? paretoShare(revenue) : null,
    byRep: groupBy(table, 'rep', revenue),
    bySector: groupBy(table, 'sector', revenue).slice(0, 12),
    completeness: table.columns
      .filter((c) => c.role !== null)
      .map((c) => ({
        role: c.role as ColumnRole,
        column: c.name,
        filled:
          table.rowCount === 0
            ? 0
            : filledCount(table.values[c.key], table.rowCount) / table.rowCount
      }))
  };
}
