/**
 * Delimiter detection on the first records of a decoded CSV text. PapaParse's own guesser fails on
 * tiny `;` files and decimal commas, so the import always passes an explicit delimiter: this
 * module's guess, confirmed by the user when `sure` is false.
 */

export type Delimiter = ';' | ',' | '\t' | '|';

/** Candidates, in tie-break order (French files first). */
export const DELIMITERS: readonly Delimiter[] = [';', '\t', ',', '|'];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** False when the user must confirm: one record, one column, or a close second candidate. */
  sure: boolean;
  /** Per candidate, 0…1: share of records with the modal field count (×0.75 if header differs). */
  scores: Record<Delimiter, number>;
}

/** Records examined (non-blank, after leading title lines). */
const MAX_RECORDS = 50;
/** Characters examined at most (an unterminated quote must not make us scan a whole file). */
const MAX_CHARS = 256 * 1024;
/** Leading title lines (no candidate delimiter, no quote) that may be skipped. */
const MAX_TITLE_LINES = 10;

interface Scan {
  /** Field count of each non-blank record. */
  counts: number[];
  /** Delimiters seen outside quotes, and how many of them were followed by a space. */
  delimiters: number;
  spaced: number;
}

function scan(text: string, delimiter: Delimiter, maxRecords: number, maxChars: number): Scan {
  const counts: number[] = [];
  const end = Math.min(text.length, maxChars);
  let delimiters = 0;
  let spaced = 0;
  let fields = 1;
  let inQuotes = false;
  let fieldStart = true;
  let recordStart = 0;
  let i = 0;
  const close = (recordEnd: number): void => {
    if (text.slice(recordStart, recordEnd).trim() !== '') counts.push(fields);
    fields = 1;
    fieldStart = true;
  };
  while (i < end && counts.length < maxRecords) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      i++;
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (c === delimiter) {
      fields++;
      fieldStart = true;
      delimiters++;
      if (text[i + 1] === ' ') spaced++;
    } else if (c === '\r' || c === '\n') {
      close(i);
      if (c === '\r' && text[i + 1] === '\n') i++;
      recordStart = i + 1;
    } else {
      fieldStart = false;
    }
    i++;
  }
  if (i >= text.length && counts.length < maxRecords && !inQuotes) close(text.length);
  return { counts, delimiters, spaced };
}

/**
 * Field counts of the non-blank records of `text` split on `delimiter`, quote-aware like RFC 4180
 * and PapaParse: a `"` opens a quoted field only at the start of a field, `""` is an escaped quote,
 * and line breaks inside quotes belong to the field. A record is blank when it is only whitespace.
 * Stops after `maxRecords` records or `maxChars` characters (a cut-off last record is dropped).
 */
export function recordFieldCounts(
  text: string,
  delimiter: Delimiter,
  maxRecords = MAX_RECORDS,
  maxChars = MAX_CHARS
): number[] {
  return scan(text, delimiter, maxRecords, maxChars).counts;
}

/** Number of leading non-blank lines that contain no candidate delimiter and no quote. */
function countTitleLines(text: string): number {
  const lines = text.slice(0, MAX_CHARS).split(/\r\n|\r|\n/);
  let titles = 0;
  let seen = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    seen++;
    if (seen > MAX_TITLE_LINES || /[;,\t|"]/.test(line)) break;
    titles++;
  }
  return titles;
}

interface CandidateStats {
  score: number;
  mode: number;
  headerOk: boolean;
  records: number;
  /** Most delimiters are followed by a space: prose (`Dupont, Jean`) rather than a separator. */
  prose: boolean;
}

function statsFor(text: string, delimiter: Delimiter, skip: number): CandidateStats {
  const scanned = scan(text, delimiter, MAX_RECORDS + skip, MAX_CHARS);
  const counts = scanned.counts.slice(skip);
  const prose = scanned.spaced * 2 > scanned.delimiters;
  if (counts.length === 0) return { score: 0, mode: 0, headerOk: false, records: 0, prose };
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [count, n] of freq) {
    if (n > best || (n === best && count > mode)) {
      mode = count;
      best = n;
    }
  }
  if (mode < 2) return { score: 0, mode, headerOk: false, records: counts.length, prose };
  const headerOk = counts[0] === mode;
  const score = (best / counts.length) * (headerOk ? 1 : 0.75);
  return { score, mode, headerOk, records: counts.length, prose };
}

/**
 * Guess the delimiter of `text` from its first ~50 records (quote-aware, blank lines ignored,
 * leading title lines without any delimiter ignored).
 *
 * Score of a candidate = share of records whose field count equals the modal count (which must be
 * > 1), × 0.75 when the first record (the header) does not have that count — this is what keeps a
 * French `;` file with decimal commas from being read as `,`. The best score wins; ties go to
 * `;`, tab, `,`, `|` in that order; with no candidate above 0 the answer is `;` (French default).
 * `sure` requires ≥ 2 records, a winning score ≥ 0.8 with a matching header, a lead ≥ 0.2 over
 * the runner-up, and that most of the winner's occurrences are not followed by a space (`Dupont,
 * Jean` in a one-column file whose header looked like a title line); otherwise the UI must ask.
 */
export function detectDelimiter(text: string): DelimiterGuess {
  const skip = countTitleLines(text);
  const stats = new Map<Delimiter, CandidateStats>();
  for (const d of DELIMITERS) stats.set(d, statsFor(text, d, skip));
  const ranked = [...DELIMITERS].sort((a, b) => {
    const sa = stats.get(a)!;
    const sb = stats.get(b)!;
    if (sb.score !== sa.score) return sb.score - sa.score;
    return DELIMITERS.indexOf(a) - DELIMITERS.indexOf(b);
  });
  const first = stats.get(ranked[0])!;
  const second = stats.get(ranked[1])!;
  const sure =
    first.records >= 2 &&
    first.mode >= 2 &&
    first.headerOk &&
    !first.prose &&
    first.score >= 0.8 &&
    first.score - second.score >= 0.2;
  const scores = { ';': 0, ',': 0, '\t': 0, '|': 0 } as Record<Delimiter, number>;
  for (const d of DELIMITERS) scores[d] = stats.get(d)!.score;
  return { delimiter: ranked[0], sure, scores };
}
