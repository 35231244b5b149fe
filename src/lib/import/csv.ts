/**
 * Delimited text → rows of raw strings, through PapaParse with an explicit delimiter and line
 * break, `header: false`, no `dynamicTyping` (which strips leading zeros). Every kept row carries
 * the 1-based physical line where it starts, so rejected rows can be reported by line.
 */
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';

export type LineBreak = '\r\n' | '\n' | '\r';

export interface ParseIssue {
  /** 1-based physical line where the offending row starts. */
  line: number;
  /** PapaParse code, e.g. `MissingQuotes`, `InvalidQuotes`. */
  code: string;
  message: string;
}

export interface ParsedDelimited {
  /** Non-blank rows, cells verbatim (untrimmed, unquoted). Rows may have different lengths. */
  rows: string[][];
  /** `lineNumbers[i]`: 1-based physical line where `rows[i]` starts (CRLF, LF, CR end a line). */
  lineNumbers: number[];
  /** Rows dropped because every cell was blank (whitespace only), trailing line break excluded. */
  blankRows: number;
  /** Longest row length after trailing all-blank columns were removed. */
  width: number;
  /** Record separator used; `'\n'` when the file mixed several (it was normalised to LF first). */
  lineBreak: LineBreak;
  /** True when mixed record separators were normalised to LF (cells' CR/CRLF became LF too). */
  normalizedLineBreaks: boolean;
  /** Quote problems reported by PapaParse; the rows are still returned. */
  errors: ParseIssue[];
}

interface LineBreakScan {
  crlf: number;
  lf: number;
  cr: number;
  /** Ends inside an unterminated quoted field. */
  openQuote: boolean;
}

/** Count record separators outside quoted fields (a quote opens only at the start of a field). */
function scanLineBreaks(text: string, delimiter: Delimiter): LineBreakScan {
  const scan: LineBreakScan = { crlf: 0, lf: 0, cr: 0, openQuote: false };
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (c === delimiter) {
      fieldStart = true;
    } else if (c === '\r') {
      if (text[i + 1] === '\n') {
        scan.crlf++;
        i++;
      } else scan.cr++;
      fieldStart = true;
    } else if (c === '\n') {
      scan.lf++;
      fieldStart = true;
    } else {
      fieldStart = false;
    }
  }
  scan.openQuote = inQuotes;
  return scan;
}

/** Offsets (UTF-16 units) where each physical line starts; CRLF counts as one break. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

const isBlank = (cell: string): boolean => cell.trim() === '';

/**
 * Parse `text` (already decoded; a leading U+FEFF is ignored) with `delimiter`.
 *
 * - The record separator is detected outside quotes; if CRLF, LF and CR are mixed, every line
 *   break is normalised to LF first (line numbering is unchanged by this).
 * - One trailing line break does not produce an extra row.
 * - Rows whose cells are all blank are dropped and counted in `blankRows`.
 * - Trailing columns empty on every kept row (`;;;` exports) are removed from every row.
 * - Cells are never trimmed, typed or unescaped beyond CSV quoting: `=HYPERLINK(…)` or
 *   `<img …>` come back verbatim; escaping is the renderer's/exporter's job.
 * Never throws on malformed quotes: PapaParse's recovery is kept and reported in `errors`.
 */
export function parseDelimited(
  text: string,
  delimiter: Delimiter,
  onProgress?: (done: number, total: number) => void
): ParsedDelimited {
  let input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanLineBreaks(input, delimiter);
  const kinds = (scan.crlf > 0 ? 1 : 0) + (scan.lf > 0 ? 1 : 0) + (scan.cr > 0 ? 1 : 0);
  let lineBreak: LineBreak = '\n';
  let normalizedLineBreaks = false;
  if (kinds > 1) {
    input = input.replace(/\r\n?/g, '\n');
    normalizedLineBreaks = true;
  } else if (scan.crlf > 0) lineBreak = '\r\n';
  else if (scan.cr > 0) lineBreak = '\r';

  if (!scan.openQuote && input.endsWith(lineBreak)) {
    input = input.slice(0, input.length - lineBreak.length);
  }

  const starts = lineStarts(input);
  const rawRows: string[][] = [];
  const rowStarts: number[] = [];
  const rawErrors: Array<{ row: number; code: string; message: string }> = [];
  let cursor = 0;
  if (input.length > 0) {
    Papa.parse<string[]>(input, {
      delimiter,
      newline: lineBreak,
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      comments: false,
      step: (res) => {
        const row = rawRows.length;
        rawRows.push(res.data);
        rowStarts.push(cursor);
        cursor = res.meta.cursor;
        if (onProgress && row % 50_000 === 0) onProgress(cursor, input.length);
        for (const e of res.errors) rawErrors.push({ row, code: e.code, message: e.message });
      }
    });
  }

  // Map start offsets to 1-based line numbers (offsets are increasing).
  const rawLines: number[] = [];
  let line = 0;
  for (const offset of rowStarts) {
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    rawLines.push(line + 1);
  }

  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  let blankRows = 0;
  for (let i = 0; i < rawRows.length; i++) {
    if (rawRows[i].every(isBlank)) {
      blankRows++;
      continue;
    }
    rows.push(rawRows[i]);
    lineNumbers.push(rawLines[i]);
  }

  let width = 0;
  for (const row of rows) {
    for (let j = row.length - 1; j >= width; j--) {
      if (!isBlank(row[j])) {
        width = j + 1;
        break;
      }
    }
  }
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length > width) rows[i] = rows[i].slice(0, width);
  }

  const errors = rawErrors.map((e) => ({
    line: rawLines[e.row] ?? 1,
    code: e.code,
    message: e.message
  }));
  return { rows, lineNumbers, blankRows, width, lineBreak, normalizedLineBreaks, errors };
}
