import { fold as foldText } from '../domain/text';
/**
 * Header row detection, header clean-up and total-row detection on parsed rows (`string[][]`).
 * Headers are only ever used as display names and mapping hints, never as object keys, so
 * `__proto__` or `constructor` are ordinary names here.
 */

const isFilled = (cell: string | undefined): boolean => cell !== undefined && cell.trim() !== '';

function filledCount(row: readonly string[]): number {
  let n = 0;
  for (const cell of row) if (isFilled(cell)) n++;
  return n;
}

const LETTER_RE = /\p{L}/u;
const DATE_LIKE_RE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;
const NUMBER_WITH_UNIT_RE = /^[-+(]?[\d\s\u00a0\u202f.,']+\)?\s*(€|eur|euros?|\$|%|k€)?-?$/i;

/** A header-like cell: contains a letter and is neither a date nor a number with a unit. */
function isTextCell(cell: string): boolean {
  const s = cell.trim();
  return LETTER_RE.test(s) && !DATE_LIKE_RE.test(s) && !NUMBER_WITH_UNIT_RE.test(s);
}

/** Most frequent filled-cell count among rows having at least one filled cell (ties → larger). */
function modalFilled(counts: readonly number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [count, n] of freq) {
    if (n > best || (n === best && count > mode)) {
      mode = count;
      best = n;
    }
  }
  return mode;
}

/**
 * Index of the header row in `rows` (0 when nothing better is found).
 *
 * With M the modal number of filled cells over the first 60 rows, the header is the first of the
 * first 20 rows that has ≥ max(2, ⌈0.6·M⌉) filled cells (M itself when M ≤ 2), at least half of
 * them text (a letter, not a date or number), and that is either last or followed by a row with
 * ≥ ⌈0.5·M⌉ filled cells. This skips title rows (`Export clients au 05/03/2024`), subtitle rows
 * with one or two cells and stray blank rows.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[]): number {
  if (rows.length === 0) return 0;
  const counts = rows.slice(0, 60).map(filledCount);
  const mode = modalFilled(counts);
  if (mode === 0) return 0;
  const threshold = mode <= 2 ? mode : Math.max(2, Math.ceil(0.6 * mode));
  const follow = Math.max(1, Math.ceil(0.5 * mode));
  let fallback = -1;
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    if (counts[i] < threshold) continue;
    if (fallback < 0) fallback = i;
    const filled = rows[i].filter(isFilled);
    const text = filled.filter(isTextCell).length;
    if (text * 2 < filled.length) continue;
    if (i + 1 < counts.length && counts[i + 1] < follow) continue;
    return i;
  }
  return Math.max(fallback, 0);
}

/** Collapse runs of whitespace (incl. NBSP, line breaks in multi-line header cells) and trim. */
export function cleanHeader(name: string): string {
  return name.replace(/[\s\u00a0\u202f\ufeff]+/gu, ' ').trim();
}

export interface UniqueHeaders {
  names: string[];
  /** Headers that had to be renamed (empty or duplicate); `from` is the cleaned original. */
  renamed: Array<{ index: number; from: string; to: string }>;
}

/**
 * Make display names unique and non-empty. Names are cleaned (`cleanHeader`); comparison is
 * case-insensitive. The first occurrence of a name keeps it; an empty header at index i becomes
 * `Colonne i+1`, a later duplicate `CA (2)`, `CA (3)`… skipping names already taken (original
 * names are reserved first, so a real `Colonne 3` is never renamed because of a generated one).
 * `__proto__`, `constructor`, `prototype` are kept as they are (only Map/Set are used).
 */
export function uniqueHeaders(names: readonly string[]): UniqueHeaders {
  const cleaned = names.map((n) => cleanHeader(n ?? ''));
  const key = (n: string): string => n.toLocaleLowerCase('fr');
  const used = new Set<string>();
  const out: string[] = new Array(cleaned.length);
  const pending: number[] = [];
  cleaned.forEach((name, i) => {
    if (name !== '' && !used.has(key(name))) {
      used.add(key(name));
      out[i] = name;
    } else pending.push(i);
  });
  const renamed: UniqueHeaders['renamed'] = [];
  for (const i of pending) {
    const from = cleaned[i];
    const base = from === '' ? `Colonne ${i + 1}` : from;
    let to = base;
    if (from !== '' || used.has(key(to))) {
      for (let k = 2; ; k++) {
        to = `${base} (${k})`;
        if (!used.has(key(to))) break;
      }
    }
    used.add(key(to));
    out[i] = to;
    renamed.push({ index: i, from, to });
  }
  return { names: out, renamed };
}

/** Folded, with runs of spaces made one. */
function fold(s: string): string {
  return foldText(s)
    .replace(/[\s\u00a0\u202f]+/gu, ' ')
    .trim();
}

const TOTAL_RE =
  /^((sous[- ]?)?(total|totaux)|grand[- ]total|montant total|somme|somme totale|cumul)( (general|generale|global|globale|ht|ttc|clients?))?\s*:?$/;

/**
 * True when the first filled cell of `row` is a totals label: `Total`, `TOTAL GÉNÉRAL`,
 * `Sous-total`, `Grand total`, `Somme`, `Totaux`, `Total HT :`… (case/accent-insensitive, the
 * whole cell must be the label, so a company called `Total Energies` is not a total row).
 */
export function isTotalRow(row: readonly string[]): boolean {
  const first = row.find(isFilled);
  // Cheap exit before folding (called on every row of an import): no totals label is longer.
  if (first === undefined) return false;
  const c = first.trimStart().charCodeAt(0);
  if (c >= 48 && c <= 57) return false; // an identifier or an amount, never a label
  if (first.length > LONGEST_TOTAL_LABEL && first.trim().length > LONGEST_TOTAL_LABEL) return false;
  return TOTAL_RE.test(fold(first));
}

/** « sous-total general clients : » with room for extra spaces. */
const LONGEST_TOTAL_LABEL = 40;
