/**
 * The import session, in the worker: file bytes → decoded text → rows → plan → typed table and
 * report, cached so that changing one option re-does only what depends on it. `commit` stores
 * the prepared table as a new dataset (all-or-nothing, under a Web Lock so two tabs cannot import
 * at once) and remembers the mapping for files with the same headers.
 */
import { diffDatasets, type DatasetDiff } from '../domain/diff';
import type { AccountTable } from '../domain/table';
import { parseDelimited, type ParseIssue } from '../import/csv';
import { decodeBytes, type EncodingName } from '../import/decode';
import { detectDelimiter, type Delimiter } from '../import/delimiter';
import { headerSignature } from '../import/mapping';
import {
  buildImport,
  planImport,
  type ColumnChoice,
  type ImportReport,
  type Plan,
  type SourceRows
} from '../import/pipeline';
import type { DateOrder, NumberStyle } from '../import/values';
import { checkZip, isZip, loadSheetJs, readSheet, type SheetCell } from '../import/xlsx';
import { getSetting, setSetting, writeDataset } from '../db/repo';
import type { PodiumDB } from '../db/schema';
import type { ProgressFn } from './protocol';

import { MAX_SHEET_BYTES, MAX_TEXT_BYTES } from '../import/limits';
export { MAX_SHEET_BYTES, MAX_TEXT_BYTES };

export interface ImportOptions {
  encoding?: EncodingName;
  delimiter?: Delimiter;
  sheet?: string;
  headerRow?: number;
  /** Header given as a physical line of the file (what the user sees); wins over headerRow. */
  headerLine?: number;
  numberStyle?: NumberStyle;
  dateOrder?: DateOrder;
  columns?: Array<ColumnChoice | null>;
}

export type ImportFailure = 'tooBig' | 'bomb' | 'unreadable' | 'empty';

export interface ImportAnalysis {
  ok: true;
  source: { fileName: string; size: number; kind: 'text' | 'sheet' };
  encoding: {
    name: EncodingName;
    bom: boolean;
    mojibake: boolean;
    replacementChars: number;
  } | null;
  delimiter: { value: Delimiter; sure: boolean } | null;
  sheets: { names: string[]; selected: string } | null;
  parseIssues: ParseIssue[];
  blankRows: number;
  plan: Plan;
  report: ImportReport;
  /** Against the dataset in place (re-import), null when there is none. */
  diff: DatasetDiff | null;
  /** True when the mapping came from an earlier import of a file with the same headers. */
  remembered: boolean;
  /** Milliseconds per stage, for the bench. */
  timings: Record<string, number>;
}

export type AnalyzeResult = ImportAnalysis | { ok: false; error: ImportFailure; detail: string };

export type CommitResult =
  | {
      ok: true;
      datasetId: string;
      rowCount: number;
      revenueTotal: number | null;
      ms: number;
      fileName: string;
      timings: Record<string, number>;
      /** The stored table, for the engine to keep resident; removed before crossing to the UI. */
      table?: AccountTable;
    }
  | { ok: false; error: 'busy' | 'quota' | 'nothing' | 'blocked'; detail: string };

interface Session {
  file: File;
  bytes: Uint8Array | null;
  text: { encoding: EncodingName; decoded: ReturnType<typeof decodeBytes> } | null;
  rows: {
    key: string;
    src: SourceRows;
    delimiter: { value: Delimiter; sure: boolean } | null;
    sheets: ImportAnalysis['sheets'];
    issues: ParseIssue[];
    blankRows: number;
  } | null;
  table: AccountTable | null;
  analysis: ImportAnalysis | null;
}

const mappingKey = (signature: string) => `mapping:${signature}`;

function sheetRowsToText(rows: SheetCell[][], style: NumberStyle): string[][] {
  const decimal = style === 'en' ? '.' : ',';
  return rows.map((r) =>
    r.map((c) =>
      typeof c === 'number' ? (decimal === ',' ? String(c).replace('.', ',') : String(c)) : c
    )
  );
}

export function createImportSession(database: () => PodiumDB) {
  let session: Session | null = null;

  async function loadRows(
    opts: ImportOptions,
    report: ProgressFn
  ): Promise<Session['rows'] | ImportFailure | { error: ImportFailure; detail: string }> {
    const s = session!;
    if (!s.bytes) {
      report({ stage: 'read', done: 0, total: s.file.size });
      s.bytes = new Uint8Array(await s.file.arrayBuffer());
      report({ stage: 'read', done: s.file.size, total: s.file.size });
    }
    const bytes = s.bytes;
    if (isZip(bytes)) {
      if (bytes.length > MAX_SHEET_BYTES)
        return { error: 'tooBig', detail: String(MAX_SHEET_BYTES) };
      const zip = checkZip(bytes);
      if (!zip.ok) return { error: zip.reason === 'bomb' ? 'bomb' : 'unreadable', detail: '' };
      const key = `sheet|${opts.sheet ?? ''}|${opts.numberStyle ?? ''}`;
      if (s.rows?.key === key) return s.rows;
      let read;
      try {
        await loadSheetJs();
        read = readSheet(bytes, opts.sheet);
      } catch (e) {
        return { error: 'unreadable', detail: (e as Error).message };
      }
      const nonBlank: string[][] = [];
      const lines: number[] = [];
      let blank = 0;
      // Numbers of the sheet are written in the style of its text cells (French by default).
      const texts = read.rows
        .flatMap((r) => r.filter((c): c is string => typeof c === 'string'))
        .slice(0, 20_000);
      const style =
        opts.numberStyle ?? (texts.some((t) => /^\d{1,3}(,\d{3})+\.\d+$/.test(t)) ? 'en' : 'fr');
      sheetRowsToText(read.rows, style).forEach((r, i) => {
        let w = r.length;
        while (w > 0 && r[w - 1].trim() === '') w--;
        if (w === 0) {
          blank++;
          return;
        }
        nonBlank.push(r.slice(0, w));
        lines.push(i + 1);
      });
      s.rows = {
        key,
        src: { rows: nonBlank, lineNumbers: lines },
        delimiter: null,
        sheets: { names: read.sheetNames, selected: read.sheet },
        issues: [],
        blankRows: blank
      };
      s.text = null;
      return s.rows;
    }
    if (bytes.length > MAX_TEXT_BYTES) return { error: 'tooBig', detail: String(MAX_TEXT_BYTES) };
    if (!s.text || (opts.encoding && s.text.encoding !== opts.encoding)) {
      report({ stage: 'parse', done: 0, total: bytes.length });
      const decoded = decodeBytes(bytes, opts.encoding);
      s.text = { encoding: decoded.encoding, decoded };
      s.rows = null;
    }
    const text = s.text.decoded.text;
    if (text.trim() === '') return { error: 'empty', detail: '' };
    const guess = detectDelimiter(text);
    const delimiter = opts.delimiter ?? guess.delimiter;
    const key = `text|${s.text.encoding}|${delimiter}`;
    if (s.rows?.key === key) return s.rows;
    report({ stage: 'parse', done: 0, total: text.length });
    const parsed = parseDelimited(text, delimiter, (done, total) =>
      report({ stage: 'parse', done, total })
    );
    s.rows = {
      key,
      src: { rows: parsed.rows, lineNumbers: parsed.lineNumbers },
      delimiter: { value: delimiter, sure: opts.delimiter ? true : guess.sure },
      sheets: null,
      issues: parsed.errors.slice(0, 50),
      blankRows: parsed.blankRows
    };
    return s.rows;
  }

  return {
    /** Reads (or re-reads with new options) a file and prepares its import; stores nothing. */
    async analyze(
      req: { file?: File; options: ImportOptions; current: AccountTable | null },
      onProgress?: ProgressFn
    ): Promise<AnalyzeResult> {
      const report: ProgressFn = onProgress ?? (() => undefined);
      const timings: Record<string, number> = {};
      let t = performance.now();
      const lap = (name: string) => {
        const now = performance.now();
        timings[name] = Math.round(now - t);
        t = now;
      };
      if (req.file)
        session = {
          file: req.file,
          bytes: null,
          text: null,
          rows: null,
          table: null,
          analysis: null
        };
      if (!session) return { ok: false, error: 'empty', detail: 'no file' };
      const s = session;
      if (s.file.size === 0) return { ok: false, error: 'empty', detail: '' };
      if (s.file.size > MAX_TEXT_BYTES)
        return { ok: false, error: 'tooBig', detail: String(MAX_TEXT_BYTES) };
      const rows = await loadRows(req.options, report);
      lap('read+parse');
      if (!rows || typeof rows === 'string' || 'error' in rows) {
        const f = rows as { error: ImportFailure; detail: string };
        return { ok: false, error: f.error, detail: f.detail };
      }
      if (rows.src.rows.length === 0) return { ok: false, error: 'empty', detail: '' };

      // A mapping confirmed earlier for the same headers is reused, unless the user changed it.
      let options = req.options;
      if (options.headerLine !== undefined) {
        const idx = rows.src.lineNumbers.findIndex((l) => l >= (options.headerLine ?? 1));
        options = { ...options, headerRow: idx < 0 ? rows.src.rows.length - 1 : idx };
      }
      let remembered = false;
      const firstPlan = planImport(rows.src, {
        headerRow: options.headerRow,
        numberStyle: options.numberStyle,
        dateOrder: options.dateOrder
      });
      const signature = headerSignature(firstPlan.columns.map((c) => c.name));
      if (!options.columns) {
        const saved = await getSetting<Array<{
          name: string;
          role: ColumnChoice['role'];
          type: ColumnChoice['type'];
        }> | null>(database(), mappingKey(signature), null);
        if (saved) {
          const byName = new Map(saved.map((c) => [c.name, c]));
          options = {
            ...options,
            columns: firstPlan.columns.map((c) => {
              const m = byName.get(c.name);
              return m ? { role: m.role, type: m.type } : null;
            })
          };
          remembered = true;
        }
      }
      const plan = options.columns ? planImport(rows.src, options) : firstPlan;
      lap('plan');
      report({ stage: 'analyse', done: 0, total: plan.dataRows });
      const built = buildImport(rows.src, plan, (done, total) =>
        report({ stage: 'analyse', done, total })
      );
      lap('type');
      const diff = req.current ? diffDatasets(req.current, built.table) : null;
      lap('diff');
      s.table = built.table;
      s.analysis = {
        ok: true,
        source: { fileName: s.file.name, size: s.file.size, kind: rows.sheets ? 'sheet' : 'text' },
        encoding: s.text
          ? {
              name: s.text.encoding,
              bom: s.text.decoded.bom,
              mojibake: s.text.decoded.mojibake,
              replacementChars: s.text.decoded.replacementChars
            }
          : null,
        delimiter: rows.delimiter,
        sheets: rows.sheets,
        parseIssues: rows.issues,
        blankRows: rows.blankRows,
        plan,
        report: built.report,
        diff: diff && diff.matched ? diff : null,
        remembered,
        timings
      };
      return s.analysis;
    },

    /** Stores the prepared table as the workspace's new active dataset. */
    async commit(req: { workspaceId: string }, onProgress?: ProgressFn): Promise<CommitResult> {
      const s = session;
      if (!s?.table || !s.analysis) return { ok: false, error: 'nothing', detail: '' };
      if (s.analysis.report.blocking.length > 0)
        return { ok: false, error: 'blocked', detail: s.analysis.report.blocking.join(',') };
      const table = s.table;
      const analysis = s.analysis;
      const run = async (): Promise<CommitResult> => {
        const t0 = performance.now();
        try {
          onProgress?.({ stage: 'store', done: 0, total: table.rowCount });
          const rec = await writeDataset(
            database(),
            req.workspaceId,
            table,
            { kind: 'file', fileName: analysis.source.fileName },
            {
              activate: true,
              onChunk: (done) => onProgress?.({ stage: 'store', done, total: table.rowCount })
            }
          );
          await setSetting(
            database(),
            mappingKey(headerSignature(analysis.plan.columns.map((c) => c.name))),
            analysis.plan.columns.map((c) => ({ name: c.name, role: c.role, type: c.type }))
          );
          session = null;
          return {
            ok: true,
            datasetId: rec.id,
            rowCount: table.rowCount,
            revenueTotal: analysis.report.revenueTotal,
            ms: Math.round(performance.now() - t0),
            fileName: analysis.source.fileName,
            timings: { store: Math.round(performance.now() - t0) },
            table
          };
        } catch (e) {
          const name = (e as Error).name;
          if (
            name === 'QuotaExceededError' ||
            (e as { inner?: Error }).inner?.name === 'QuotaExceededError'
          ) {
            return { ok: false, error: 'quota', detail: '' };
          }
          throw e;
        }
      };
      const locks = (globalThis.navigator as Navigator | undefined)?.locks;
      if (!locks) return run();
      const result = await locks.request('podium-import', { ifAvailable: true }, async (lock) =>
        lock ? run() : ({ ok: false, error: 'busy', detail: '' } as CommitResult)
      );
      return result;
    },

    /** Forgets the file being imported. */
    discard(): void {
      session = null;
    }
  };
}
