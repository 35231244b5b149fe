/** Plain-data types that cross the worker boundary (no class instances, no Svelte proxies). */
import type { SegIssue } from '../domain/segmentation';
import type { ColumnMeta } from '../domain/columns';
import type { DatasetSummary } from '../domain/summary';
import type { Cell } from '../domain/table';
import type { BackupError } from '../export/backup';
import type { Channel, Role } from '../domain/coverage';
import type { PlanIssue, RepStats, UnplacedReason } from '../domain/plan';

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

// ——— Action plans ———

export interface PlanRepView {
  id: string;
  name: string;
  role: Role;
  fte: number;
  stats: RepStats;
  weekLoad: number[];
  weekCapacity: number[];
  monthLoad: number[];
  monthCapacity: number[];
  daysOff: Array<{ from: number; to: number }>;
  /** Weekdays worked, Monday to Friday. */
  weekdays: boolean[];
}

export interface PlanSummary {
  /** draft: generated, not accepted; accepted: stored; rejected: bad input, nothing generated. */
  status: 'draft' | 'accepted' | 'rejected';
  scenarioId: string;
  createdAt: number;
  acceptedAt: number | null;
  modelKey: string;
  datasetId: string;
  start: number;
  end: number;
  months: number;
  week0: number;
  weeks: number;
  segments: Array<{ id: string; name: string; color: string }>;
  actions: Array<{ id: string; name: string; channel: Channel }>;
  reps: PlanRepView[];
  /** First day of each month of the period. */
  monthStarts: number[];
  alsaceMoselle: boolean;
  /** Manual reassignments the plan was made with. */
  assign: Record<string, Partial<Record<Role, string>>>;
  issues: PlanIssue[];
  totals: {
    actions: number;
    hours: number;
    unplaced: number;
    unplacedHours: number;
    done: number;
    modelHours: number;
    accounts: number;
  };
  unplacedByReason: Record<UnplacedReason, number>;
  /** Draft against the accepted plan, by occurrence. */
  diff: { added: number; removed: number; changed: number; same: number } | null;
}

export interface PlanItemView {
  index: number;
  key: string;
  accountId: string;
  accountName: string;
  city: string;
  segment: number;
  action: number;
  actionId: string;
  seq: number;
  rep: number;
  day: number;
  minute: number;
  minutes: number;
  done: boolean;
  moved: boolean;
  kept: boolean;
  reason: UnplacedReason;
}

export interface PlanWeekView {
  week: number;
  /** Monday of the week. */
  from: number;
  items: PlanItemView[];
  /** Actions of this rep that could not be placed anywhere in the period. */
  unplaced: number;
}

export interface PlanAccountRow {
  account: number;
  id: string;
  name: string;
  city: string;
  segment: number;
  actions: number;
  next: { day: number; action: string } | null;
  field: string;
  inside: string;
}

export interface RebalanceProposal {
  moves: Array<{
    accountId: string;
    accountName: string;
    role: Role;
    from: string;
    to: string;
    hours: number;
  }>;
}

/** The words written in plan exports (CSV/XLSX header and values, ICS descriptions). */
export interface PlanExportLabels {
  /** 13 column names: date, time, minutes, rep, role, action, id, name, segment, town,
   * postcode, status, UID. */
  header: string[];
  status: { planned: string; done: string; moved: string; unplaced: string };
  roles: Record<Role, string>;
  reasons: Record<UnplacedReason, string>;
  ics: {
    account: string;
    segment: string;
    rep: string;
    duration: string;
    travel: string;
    status: string;
  };
}
