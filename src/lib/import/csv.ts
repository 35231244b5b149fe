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

/** Line-break counts of a text without quotes (every break is a record separator). */
function quickScan(text: string): LineBreakScan {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  return { crlf, lf: lf - crlf, cr, openQuote: false };
}

/** Line breaks inside one cell (CRLF, CR and LF each count as one). */
function breaksIn(cell: string): number {
  if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return 0;
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 13) {
      if (cell.charCodeAt(i + 1) === 10) i++;
      n++;
    } else if (c === 10) n++;
  }
  return n;
}

/** Characters handed to PapaParse at a time. */
const CHUNK_CHARS = 4 * 1024 * 1024;

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
  // Without any quote, no break can hide inside a field: regexes count the breaks far faster
  // than a character loop.
  const hasQuote = input.indexOf('"') >= 0;
  const scan = hasQuote ? scanLineBreaks(input, delimiter) : quickScan(input);
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

  // Batch parsing in chunks (PapaParse carries a row cut by a chunk boundary over to the next
  // chunk): several times faster than a per-row `step`, and progress can be reported.
  const rawRows: string[][] = [];
  const rawErrors: Array<{ row: number; code: string; message: string }> = [];
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
      chunkSize: CHUNK_CHARS,
      chunk: (res: Papa.ParseResult<string[]>) => {
        const base = rawRows.length;
        for (const row of res.data) rawRows.push(row);
        for (const e of res.errors)
          rawErrors.push({ row: base + (e.row ?? 0), code: e.code, message: e.message });
        onProgress?.(Math.min(res.meta.cursor, input.length), input.length);
      }
    } as Papa.ParseConfig<string[]>);
  }

  // 1-based physical line where each record starts: one per record, plus the breaks inside
  // its quoted cells (CRLF counts as one break).
  const rawLines: number[] = new Array(rawRows.length);
  let line = 1;
  for (let i = 0; i < rawRows.length; i++) {
    rawLines[i] = line;
    line++;
    if (hasQuote) for (const cell of rawRows[i]) line += breaksIn(cell);
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
