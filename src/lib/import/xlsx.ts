/**
 * XLSX / ODS reading with SheetJS CE (@e965/xlsx), in the worker only. Before anything is
 * decompressed, the zip's central directory is read and a zip bomb (huge declared sizes, absurd
 * compression ratio, ZIP64 tricks) is refused. Cells come out as text or numbers: dates as ISO
 * `yyyy-mm-dd` (1900 and 1904 systems), zero-padded identifiers as their displayed text.
 */
import type * as XLSXTypes from '@e965/xlsx';
import { epochDayToIso, excelSerialToEpochDay } from './values';

export interface ZipLimits {
  /** Refuse when the declared uncompressed total exceeds this (bytes). */
  maxUncompressed: number;
  /** Refuse when uncompressed / compressed exceeds this (and the total is above 20 MB). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressed: 1_000_000_000, maxRatio: 200 };

export type ZipCheck =
  | { ok: true; uncompressed: number; entries: number }
  | { ok: false; reason: 'bomb' | 'corrupt'; uncompressed: number };

/** A zip file starts with a local file header `PK\x03\x04`. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/** Sums the declared uncompressed sizes of a zip's entries without decompressing anything. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'corrupt', uncompressed: 0 };
  const entries = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff)
    return { ok: false, reason: 'bomb', uncompressed: Infinity };
  let at = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      return { ok: false, reason: 'corrupt', uncompressed: total };
    }
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff || compressed === 0xffffffff)
      return { ok: false, reason: 'bomb', uncompressed: Infinity };
    total += size;
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  const ratio = total / Math.max(1, bytes.length);
  if (total > limits.maxUncompressed || (total > 20_000_000 && ratio > limits.maxRatio)) {
    return { ok: false, reason: 'bomb', uncompressed: total };
  }
  return { ok: true, uncompressed: total, entries };
}

export type SheetCell = string | number;

export interface SheetRead {
  sheetNames: string[];
  sheet: string;
  date1904: boolean;
  /** Rows of cells; empty cells are ''. Numbers stay numbers; dates are ISO strings. */
  rows: SheetCell[][];
}

/** ISO date of an Excel serial; the raw serial as text when it is no real date (serial 60 …). */
function isoFromSerial(serial: number, date1904: boolean): string {
  const day = excelSerialToEpochDay(Math.floor(serial), date1904);
  return Number.isNaN(day) ? String(serial) : epochDayToIso(day);
}

let sheetjs: typeof XLSXTypes | null = null;

/** Loads SheetJS on first use (it is large: CSV imports never pay for it). */
export async function loadSheetJs(): Promise<typeof XLSXTypes> {
  sheetjs ??= await import('@e965/xlsx');
  return sheetjs;
}

/**
 * Reads one sheet (the first by default) of an XLSX/ODS/XLS workbook. Throws on a broken file.
 * Call `loadSheetJs()` first.
 */
export function readSheet(bytes: Uint8Array, sheet?: string): SheetRead {
  if (!sheetjs) throw new Error('SheetJS not loaded: await loadSheetJs() first');
  const XLSX = sheetjs;
  const wb = XLSX.read(bytes, {
    type: 'array',
    dense: true,
    cellDates: false,
    cellNF: true,
    cellText: true,
    WTF: false
  });
  const names = wb.SheetNames;
  const name = sheet && names.includes(sheet) ? sheet : names[0];
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const ws = wb.Sheets[name] as XLSXTypes.WorkSheet & { '!data'?: XLSXTypes.CellObject[][] };
  const data = ws?.['!data'] ?? [];
  const rows: SheetCell[][] = [];
  for (const row of data) {
    const out: SheetCell[] = [];
    for (const cell of row ?? []) {
      if (!cell || cell.v === undefined || cell.v === null) {
        out.push('');
        continue;
      }
      if (cell.t === 'n' && typeof cell.v === 'number') {
        const fmt = typeof cell.z === 'string' ? cell.z : '';
        if (fmt && XLSX.SSF.is_date(fmt)) out.push(isoFromSerial(cell.v, date1904));
        else if (/^0{2,}$/.test(fmt) && typeof cell.w === 'string')
          out.push(cell.w); // zero-padded id
        else out.push(cell.v);
      } else if (cell.t === 'd' && cell.v instanceof Date) {
        out.push(cell.v.toISOString().slice(0, 10));
      } else if (cell.t === 'b') {
        out.push(cell.v ? 'oui' : 'non');
      } else if (cell.t === 'e') {
        out.push(typeof cell.w === 'string' ? cell.w : '#ERREUR');
      } else {
        out.push(String(cell.v));
      }
    }
    rows.push(out);
  }
  return { sheetNames: names, sheet: name, date1904, rows };
}
