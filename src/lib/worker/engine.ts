/**
 * The engine: the resident account table and every heavy call, as plain functions over a Dexie
 * handle. engine.worker.ts exposes it with Comlink; tests call it directly in Node.
 */
import {
  generateSampleAccounts,
  SAMPLE_COLUMNS,
  SAMPLE_SIZE,
  SAMPLE_SEED,
  sampleToColumns
} from '../domain/sample';
import { summarize } from '../domain/summary';
import type { AccountTable, Cell } from '../domain/table';
import { cellAt, residentBytes } from '../domain/table';
import { QueryCache, queryRows } from '../domain/query';
import { parseBackup, serializeBackup } from '../export/backup';
import { restoreWorkspace, snapshotWorkspace } from '../db/backup-store';
import {
  createWorkspace,
  duplicateWorkspace,
  readDataset,
  revertDataset,
  writeDataset
} from '../db/repo';
import { toCsv, type CsvCell, type CsvDialect } from '../export/csv';
import {
  createImportSession,
  type AnalyzeResult,
  type CommitResult,
  type ImportOptions
} from './import-session';
import type { PodiumDB } from '../db/schema';
import type { DatasetInfo, PageRequest, PageResult, ProgressFn, RestoreResult } from './protocol';

export function createEngine(openDb: () => PodiumDB) {
  let db: PodiumDB | null = null;
  const database = (): PodiumDB => (db ??= openDb());

  let resident: { datasetId: string; info: DatasetInfo; table: AccountTable } | null = null;
  const imports = createImportSession(database);
  /** Cached row order for the last (sort, search) asked by the table. */
  let order: { key: string; rows: Uint32Array } | null = null;
  let cache: QueryCache | null = null;

  function throttled(onProgress: ProgressFn | undefined): ProgressFn {
    let last = 0;
    return (p) => {
      const now = Date.now();
      if (!onProgress || (now - last < 100 && p.done < p.total)) return;
      last = now;
      onProgress(p);
    };
  }

  function rowOrder(
    req: Pick<PageRequest, 'search' | 'sort' | 'filters'>,
    table: AccountTable
  ): Uint32Array {
    const key = JSON.stringify([resident?.datasetId, req.sort, req.search, req.filters]);
    if (order && order.key === key) return order.rows;
    if (!cache || cache.table !== table) cache = new QueryCache(table);
    order = {
      key,
      rows: queryRows(table, { search: req.search, filters: req.filters, sort: req.sort }, cache)
    };
    return order.rows;
  }

  const api = {
    async ping(): Promise<string> {
      return 'pong';
    },

    /** Creates a workspace filled with the built-in sample file; returns its id. */
    async createSampleWorkspace(
      req: { name: string; scenarioName: string; size?: number; seed?: number },
      onProgress?: ProgressFn
    ): Promise<{ workspaceId: string }> {
      const report = throttled(onProgress);
      const size = req.size ?? SAMPLE_SIZE;
      report({ stage: 'generate', done: 0, total: size });
      const accounts = generateSampleAccounts(size, req.seed ?? SAMPLE_SEED);
      const table: AccountTable = {
        rowCount: accounts.length,
        columns: SAMPLE_COLUMNS.map((c) => ({ ...c })),
        values: sampleToColumns(accounts)
      };
      const ws = await createWorkspace(database(), req.name, req.scenarioName);
      await writeDataset(
        database(),
        ws.id,
        table,
        { kind: 'sample', fileName: null },
        {
          activate: true,
          onChunk: (done) => report({ stage: 'store', done, total: size })
        }
      );
      return { workspaceId: ws.id };
    },

    /** Makes `datasetId` resident (reading it from IndexedDB) and returns its summary. */
    async loadDataset(req: { datasetId: string | null }): Promise<DatasetInfo | null> {
      if (!req.datasetId) {
        resident = null;
        order = null;
        return null;
      }
      if (resident && resident.datasetId === req.datasetId) return resident.info;
      const found = await readDataset(database(), req.datasetId);
      if (!found) {
        resident = null;
        return null;
      }
      const info: DatasetInfo = {
        datasetId: found.record.id,
        createdAt: found.record.createdAt,
        source: found.record.source,
        columns: found.table.columns,
        summary: summarize(found.table),
        residentBytes: residentBytes(found.table)
      };
      resident = { datasetId: found.record.id, info, table: found.table };
      order = null;
      return info;
    },

    /** One page of the resident table, sorted and filtered in the worker. */
    async page(req: PageRequest): Promise<PageResult> {
      if (!resident) return { total: 0, offset: 0, rows: [] };
      const table = resident.table;
      const rows = rowOrder(req, table);
      const offset = Math.max(0, Math.min(req.offset, Math.max(0, rows.length - 1)));
      const end = Math.min(rows.length, offset + Math.max(0, Math.min(req.limit, 500)));
      const out: PageResult['rows'] = [];
      for (let r = offset; r < end; r++) {
        const i = rows[r];
        const cells: Cell[] = table.columns.map((c) => cellAt(table.values[c.key], i));
        out.push({ index: i, cells });
      }
      return { total: rows.length, offset, rows: out };
    },

    /** The whole workspace as `.podium` text. */
    async exportBackup(req: { workspaceId: string }, onProgress?: ProgressFn): Promise<string> {
      onProgress?.({ stage: 'backup', done: 0, total: 1 });
      const text = serializeBackup(await snapshotWorkspace(database(), req.workspaceId));
      onProgress?.({ stage: 'backup', done: 1, total: 1 });
      return text;
    },

    /** Validates a backup and restores it into a new workspace; bad files change nothing. */
    async restoreBackup(req: { text: string }): Promise<RestoreResult> {
      const parsed = parseBackup(req.text);
      if (!parsed.ok) return parsed;
      try {
        const ws = await restoreWorkspace(database(), parsed.backup);
        return { ok: true, workspaceId: ws.id };
      } catch (e) {
        if ((e as Error).name === 'QuotaExceededError')
          return { ok: false, error: 'quota', detail: '' };
        throw e;
      }
    },

    async duplicateWorkspace(req: {
      workspaceId: string;
      name: string;
    }): Promise<{ workspaceId: string }> {
      const ws = await duplicateWorkspace(database(), req.workspaceId, req.name);
      return { workspaceId: ws.id };
    },

    /** Reads a file (or re-reads the current one with new options) and prepares its import. */
    async importAnalyze(
      req: { file?: File; options: ImportOptions },
      onProgress?: ProgressFn
    ): Promise<AnalyzeResult> {
      return imports.analyze({ ...req, current: resident?.table ?? null }, throttled(onProgress));
    },

    /** Stores the prepared import as the workspace's active dataset (previous one kept for undo). */
    async importCommit(
      req: { workspaceId: string },
      onProgress?: ProgressFn
    ): Promise<CommitResult> {
      const result = await imports.commit(req, throttled(onProgress));
      if (result.ok && result.table) {
        // The table just stored becomes resident as is: no need to read it back.
        const t0 = performance.now();
        const table = result.table;
        const info: DatasetInfo = {
          datasetId: result.datasetId,
          createdAt: Date.now(),
          source: { kind: 'file', fileName: result.fileName },
          columns: table.columns,
          summary: summarize(table),
          residentBytes: residentBytes(table)
        };
        resident = { datasetId: result.datasetId, info, table };
        order = null;
        result.timings.summary = Math.round(performance.now() - t0);
      }
      if (result.ok) delete result.table; // never ship the table to the page
      return result;
    },

    async importDiscard(): Promise<void> {
      imports.discard();
    },

    /** "Revenir à l'import précédent": swaps the active and previous datasets. */
    async revertImport(req: { workspaceId: string }): Promise<{ datasetId: string | null }> {
      return { datasetId: await revertDataset(database(), req.workspaceId) };
    },

    /** The resident table (filtered and sorted like the screen) as a CSV file's text. */
    async exportAccounts(req: {
      dialect: CsvDialect;
      search: string;
      sort: PageRequest['sort'];
      filters?: PageRequest['filters'];
    }): Promise<string> {
      if (!resident) return '';
      const table = resident.table;
      const rows = rowOrder(
        { sort: req.sort, search: req.search, filters: req.filters ?? [] },
        table
      );
      const cols = table.columns;
      const dateText = (d: number) => {
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        return req.dialect === 'excel-fr'
          ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
          : iso;
      };
      function* lines(): Generator<CsvCell[]> {
        for (const i of rows) {
          yield cols.map((c) => {
            const v = cellAt(table.values[c.key], i);
            return c.type === 'date' && typeof v === 'number' ? dateText(v) : v;
          });
        }
      }
      return toCsv(
        cols.map((c) => c.name),
        lines(),
        req.dialect
      );
    },

    /** Forgets the resident table (after a delete, or to free memory). */
    async unload(): Promise<void> {
      resident = null;
      order = null;
    }
  };
  return api;
}

export type EngineApi = ReturnType<typeof createEngine>;
