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
import { fold, QueryCache, queryRows } from '../domain/query';
import {
  accountIds,
  bandScores,
  type AxisBanding,
  gradeCriterion,
  paretoCurve,
  proposeCriteria,
  segment,
  transitions,
  type Criterion,
  type Graded,
  type SegmentationModel,
  type SegmentationResult
} from '../domain/segmentation';
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
import { toXlsx } from '../export/xlsx';
import * as Comlink from 'comlink';
import {
  createImportSession,
  type AnalyzeResult,
  type CommitResult,
  type ImportOptions
} from './import-session';
import type { PodiumDB } from '../db/schema';
import { createPlanSession } from './plan-session';
import type {
  ScatterView,
  DatasetInfo,
  Explanation,
  PageRequest,
  PageResult,
  ProgressFn,
  RestoreResult,
  SegmentationView
} from './protocol';

/** Graded criteria kept per dataset: enough for a model and the scenarios compared with it. */
const GRADED_CACHE = 24;

export function createEngine(openDb: () => PodiumDB) {
  let db: PodiumDB | null = null;
  const database = (): PodiumDB => (db ??= openDb());

  let resident: { datasetId: string; info: DatasetInfo; table: AccountTable } | null = null;
  const imports = createImportSession(database);
  /** Segmentation caches of the resident dataset: graded criteria, ids, the last result. */
  let seg: {
    table: AccountTable;
    ids: string[] | null;
    graded: Map<string, Graded | null>;
    curve: Array<{ x: number; y: number }> | null;
    last: SegmentationResult | null;
    lastSegments: number;
    /** The model the recorded `last` result was computed with (JSON), for reuse. */
    lastKey: string;
    weightBands: { key: string; bands: Uint8Array | null } | null;
  } | null = null;
  const segCache = (table: AccountTable) => {
    if (!seg || seg.table !== table) {
      seg = {
        table,
        ids: accountIds(table),
        graded: new Map(),
        curve: null,
        last: null,
        lastSegments: 0,
        weightBands: null,
        lastKey: ''
      };
    }
    return seg as NonNullable<typeof seg>;
  };
  /** Weight bands only change with the weight axis: cached by its settings. */
  const weightBandsOf = (table: AccountTable) => (revenue: Float64Array, axis: AxisBanding) => {
    const cache = segCache(table);
    const key = JSON.stringify(axis);
    if (cache.weightBands?.key !== key)
      cache.weightBands = { key, bands: bandScores(revenue, axis, true) };
    return cache.weightBands.bands;
  };
  const gradedOf = (table: AccountTable, c: Criterion): Graded | null => {
    const cache = segCache(table);
    const key = JSON.stringify([c.column, c.rule]);
    const hit = cache.graded.get(key);
    // Least recently used first in the map; each entry is a Float32Array of the whole table, so
    // the cache is bounded (every edit of a grade would otherwise keep one more).
    cache.graded.delete(key);
    const graded = hit !== undefined ? hit : gradeCriterion(table, c);
    cache.graded.set(key, graded);
    while (cache.graded.size > GRADED_CACHE) {
      const oldest = cache.graded.keys().next().value as string;
      cache.graded.delete(oldest);
    }
    return graded;
  };
  /**
   * The segmentation of `model`: the result the screen just computed when the model is the same
   * (explain, export), else a fresh computation (not recorded for transitions).
   */
  const resultFor = (table: AccountTable, model: SegmentationModel): SegmentationResult => {
    const cache = segCache(table);
    if (cache.last && cache.lastKey === JSON.stringify(model)) return cache.last;
    return segment(table, model, (c) => gradedOf(table, c), cache.ids, weightBandsOf(table));
  };
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

  const plans = createPlanSession({
    db: database,
    resident: () => (resident ? { datasetId: resident.datasetId, table: resident.table } : null),
    segmentationOf: resultFor,
    idsOf: (table) => segCache(table).ids
  });

  const api = {
    ...plans,

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

    /** Segments the resident accounts with `model`; cheap to repeat (graded criteria cached). */
    async segment(req: {
      model: SegmentationModel;
      /** false: a side computation (scenario comparison), not recorded for transitions. */ record?: boolean;
    }): Promise<SegmentationView | null> {
      if (!resident) return null;
      const t0 = performance.now();
      const table = resident.table;
      const cache = segCache(table);
      const model = req.model;
      const r = segment(table, model, (c) => gradedOf(table, c), cache.ids, weightBandsOf(table));
      const nSeg = model.segments.length;
      const trans =
        cache.last && cache.lastSegments === nSeg
          ? transitions(cache.last.segment, r.segment, nSeg)
          : null;
      let moved = 0;
      if (trans) trans.forEach((row, i) => row.forEach((n, j) => (moved += i === j ? 0 : n)));
      if (req.record !== false) {
        cache.last = r;
        cache.lastSegments = nSeg;
        cache.lastKey = JSON.stringify(model);
      }
      if (!cache.curve) {
        const rev = table.columns.find((c) => c.role === 'revenue');
        const v = rev ? table.values[rev.key] : null;
        cache.curve = v?.kind === 'f64' ? paretoCurve(v.values) : [];
      }
      const count = (bands: Uint8Array, k: number) => {
        const out = new Array<number>(k).fill(0);
        for (let i = 0; i < bands.length; i++) out[bands[i]]++;
        return out;
      };
      const filled: Record<string, number> = {};
      for (const c of model.potential.criteria) {
        const g = gradedOf(table, c);
        filled[c.id] = g && table.rowCount > 0 ? g.filled / table.rowCount : 0;
      }
      return {
        ms: Math.round((performance.now() - t0) * 10) / 10,
        rowCount: table.rowCount,
        segments: r.segments,
        prospects: r.prospects,
        cells: r.cells,
        totalRevenue: r.totalRevenue,
        weightAvailable: r.weightAvailable,
        potentialAvailable: r.potentialAvailable,
        pinned: r.pinned,
        issues: r.issues,
        transitions: trans,
        moved,
        weightBands: count(r.weightBand, model.weight.bands),
        potentialBands: count(r.potentialBand, model.potential.bands),
        curve: cache.curve,
        filled
      };
    },

    /**
     * Density view of the accounts for the scatter chart: log10(revenue) × potential binned into a
     * grid; each non-empty bin with its count, dominant segment and one account to explain.
     */
    async scatter(req: { xBins: number; yBins: number }): Promise<ScatterView | null> {
      if (!resident || !seg?.last) return null;
      const t0 = performance.now();
      const table = resident.table;
      const r = seg.last;
      const rev = table.columns.find((c) => c.role === 'revenue');
      const v = rev ? table.values[rev.key] : null;
      if (v?.kind !== 'f64')
        return { bins: [], xMin: 0, xMax: 1, ms: 0, plotted: 0, skipped: table.rowCount };
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < table.rowCount; i++) {
        const x = v.values[i];
        if (x > 0) {
          const l = Math.log10(x);
          if (l < lo) lo = l;
          if (l > hi) hi = l;
        }
      }
      if (!Number.isFinite(lo))
        return { bins: [], xMin: 0, xMax: 1, ms: 0, plotted: 0, skipped: table.rowCount };
      if (hi - lo < 1e-9) hi = lo + 1;
      const nx = req.xBins;
      const ny = req.yBins;
      const nSeg = Math.max(1, seg.lastSegments);
      const counts = new Uint32Array(nx * ny * nSeg);
      const sample = new Int32Array(nx * ny).fill(-1);
      let plotted = 0;
      for (let i = 0; i < table.rowCount; i++) {
        const x = v.values[i];
        const p = r.potential[i];
        if (!(x > 0) || Number.isNaN(p)) continue;
        const bx = Math.min(nx - 1, Math.floor(((Math.log10(x) - lo) / (hi - lo)) * nx));
        const by = Math.min(ny - 1, Math.floor((p / 100) * ny));
        const b = by * nx + bx;
        counts[b * nSeg + r.segment[i]]++;
        if (sample[b] < 0) sample[b] = i;
        plotted++;
      }
      const ids = seg.ids ?? [];
      const bins: ScatterView['bins'] = [];
      for (let b = 0; b < nx * ny; b++) {
        let total = 0;
        let best = 0;
        for (let s = 0; s < nSeg; s++) {
          const c = counts[b * nSeg + s];
          total += c;
          if (c > counts[b * nSeg + best]) best = s;
        }
        if (total === 0) continue;
        const bx = b % nx;
        const by = Math.floor(b / nx);
        bins.push({
          x: lo + ((bx + 0.5) / nx) * (hi - lo),
          y: ((by + 0.5) / ny) * 100,
          count: total,
          segment: best,
          id: ids[sample[b]] ?? ''
        });
      }
      return {
        bins,
        xMin: lo,
        xMax: hi,
        ms: Math.round(performance.now() - t0),
        plotted,
        skipped: table.rowCount - plotted
      };
    },

    /** Criteria proposed from the mapped columns. */
    async proposeCriteria(): Promise<Criterion[]> {
      return resident ? proposeCriteria(resident.table) : [];
    },

    /** Distinct values of a column with their accounts and revenue (for category grading). */
    async categoryValues(req: {
      column: string;
    }): Promise<Array<{ value: string; accounts: number; revenue: number }>> {
      if (!resident) return [];
      const table = resident.table;
      const col = table.columns.find((c) => c.name === req.column);
      if (!col) return [];
      const rev = table.columns.find((c) => c.role === 'revenue');
      const r = rev ? table.values[rev.key] : null;
      const v = table.values[col.key];
      const map = new Map<string, { value: string; accounts: number; revenue: number }>();
      for (let i = 0; i < table.rowCount; i++) {
        const x = cellAt(v, i);
        if (x === null) continue;
        const key = String(x);
        const g = map.get(key) ?? { value: key, accounts: 0, revenue: 0 };
        g.accounts++;
        const y = r?.kind === 'f64' ? r.values[i] : NaN;
        if (y > 0) g.revenue += y;
        map.set(key, g);
      }
      return [...map.values()].sort((a, b) => b.accounts - a.accounts).slice(0, 2000);
    },

    /** Why an account is where it is: found by id or name (exact, else first containing). */
    async explain(req: { query: string; model: SegmentationModel }): Promise<Explanation | null> {
      if (!resident) return null;
      const table = resident.table;
      const cache = segCache(table);
      const q = fold(req.query.trim());
      if (!q) return null;
      const nameCol = table.columns.find((c) => c.role === 'name');
      const names = nameCol ? table.values[nameCol.key] : null;
      const ids = cache.ids ?? [];
      let row = ids.findIndex((id) => fold(id) === q);
      if (row < 0 && names) {
        for (let i = 0; i < table.rowCount && row < 0; i++) {
          const nm = cellAt(names, i);
          if (nm !== null && fold(String(nm)).includes(q)) row = i;
        }
      }
      if (row < 0) return null;
      const r = resultFor(table, req.model);
      const revCol = table.columns.find((c) => c.role === 'revenue');
      const revenue = revCol ? cellAt(table.values[revCol.key], row) : null;
      const weights = req.model.potential.criteria.map((c) => Math.max(0, c.weight));
      const criteria = req.model.potential.criteria.map((c, k) => {
        const col = table.columns.find((x) => x.name === c.column);
        const g = gradedOf(table, c);
        const grade = g && !Number.isNaN(g.grades[row]) ? g.grades[row] : null;
        return {
          id: c.id,
          column: c.column,
          value: col ? cellAt(table.values[col.key], row) : null,
          grade,
          weight: weights[k],
          contribution: null as number | null
        };
      });
      // Contribution = share of the potential brought by each criterion (after the missing policy).
      const missing = req.model.potential.missing;
      const used = criteria.map((c) =>
        c.grade === null ? (missing === 'drop' ? null : missing === 'neutral' ? 50 : 0) : c.grade
      );
      const wsum = criteria.reduce(
        (s, c, k) => s + (used[k] === null || c.weight <= 0 ? 0 : c.weight),
        0
      );
      criteria.forEach((c, k) => {
        const u = used[k];
        c.contribution = u === null || wsum <= 0 || c.weight <= 0 ? null : (c.weight * u) / wsum;
      });
      const pin = req.model.pins.find((p) => p.accountId === ids[row]) ?? null;
      const cellSegment = req.model.matrix[r.weightBand[row]]?.[r.potentialBand[row]] ?? 0;
      return {
        row,
        id: ids[row] ?? '',
        name: names ? String(cellAt(names, row) ?? '') : '',
        revenue: typeof revenue === 'number' ? revenue : null,
        weight:
          typeof revenue === 'number' && revenue > 0 && r.totalRevenue > 0
            ? revenue / r.totalRevenue
            : 0,
        weightBand: r.weightBand[row],
        criteria,
        potential: Number.isNaN(r.potential[row]) ? null : r.potential[row],
        potentialBand: r.potentialBand[row],
        cellSegment,
        segment: r.segment[row],
        pin: pin ? { segment: pin.segment, reason: pin.reason, at: pin.at } : null
      };
    },

    /** Accounts with weight, potential, bands, segment and pin: CSV text or XLSX bytes. */
    async exportSegmentation(req: {
      model: SegmentationModel;
      format: CsvDialect | 'xlsx';
      /** Names of the bands of each axis (2 bands: « Haut », « Bas »; 3: with « Moyen »). */
      bandNames: { weight: string[]; potential: string[] };
    }): Promise<string | ArrayBuffer> {
      if (!resident) return '';
      const table = resident.table;
      const cache = segCache(table);
      const r = resultFor(table, req.model);
      const revCol = table.columns.find((c) => c.role === 'revenue');
      const rev = revCol ? table.values[revCol.key] : null;
      const nameCol = table.columns.find((c) => c.role === 'name');
      const pins = new Map(req.model.pins.map((p) => [p.accountId, p]));
      const header = [
        'Identifiant',
        'Raison sociale',
        'CA',
        'Poids (%)',
        'Bande poids',
        'Potentiel (0-100)',
        'Bande potentiel',
        'Segment',
        'Épinglé',
        'Motif'
      ];
      const ids = cache.ids ?? [];
      function* lines(): Generator<CsvCell[]> {
        for (let i = 0; i < table.rowCount; i++) {
          const x = rev?.kind === 'f64' ? rev.values[i] : NaN;
          const pin = pins.get(ids[i]);
          yield [
            ids[i] ?? '',
            nameCol ? (cellAt(table.values[nameCol.key], i) as string | null) : '',
            Number.isNaN(x) ? null : x,
            x > 0 && r.totalRevenue > 0 ? Math.round((x / r.totalRevenue) * 1e6) / 1e4 : 0,
            req.bandNames.weight[r.weightBand[i]] ?? '',
            Number.isNaN(r.potential[i]) ? null : Math.round(r.potential[i] * 10) / 10,
            req.bandNames.potential[r.potentialBand[i]] ?? '',
            req.model.segments[r.segment[i]]?.name ?? '',
            pin ? 'oui' : '',
            pin?.reason ?? ''
          ];
        }
      }
      if (req.format === 'xlsx') {
        const bytes = await toXlsx('Segmentation', header, lines());
        return Comlink.transfer(bytes, [bytes]);
      }
      return toCsv(header, lines(), req.format);
    },

    /** Any small table as an XLSX workbook (SheetJS lives in the worker only). */
    async tableToXlsx(req: {
      sheet: string;
      header: string[];
      rows: CsvCell[][];
    }): Promise<ArrayBuffer> {
      const bytes = await toXlsx(req.sheet, req.header, req.rows);
      return Comlink.transfer(bytes, [bytes]);
    },

    /** Accounts missing a value for a weighted criterion: what the reps should complete. */
    async exportIncomplete(req: {
      model: SegmentationModel;
      dialect: CsvDialect;
    }): Promise<{ text: string; count: number }> {
      if (!resident) return { text: '', count: 0 };
      const table = resident.table;
      const cache = segCache(table);
      const criteria = req.model.potential.criteria.filter((c) => c.weight > 0);
      const graded = criteria.map((c) => gradedOf(table, c));
      const nameCol = table.columns.find((c) => c.role === 'name');
      const repCol = table.columns.find((c) => c.role === 'rep');
      const ids = cache.ids ?? [];
      const rows: CsvCell[][] = [];
      for (let i = 0; i < table.rowCount; i++) {
        const missing = criteria
          .filter((_, k) => graded[k] && Number.isNaN(graded[k]!.grades[i]))
          .map((c) => c.column);
        if (missing.length === 0) continue;
        rows.push([
          ids[i] ?? '',
          nameCol ? (cellAt(table.values[nameCol.key], i) as string | null) : '',
          repCol ? (cellAt(table.values[repCol.key], i) as string | null) : '',
          missing.join(', ')
        ]);
      }
      return {
        text: toCsv(
          ['Identifiant', 'Raison sociale', 'Commercial', 'Critères à compléter'],
          rows,
          req.dialect
        ),
        count: rows.length
      };
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
