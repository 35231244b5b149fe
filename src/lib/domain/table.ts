/**
 * The resident account table: typed columns, one entry per account, no row objects.
 * Pure helpers to read cells, count empties and concatenate chunks.
 */
import type { ColumnMeta, ColumnRole, ColumnValues } from './columns';
import { BOOL_EMPTY } from './columns';

export interface AccountTable {
  rowCount: number;
  columns: ColumnMeta[];
  values: Record<string, ColumnValues>;
}

export type Cell = string | number | boolean | null;

/** The column mapped to `role`, if any. */
export function columnFor(table: AccountTable, role: ColumnRole): ColumnMeta | undefined {
  return table.columns.find((c) => c.role === role);
}

/** One cell as plain data: numbers/dates as numbers (dates in epoch days), empty as null. */
export function cellAt(values: ColumnValues, row: number): Cell {
  switch (values.kind) {
    case 'f64': {
      const v = values.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'u8': {
      const v = values.values[row];
      return v === BOOL_EMPTY ? null : v === 1;
    }
    case 'str': {
      const v = values.values[row];
      return v === '' || v === undefined ? null : v;
    }
    case 'dict': {
      const v = values.dict[values.codes[row]];
      return v === '' || v === undefined ? null : v;
    }
  }
}

/** Whether a cell is empty (NaN, empty string, unknown boolean). */
export function isEmptyAt(values: ColumnValues, row: number): boolean {
  return cellAt(values, row) === null;
}

/** Number of non-empty cells of a column. */
export function filledCount(values: ColumnValues, rowCount: number): number {
  let n = 0;
  switch (values.kind) {
    case 'f64':
      for (let i = 0; i < rowCount; i++) if (!Number.isNaN(values.values[i])) n++;
      return n;
    case 'u8':
      for (let i = 0; i < rowCount; i++) if (values.values[i] !== BOOL_EMPTY) n++;
      return n;
    case 'dict': {
      const empty = Uint8Array.from(values.dict, (d) => (d === '' ? 1 : 0));
      for (let i = 0; i < rowCount; i++) if (empty[values.codes[i]] === 0) n++;
      return n;
    }
    case 'str':
      for (let i = 0; i < rowCount; i++)
        if (values.values[i] !== '' && values.values[i] !== undefined) n++;
      return n;
  }
}

/** Concatenates column runs of the same kind (chunks → one resident column). */
export function concatColumn(parts: ColumnValues[]): ColumnValues {
  if (parts.length === 0) return { kind: 'str', values: [] };
  const first = parts[0];
  switch (first.kind) {
    case 'f64': {
      const total = parts.reduce((s, p) => s + (p as { values: Float64Array }).values.length, 0);
      const out = new Float64Array(total);
      let at = 0;
      for (const p of parts as Array<{ values: Float64Array }>) {
        out.set(p.values, at);
        at += p.values.length;
      }
      return { kind: 'f64', values: out };
    }
    case 'u8': {
      const total = parts.reduce((s, p) => s + (p as { values: Uint8Array }).values.length, 0);
      const out = new Uint8Array(total);
      let at = 0;
      for (const p of parts as Array<{ values: Uint8Array }>) {
        out.set(p.values, at);
        at += p.values.length;
      }
      return { kind: 'u8', values: out };
    }
    case 'str':
      return {
        kind: 'str',
        values: (parts as Array<{ values: string[] }>).flatMap((p) => p.values)
      };
    case 'dict': {
      const total = parts.reduce((s, p) => s + (p as { codes: Uint32Array }).codes.length, 0);
      const codes = new Uint32Array(total);
      let at = 0;
      for (const p of parts as Array<{ codes: Uint32Array }>) {
        codes.set(p.codes, at);
        at += p.codes.length;
      }
      return { kind: 'dict', codes, dict: first.dict };
    }
  }
}

/** Rows [start, end) of a column, as a new column of the same kind. */
export function sliceColumn(values: ColumnValues, start: number, end: number): ColumnValues {
  switch (values.kind) {
    case 'f64':
      return { kind: 'f64', values: values.values.slice(start, end) };
    case 'u8':
      return { kind: 'u8', values: values.values.slice(start, end) };
    case 'str':
      return { kind: 'str', values: values.values.slice(start, end) };
    case 'dict':
      return { kind: 'dict', codes: values.codes.slice(start, end), dict: values.dict };
  }
}

/**
 * Approximate memory of a resident table in bytes: typed arrays exactly, strings as 2 bytes a
 * character plus 16 bytes of header each (V8's one-byte strings are smaller: an upper bound).
 */
export function residentBytes(table: AccountTable): number {
  let bytes = 0;
  for (const c of table.columns) {
    const v = table.values[c.key];
    if (v.kind === 'f64' || v.kind === 'u8') bytes += v.values.byteLength;
    else if (v.kind === 'dict')
      bytes += v.codes.byteLength + v.dict.reduce((s, x) => s + 16 + 2 * x.length, 0);
    else for (const x of v.values) bytes += 16 + 2 * x.length;
  }
  return bytes;
}

function isProspectLabel(v: Cell): boolean {
  return typeof v === 'string' && /^(prospect|pr|lead|suspect)/i.test(v.trim());
}

/**
 * 1 for each prospect, 0 for each client. The one rule of the app: the client/prospect column
 * says so (`Prospect`, `lead`, `suspect`…); without such a column, an account with no positive
 * revenue is a prospect.
 */
export function prospectMask(table: AccountTable): Uint8Array {
  const n = table.rowCount;
  const out = new Uint8Array(n);
  const typeCol = table.columns.find((c) => c.role === 'accountType');
  const v = typeCol ? table.values[typeCol.key] : null;
  if (v?.kind === 'dict') {
    const byCode = Uint8Array.from(v.dict, (d) => (isProspectLabel(d) ? 1 : 0));
    for (let i = 0; i < n; i++) out[i] = byCode[v.codes[i]];
  } else if (v) {
    for (let i = 0; i < n; i++) out[i] = isProspectLabel(cellAt(v, i)) ? 1 : 0;
  } else {
    const rev = table.columns.find((c) => c.role === 'revenue');
    const r = rev ? table.values[rev.key] : null;
    for (let i = 0; i < n; i++) out[i] = r?.kind === 'f64' && r.values[i] > 0 ? 0 : 1;
  }
  return out;
}
