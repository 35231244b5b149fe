/** Plain-data types that cross the worker boundary (no class instances, no Svelte proxies). */
import type { SegIssue } from '../domain/segmentation';
import type { ColumnMeta } from '../domain/columns';
import type { DatasetSummary } from '../domain/summary';
import type { Cell } from '../domain/table';
import type { BackupError } from '../export/backup';

export interface Progress {
  /** Stage key, translated by the UI: 'generate' | 'store' | 'read' | 'restore' | 'backup'. */
  stage: string;
  done: number;
  total: number;
}

export type ProgressFn = (p: Progress) => void;

export interface DatasetInfo {
  datasetId: string;
  createdAt: number;
  source: { kind: 'sample' | 'file' | 'backup'; fileName: string | null };
  columns: ColumnMeta[];
  summary: DatasetSummary;
  /** Approximate memory held by the resident table (bytes). */
  residentBytes: number;
}

export interface PageRequest {
  offset: number;
  limit: number;
  sort: { key: string; dir: 'asc' | 'desc' } | null;
  search: string;
  /** One filter per column (text contains; numbers `>1000`, `100..200`; dates by year). */
  filters: Array<{ key: string; value: string }>;
}

export interface PageResult {
  /** Rows matching the search. */
  total: number;
  offset: number;
  rows: Array<{ index: number; cells: Cell[] }>;
}

export type RestoreResult =
  { ok: true; workspaceId: string } | { ok: false; error: BackupError | 'quota'; detail: string };

export interface SegmentationView {
  ms: number;
  rowCount: number;
  segments: Array<{ accounts: number; revenue: number }>;
  prospects: number[];
  cells: Array<Array<{ accounts: number; revenue: number }>>;
  totalRevenue: number;
  weightAvailable: boolean;
  potentialAvailable: boolean;
  pinned: number;
  issues: SegIssue[];
  /** transitions[from][to] against the previous computation (same dataset), else null. */
  transitions: number[][] | null;
  moved: number;
  /** Accounts per weight band and per potential band. */
  weightBands: number[];
  potentialBands: number[];
  /** Pareto curve (share of accounts → cumulative share of revenue). */
  curve: Array<{ x: number; y: number }>;
  /** Share of accounts with a value, per criterion id. */
  filled: Record<string, number>;
}

export interface Explanation {
  row: number;
  id: string;
  name: string;
  revenue: number | null;
  /** Share of total revenue (0–1). */
  weight: number;
  weightBand: number;
  criteria: Array<{
    id: string;
    column: string;
    value: Cell;
    grade: number | null;
    weight: number;
    contribution: number | null;
  }>;
  potential: number | null;
  potentialBand: number;
  /** Segment from the matrix cell, and the final one (a pin wins). */
  cellSegment: number;
  segment: number;
  pin: { segment: string; reason: string; at: number } | null;
}

export interface ScatterView {
  /** Non-empty bins: x = log10(revenue) at the bin centre, y = potential 0–100. */
  bins: Array<{ x: number; y: number; count: number; segment: number; id: string }>;
  xMin: number;
  xMax: number;
  ms: number;
  /** Accounts drawn (revenue > 0 and potential known), and left out. */
  plotted: number;
  skipped: number;
}
