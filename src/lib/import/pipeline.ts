/**
 * The import pipeline, pure: rows of raw text → an analysis (header, column roles and types, a
 * preview as parsed) → typed columns plus a validation report that counts every row (accepted,
 * with warnings, rejected with line and reason). Nothing is dropped silently: a rejected row is
 * listed, an unparsable cell is counted with its line and stored empty.
 */
import type { ColumnMeta, ColumnRole, ColumnType, ColumnValues } from '../domain/columns';
import { BOOL_EMPTY } from '../domain/columns';
import type { AccountTable, Cell } from '../domain/table';
import { parseAccountType } from './account-type';
import { detectHeaderRow, isTotalRow, uniqueHeaders } from './header';
import { inferColumnType } from './infer';
import { guessMapping } from './mapping';
import {
  checkIdentifier,
  detectDateOrder,
  detectNumberStyleDetailed,
  isEmptyCell,
  parseBoolean,
  epochDayFromYmd,
  parseDate,
  parseNumber,
  type DateOrder,
  type NumberStyle
} from './values';

/** Rows of a file as read: every non-blank record, with the physical line where it starts. */
export interface SourceRows {
  rows: string[][];
  lineNumbers: number[];
}

export interface ColumnChoice {
  role: ColumnRole | null;
  type: ColumnType;
}

/** What the user may override; anything absent is detected. */
export interface PlanOptions {
  headerRow?: number;
  numberStyle?: NumberStyle;
  dateOrder?: DateOrder;
  /** Per column index; `null` entries are detected. */
  columns?: Array<ColumnChoice | null>;
}

export interface ColumnPlan {
  index: number;
  /** Unique, cleaned header shown to the user. */
  name: string;
  role: ColumnRole | null;
  type: ColumnType;
  /** What the data suggested, and the share of values that fit it. */
  inferred: ColumnType;
  parsedShare: number;
}

export interface PreviewCell {
  raw: string;
  value: Cell;
  /** False when the raw text did not fit the column's type (it will be stored empty). */
  ok: boolean;
}

export interface PreviewRow {
  line: number;
  cells: PreviewCell[];
  total: boolean;
}

export interface Plan {
  headerRow: number;
  headerLine: number;
  columns: ColumnPlan[];
  renamed: Array<{ index: number; from: string; to: string }>;
  numberStyle: NumberStyle;
  numberAmbiguous: boolean;
  dateOrder: DateOrder;
  dateAmbiguous: boolean;
  dataRows: number;
  preview: PreviewRow[];
}

/** Roles whose values must be numbers, dates or identifiers whatever the data looks like. */
const NUMBER_ROLES: ReadonlySet<ColumnRole> = new Set([
  'revenue',
  'revenuePrev',
  'companyRevenue',
  'headcount'
]);
const ID_ROLES: ReadonlySet<ColumnRole> = new Set(['id', 'postcode', 'naf', 'department']);

/** The type a role imposes, if any. */
export function typeForRole(role: ColumnRole | null, fallback: ColumnType): ColumnType {
  if (!role) return fallback;
  if (NUMBER_ROLES.has(role)) return 'number';
  if (role === 'createdAt') return 'date';
  if (ID_ROLES.has(role)) return 'id';
  if (role === 'name') return 'text';
  if (role === 'accountType' || role === 'rep' || role === 'sector' || role === 'region')
    return 'category';
  return fallback;
}

const SAMPLE_ROWS = 2000;
const PREVIEW_ROWS = 20;

/** Reads the file's structure and proposes a mapping; `options` override any detected part. */
export function planImport(src: SourceRows, options: PlanOptions = {}): Plan {
  const headerRow = Math.min(
    Math.max(0, options.headerRow ?? detectHeaderRow(src.rows.slice(0, 60))),
    Math.max(0, src.rows.length - 1)
  );
  const width = src.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const rawHeader = Array.from({ length: width }, (_, i) => src.rows[headerRow]?.[i] ?? '');
  const { names, renamed } = uniqueHeaders(rawHeader);
  const sample = src.rows.slice(headerRow + 1, headerRow + 1 + SAMPLE_ROWS);
  const column = (i: number) => sample.map((r) => r[i] ?? '');

  const allCells = sample.flatMap((r) => r);
  const styleGuess = detectNumberStyleDetailed(allCells);
  const numberStyle = options.numberStyle ?? styleGuess.style;
  const guessedRoles = guessMapping(names);
  const dateGuess = detectDateOrder(
    allCells.filter((v) => /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/.test(v))
  );
  const dateOrder = options.dateOrder ?? dateGuess.order;

  const columns: ColumnPlan[] = names.map((name, index) => {
    const chosen = options.columns?.[index] ?? null;
    const role = chosen ? chosen.role : guessedRoles[index];
    const inferred = inferColumnType(column(index), { style: numberStyle, dateOrder, role });
    const type = chosen ? typeForRole(chosen.role, chosen.type) : typeForRole(role, inferred.type);
    return { index, name, role, type, inferred: inferred.type, parsedShare: inferred.parsedShare };
  });

  const preview: PreviewRow[] = [];
  for (let r = headerRow + 1; r < src.rows.length && preview.length < PREVIEW_ROWS; r++) {
    const row = src.rows[r];
    preview.push({
      line: src.lineNumbers[r],
      total: isTotalRow(row),
      cells: columns.map((c) => {
        const raw = row[c.index] ?? '';
        const parsed = parseCell(raw, c, numberStyle, dateOrder);
        return { raw, value: parsed.value, ok: parsed.ok };
      })
    });
  }
  return {
    headerRow,
    headerLine: src.lineNumbers[headerRow] ?? 1,
    columns,
    renamed,
    numberStyle,
    numberAmbiguous: options.numberStyle ? false : styleGuess.ambiguous,
    dateOrder,
    dateAmbiguous: options.dateOrder ? false : dateGuess.ambiguous,
    dataRows: Math.max(0, src.rows.length - headerRow - 1),
    preview
  };
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Fast path for plain numbers (`1234`, `-12,5`, `0.75`), computed from the digits: with at most
 * 15 digits, `(integer digits) / 10^decimals` is one correctly rounded division, so the result is
 * exactly what Number() gives. Anything else (groups, currency, %) goes to parseNumber.
 */
function quickNumber(raw: string, style: NumberStyle): number | null {
  const n = raw.length;
  if (n === 0 || n > 16) return null;
  let i = 0;
  let negative = false;
  if (raw.charCodeAt(0) === 45) {
    if (n === 1) return null;
    negative = true;
    i = 1;
  }
  const decimalMark = style === 'en' ? 46 : 44;
  let digits = 0;
  let value = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
      continue;
    }
    // One decimal mark, not first nor last. `1.234` in fr/de or `1,234` in en is a thousands
    // group: leave it to the full parser.
    if (c === decimalMark && decimals < 0 && digits > 0 && i < n - 1) {
      decimals = 0;
      continue;
    }
    return null;
  }
  if (digits === 0 || digits > 15) return null;
  const v = decimals > 0 ? value / POW10[decimals] : value;
  return negative ? -v : v;
}

/** `dd/mm/yyyy` (or `-`, `.`) parsed by hand; anything else goes to parseDate. */
function quickDate(s: string, order: DateOrder): number | null {
  if (s.length !== 10 || order === 'ymd') return null;
  const sep = s.charCodeAt(2);
  if ((sep !== 47 && sep !== 45 && sep !== 46) || s.charCodeAt(5) !== sep) return null;
  const d2 = (i: number) => {
    const a = s.charCodeAt(i) - 48;
    const b = s.charCodeAt(i + 1) - 48;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  };
  const a = d2(0);
  const b = d2(3);
  const y1 = d2(6);
  const y2 = d2(8);
  if (a < 0 || b < 0 || y1 < 0 || y2 < 0) return null;
  const year = y1 * 100 + y2;
  return order === 'dmy' ? epochDayFromYmd(year, b, a) : epochDayFromYmd(year, a, b);
}

const SCIENTIFIC_HINT = /[eE]/;

/** Parses one raw cell for a column; `ok` is false when a non-empty value does not fit. */
export function parseCell(
  raw: string,
  col: { type: ColumnType; role: ColumnRole | null },
  style: NumberStyle,
  order: DateOrder
): { value: Cell; ok: boolean; damaged?: boolean } {
  if (col.type === 'id') {
    if (!SCIENTIFIC_HINT.test(raw)) {
      const value = raw.trim();
      return { value: value === '' ? null : value, ok: true };
    }
    const { value, damaged } = checkIdentifier(raw);
    return { value: value === '' ? null : value, ok: true, damaged };
  }
  if (isEmptyCell(raw)) return { value: null, ok: true };
  const c0 = raw.charCodeAt(0);
  const cN = raw.charCodeAt(raw.length - 1);
  const text = c0 <= 32 || cN <= 32 || c0 === 160 || cN === 160 ? raw.trim() : raw;
  switch (col.type) {
    case 'number': {
      const v = quickNumber(text, style) ?? parseNumber(text, style);
      return v === null ? { value: null, ok: false } : { value: v, ok: true };
    }
    case 'date': {
      const v = quickDate(text, order) ?? parseDate(text, order);
      return v === null ? { value: null, ok: false } : { value: v, ok: true };
    }
    case 'boolean': {
      const v = parseBoolean(text);
      return v === null ? { value: null, ok: false } : { value: v, ok: true };
    }
    default: {
      if (col.role === 'accountType') {
        const t = parseAccountType(text);
        return t === null
          ? { value: null, ok: false }
          : { value: t === 'client' ? 'Client' : 'Prospect', ok: true };
      }
      return { value: text, ok: true };
    }
  }
}

/**
 * Numeric key of an all-digit id of 1–14 digits: length × 10¹⁴ + value (exact in a double);
 * -1 for anything else.
 */
function digitKey(id: string): number {
  const n = id.length;
  if (n === 0 || n > 14) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return n * 1e14 + v;
}

export type RejectReason = 'total' | 'noIdentity';
export type BlockingProblem = 'noIdentityColumn' | 'noRows';
export type ImportWarning = 'numberAmbiguous' | 'dateAmbiguous' | 'noRevenue' | 'extraCells';

export interface ColumnReport {
  index: number;
  name: string;
  role: ColumnRole | null;
  type: ColumnType;
  empty: number;
  invalid: number;
  invalidExamples: Array<{ line: number; value: string }>;
}

export interface ImportReport {
  /** Data rows read below the header (blank rows excluded). */
  rowsRead: number;
  accepted: number;
  withWarnings: number;
  rejected: number;
  /** Every rejected row (line and reason); the list is capped, the count never is. */
  rejectedRows: Array<{ line: number; reason: RejectReason }>;
  columns: ColumnReport[];
  duplicateIds: { count: number; examples: Array<{ id: string; lines: number[] }> };
  damagedIds: { count: number; examples: Array<{ line: number; value: string }> };
  extraCells: { count: number; examples: number[] };
  /** Σ revenue of the stored rows (€), null when no revenue column is mapped. */
  revenueTotal: number | null;
  blocking: BlockingProblem[];
  warnings: ImportWarning[];
}

const EXAMPLES = 5;
const LIST_CAP = 1000;

type Builder =
  | { kind: 'f64'; values: Float64Array }
  | { kind: 'u8'; values: Uint8Array }
  | { kind: 'str'; values: string[] }
  | { kind: 'dict'; codes: Uint32Array; dict: string[]; index: Map<string, number> };

function builderFor(type: ColumnType, rows: number): Builder {
  switch (type) {
    case 'number':
    case 'date':
      return { kind: 'f64', values: new Float64Array(rows).fill(NaN) };
    case 'boolean':
      return { kind: 'u8', values: new Uint8Array(rows).fill(BOOL_EMPTY) };
    case 'category':
      return { kind: 'dict', codes: new Uint32Array(rows), dict: [''], index: new Map([['', 0]]) };
    default:
      return { kind: 'str', values: new Array<string>(rows).fill('') };
  }
}

function put(b: Builder, row: number, value: Cell): void {
  if (value === null) return;
  switch (b.kind) {
    case 'f64':
      b.values[row] = value as number;
      return;
    case 'u8':
      b.values[row] = value ? 1 : 0;
      return;
    case 'str':
      b.values[row] = String(value);
      return;
    case 'dict': {
      const s = String(value);
      let code = b.index.get(s);
      if (code === undefined) {
        code = b.dict.length;
        b.dict.push(s);
        b.index.set(s, code);
      }
      b.codes[row] = code;
    }
  }
}

function finish(b: Builder, rows: number): ColumnValues {
  switch (b.kind) {
    case 'f64':
      return { kind: 'f64', values: rows === b.values.length ? b.values : b.values.slice(0, rows) };
    case 'u8':
      return { kind: 'u8', values: rows === b.values.length ? b.values : b.values.slice(0, rows) };
    case 'str':
      return { kind: 'str', values: rows === b.values.length ? b.values : b.values.slice(0, rows) };
    case 'dict':
      return {
        kind: 'dict',
        codes: rows === b.codes.length ? b.codes : b.codes.slice(0, rows),
        dict: b.dict
      };
  }
}

const OK = 0;
const EMPTY = 1;
const INVALID = 2;
const DAMAGED = 3;

function trimmed(raw: string): string {
  const c0 = raw.charCodeAt(0);
  const cN = raw.charCodeAt(raw.length - 1);
  return c0 <= 32 || cN <= 32 || c0 === 160 || cN === 160 ? raw.trim() : raw;
}

/**
 * A specialised cell writer per column (no object per cell): parses `raw` into row `row` of the
 * builder and says OK, EMPTY, INVALID (stored empty) or DAMAGED (an Excel-mangled id, kept).
 */
function makeWriter(
  col: ColumnPlan,
  b: Builder,
  style: NumberStyle,
  order: DateOrder
): (raw: string, row: number) => number {
  if (b.kind === 'f64' && col.type === 'number') {
    const out = b.values;
    return (raw, row) => {
      if (isEmptyCell(raw)) return EMPTY;
      const text = trimmed(raw);
      const v = quickNumber(text, style) ?? parseNumber(text, style);
      if (v === null) return INVALID;
      out[row] = v;
      return OK;
    };
  }
  if (b.kind === 'f64') {
    const out = b.values;
    return (raw, row) => {
      if (isEmptyCell(raw)) return EMPTY;
      const text = trimmed(raw);
      const v = quickDate(text, order) ?? parseDate(text, order);
      if (v === null) return INVALID;
      out[row] = v;
      return OK;
    };
  }
  if (b.kind === 'str' && col.type === 'id') {
    const out = b.values;
    return (raw, row) => {
      if (SCIENTIFIC_HINT.test(raw) && checkIdentifier(raw).damaged) {
        out[row] = raw.trim();
        return DAMAGED;
      }
      const v = trimmed(raw);
      if (v === '') return EMPTY;
      out[row] = v;
      return OK;
    };
  }
  if (b.kind === 'str') {
    const out = b.values;
    return (raw, row) => {
      if (isEmptyCell(raw)) return EMPTY;
      out[row] = trimmed(raw);
      return OK;
    };
  }
  if (b.kind === 'dict' && col.role !== 'accountType') {
    const { codes, dict, index } = b;
    return (raw, row) => {
      if (isEmptyCell(raw)) return EMPTY;
      const v = trimmed(raw);
      let code = index.get(v);
      if (code === undefined) {
        code = dict.length;
        dict.push(v);
        index.set(v, code);
      }
      codes[row] = code;
      return OK;
    };
  }
  return (raw, row) => {
    const parsed = parseCell(raw, col, style, order);
    if (!parsed.ok) return INVALID;
    if (parsed.value === null) return EMPTY;
    put(b, row, parsed.value);
    return OK;
  };
}

/**
 * Types every data row according to the plan. Returns the table to store (rejected rows left
 * out) and the report. `onProgress(done)` is called every 50,000 rows.
 */
export function buildImport(
  src: SourceRows,
  plan: Plan,
  onProgress?: (done: number, total: number) => void
): { table: AccountTable; report: ImportReport } {
  const first = plan.headerRow + 1;
  const total = Math.max(0, src.rows.length - first);
  const cols = plan.columns;
  const builders = cols.map((c) => builderFor(c.type, total));
  const reports: ColumnReport[] = cols.map((c) => ({
    index: c.index,
    name: c.name,
    role: c.role,
    type: c.type,
    empty: 0,
    invalid: 0,
    invalidExamples: []
  }));
  const idCol = cols.find((c) => c.role === 'id');
  const nameCol = cols.find((c) => c.role === 'name');
  const revenueCol = cols.find((c) => c.role === 'revenue');
  const width = cols.length;
  const report: ImportReport = {
    rowsRead: total,
    accepted: 0,
    withWarnings: 0,
    rejected: 0,
    rejectedRows: [],
    columns: reports,
    duplicateIds: { count: 0, examples: [] },
    damagedIds: { count: 0, examples: [] },
    extraCells: { count: 0, examples: [] },
    revenueTotal: revenueCol ? 0 : null,
    blocking: [],
    warnings: []
  };
  if (!idCol && !nameCol) report.blocking.push('noIdentityColumn');
  if (total === 0) report.blocking.push('noRows');
  if (!revenueCol) report.warnings.push('noRevenue');
  if (plan.numberAmbiguous) report.warnings.push('numberAmbiguous');
  if (plan.dateAmbiguous) report.warnings.push('dateAmbiguous');

  const writers = cols.map((c, i) => makeWriter(c, builders[i], plan.numberStyle, plan.dateOrder));
  const revenueValues = (() => {
    const b = revenueCol ? builders[cols.indexOf(revenueCol)] : null;
    return b && b.kind === 'f64' ? b.values : null;
  })();
  // Duplicate ids: all-digit ids (SIREN, SIRET…) become numeric keys (length-tagged, so that
  // `012` ≠ `12`) checked by one typed-array sort after the loop — a Map of a million strings
  // costs far more. Other ids go through a Map as they come.
  const seenIds = new Map<string, number>();
  const dupLines = new Map<string, number[]>();
  const idKeys = idCol ? new Float64Array(total).fill(NaN) : null;
  const outLines = new Int32Array(total);
  const warned = new Uint8Array(total);
  let out = 0;
  const reject = (line: number, reason: RejectReason) => {
    report.rejected++;
    if (report.rejectedRows.length < LIST_CAP) report.rejectedRows.push({ line, reason });
  };

  for (let r = first; r < src.rows.length; r++) {
    const row = src.rows[r];
    const line = src.lineNumbers[r];
    if ((r - first) % 50_000 === 0 && r > first) onProgress?.(r - first, total);
    if (isTotalRow(row)) {
      reject(line, 'total');
      continue;
    }
    if (idCol || nameCol) {
      const idRaw = idCol ? (row[idCol.index] ?? '') : '';
      const nameRaw = nameCol ? (row[nameCol.index] ?? '') : '';
      if (isEmptyCell(idRaw.trim()) && isEmptyCell(nameRaw.trim())) {
        reject(line, 'noIdentity');
        continue;
      }
    }
    let warn = false;
    for (let c = 0; c < width; c++) {
      const raw = row[cols[c].index] ?? '';
      const status = writers[c](raw, out);
      if (status === OK) continue;
      const rep = reports[c];
      if (status === EMPTY) rep.empty++;
      else if (status === INVALID) {
        warn = true;
        rep.invalid++;
        if (rep.invalidExamples.length < EXAMPLES) rep.invalidExamples.push({ line, value: raw });
      } else {
        warn = true;
        report.damagedIds.count++;
        if (report.damagedIds.examples.length < EXAMPLES)
          report.damagedIds.examples.push({ line, value: raw.trim() });
      }
    }
    if (row.length > width && row.slice(width).some((v) => v.trim() !== '')) {
      warn = true;
      report.extraCells.count++;
      if (report.extraCells.examples.length < EXAMPLES) report.extraCells.examples.push(line);
    }
    if (idCol && idKeys) {
      const id = trimmed(row[idCol.index] ?? '');
      const key = digitKey(id);
      if (key >= 0) idKeys[out] = key;
      else if (id !== '') {
        const firstLine = seenIds.get(id);
        if (firstLine === undefined) seenIds.set(id, line);
        else {
          warn = true;
          report.duplicateIds.count++;
          const lines = dupLines.get(id) ?? [firstLine];
          lines.push(line);
          dupLines.set(id, lines);
        }
      }
    }
    if (revenueValues && report.revenueTotal !== null && !Number.isNaN(revenueValues[out])) {
      report.revenueTotal += revenueValues[out];
    }
    if (warn) report.withWarnings++;
    else report.accepted++;
    outLines[out] = line;
    warned[out] = warn ? 1 : 0;
    out++;
  }
  if (idKeys) {
    const sorted = idKeys.slice(0, out).sort(); // NaN last
    const dupKeys = new Set<number>();
    for (let i = 1; i < sorted.length && !Number.isNaN(sorted[i]); i++) {
      if (sorted[i] === sorted[i - 1]) dupKeys.add(sorted[i]);
    }
    if (dupKeys.size > 0) {
      const firstSeen = new Map<number, number>();
      for (let r = 0; r < out; r++) {
        const key = idKeys[r];
        if (!dupKeys.has(key)) continue;
        const id = String(key % 1e14).padStart(Math.floor(key / 1e14), '0');
        if (!firstSeen.has(key)) {
          firstSeen.set(key, outLines[r]);
          dupLines.set(id, [outLines[r]]);
          continue;
        }
        report.duplicateIds.count++;
        dupLines.get(id)?.push(outLines[r]);
        if (!warned[r]) {
          warned[r] = 1;
          report.accepted--;
          report.withWarnings++;
        }
      }
    }
  }
  onProgress?.(total, total);
  for (const [id, lines] of dupLines) {
    if (report.duplicateIds.examples.length >= EXAMPLES) break;
    report.duplicateIds.examples.push({ id, lines });
  }
  if (report.extraCells.count > 0) report.warnings.push('extraCells');
  if (out === 0 && total > 0 && !report.blocking.includes('noRows')) report.blocking.push('noRows');

  const columns: ColumnMeta[] = cols.map((c, i) => ({
    key: `c${i}`,
    name: c.name,
    type: c.type,
    role: c.role
  }));
  const values: Record<string, ColumnValues> = {};
  columns.forEach((c, i) => (values[c.key] = finish(builders[i], out)));
  return { table: { rowCount: out, columns, values }, report };
}
