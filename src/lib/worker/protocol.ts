/** Plain-data types that cross the worker boundary (no class instances, no Svelte proxies). */
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
