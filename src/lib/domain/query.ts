/**
 * Row selection for the accounts table: full-text search, one filter per column, and sort, over
 * typed columns. Built for a million rows: categories are matched once per dictionary entry,
 * text is folded (lower case, no accents) once per column and cached, numbers sort as numbers.
 */
import type { ColumnMeta } from './columns';
import type { AccountTable } from './table';
import { fold } from './text';

export interface ColumnFilter {
  key: string;
  /** Text to find, or for numbers/dates: `>1000`, `<= 5`, `100..200`, `100-200`, `=12`, `12`. */
  value: string;
}

export interface RowQuery {
  search: string;
  filters: ColumnFilter[];
  sort: { key: string; dir: 'asc' | 'desc' } | null;
}

/** Lower case without accents: `Évry` → `evry`. */
export { fold };

/** `>1000`, `>= 1 000,5`, `<5`, `100..200`, `100-200`, `=12`, `12` → an inclusive/exclusive range. */
export function parseRange(
  text: string
): { min: number; max: number; minOpen: boolean; maxOpen: boolean } | null {
  const num = (s: string): number | null => {
    const n = Number(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
    return s.trim() === '' || !Number.isFinite(n) ? null : n;
  };
  const t = text.trim();
  let m = /^(>=|<=|>|<|=)\s*(.+)$/.exec(t);
  if (m) {
    const v = num(m[2]);
    if (v === null) return null;
    switch (m[1]) {
      case '>':
        return { min: v, max: Infinity, minOpen: true, maxOpen: false };
      case '>=':
        return { min: v, max: Infinity, minOpen: false, maxOpen: false };
      case '<':
        return { min: -Infinity, max: v, minOpen: false, maxOpen: true };
      case '<=':
        return { min: -Infinity, max: v, minOpen: false, maxOpen: false };
      default:
        return { min: v, max: v, minOpen: false, maxOpen: false };
    }
  }
  m = /^(-?[\d\s\u00a0\u202f.,]+?)\s*(?:\.\.|–|—|\s-\s|-)\s*(-?[\d\s\u00a0\u202f.,]+)$/.exec(t);
  if (m) {
    const a = num(m[1]);
    const b = num(m[2]);
    if (a === null || b === null) return null;
    return { min: Math.min(a, b), max: Math.max(a, b), minOpen: false, maxOpen: false };
  }
  const v = num(t);
  return v === null ? null : { min: v, max: v, minOpen: false, maxOpen: false };
}

/** Caches derived from a table (folded text, category ranks), valid while the table is. */
export class QueryCache {
  private folded = new Map<string, string[]>();
  private ranks = new Map<string, Uint32Array>();
  constructor(readonly table: AccountTable) {}

  foldedText(key: string): string[] {
    let f = this.folded.get(key);
    if (!f) {
      const v = this.table.values[key];
      f = v.kind === 'str' ? v.values.map(fold) : v.kind === 'dict' ? v.dict.map(fold) : [];
      this.folded.set(key, f);
    }
    return f;
  }

  /** Rank of each dictionary entry in French collation order. */
  dictRanks(key: string): Uint32Array {
    let r = this.ranks.get(key);
    if (!r) {
      const v = this.table.values[key];
      const dict = v.kind === 'dict' ? v.dict : [];
      const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
      const order = dict.map((_, i) => i).sort((a, b) => collator.compare(dict[a], dict[b]));
      r = new Uint32Array(dict.length);
      order.forEach((code, rank) => (r![code] = rank));
      this.ranks.set(key, r);
    }
    return r;
  }
}

function matcher(
  col: ColumnMeta,
  table: AccountTable,
  cache: QueryCache,
  needle: string
): ((i: number) => boolean) | null {
  const v = table.values[col.key];
  if (v.kind === 'dict') {
    const folded = cache.foldedText(col.key);
    const hit = Uint8Array.from(folded, (s) => (s.includes(needle) ? 1 : 0));
    return (i) => hit[v.codes[i]] === 1;
  }
  if (v.kind === 'str') {
    const folded = cache.foldedText(col.key);
    return (i) => folded[i].includes(needle);
  }
  return null;
}

function rangeMatcher(
  col: ColumnMeta,
  table: AccountTable,
  text: string
): ((i: number) => boolean) | null {
  const v = table.values[col.key];
  if (v.kind !== 'f64') return null;
  let range = parseRange(text);
  if (col.type === 'date') {
    // Dates are filtered by year (`2024`, `>2020`, `2019..2021`): epoch days → year.
    if (!range) return null;
    const r = range;
    const yearOf = (d: number) => new Date(d * 86_400_000).getUTCFullYear();
    return (i) => {
      const x = v.values[i];
      if (Number.isNaN(x)) return false;
      const y = yearOf(x);
      return (r.minOpen ? y > r.min : y >= r.min) && (r.maxOpen ? y < r.max : y <= r.max);
    };
  }
  if (!range) range = null;
  if (!range) return () => false;
  const r = range;
  return (i) => {
    const x = v.values[i];
    return (
      !Number.isNaN(x) &&
      (r.minOpen ? x > r.min : x >= r.min) &&
      (r.maxOpen ? x < r.max : x <= r.max)
    );
  };
}

/** Indices of the rows matching `q`, in display order. */
export function queryRows(table: AccountTable, q: RowQuery, cache: QueryCache): Uint32Array {
  const tests: Array<(i: number) => boolean> = [];
  for (const f of q.filters) {
    const col = table.columns.find((c) => c.key === f.key);
    if (!col || f.value.trim() === '') continue;
    const v = table.values[col.key];
    if (v.kind === 'f64') {
      const m = rangeMatcher(col, table, f.value);
      if (m) tests.push(m);
    } else if (v.kind === 'u8') {
      const want = /^(o|oui|y|yes|1|v|vrai|true|x)/i.test(f.value.trim()) ? 1 : 0;
      tests.push((i) => v.values[i] === want);
    } else {
      const m = matcher(col, table, cache, fold(f.value.trim()));
      if (m) tests.push(m);
    }
  }
  const needle = fold(q.search.trim());
  if (needle) {
    const any = table.columns
      .map((c) => matcher(c, table, cache, needle))
      .filter((m): m is (i: number) => boolean => m !== null);
    // Numbers match when the search is a number equal to the cell (e.g. a head count).
    const n = Number(needle.replace(',', '.'));
    if (Number.isFinite(n) && /\d/.test(needle)) {
      for (const c of table.columns) {
        const v = table.values[c.key];
        if (v.kind === 'f64' && c.type === 'number') any.push((i) => v.values[i] === n);
      }
    }
    tests.push((i) => any.some((m) => m(i)));
  }
  let rows: Uint32Array;
  if (tests.length === 0) rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  else {
    const out: number[] = [];
    for (let i = 0; i < table.rowCount; i++) if (tests.every((t) => t(i))) out.push(i);
    rows = Uint32Array.from(out);
  }
  if (q.sort) sortRows(rows, table, q.sort, cache);
  return rows;
}

function sortRows(
  rows: Uint32Array,
  table: AccountTable,
  sort: NonNullable<RowQuery['sort']>,
  cache: QueryCache
): void {
  const col = table.columns.find((c) => c.key === sort.key);
  if (!col) return;
  const v = table.values[col.key];
  const dir = sort.dir === 'asc' ? 1 : -1;
  // Empty cells always last, whatever the direction; ties keep file order.
  if (v.kind === 'f64' || v.kind === 'u8') {
    const x = v.values;
    const empty =
      v.kind === 'f64' ? (a: number) => Number.isNaN(x[a]) : (a: number) => x[a] === 255;
    rows.sort((a, b) => {
      const ea = empty(a);
      const eb = empty(b);
      if (ea || eb) return ea === eb ? a - b : ea ? 1 : -1;
      return x[a] === x[b] ? a - b : (x[a] - x[b]) * dir;
    });
  } else if (v.kind === 'dict') {
    const rank = cache.dictRanks(col.key);
    const codes = v.codes;
    const emptyCode = v.dict.indexOf('');
    rows.sort((a, b) => {
      const ea = codes[a] === emptyCode;
      const eb = codes[b] === emptyCode;
      if (ea || eb) return ea === eb ? a - b : ea ? 1 : -1;
      const d = rank[codes[a]] - rank[codes[b]];
      return d === 0 ? a - b : d * dir;
    });
  } else {
    const f = cache.foldedText(col.key);
    rows.sort((a, b) => {
      const ea = f[a] === '';
      const eb = f[b] === '';
      if (ea || eb) return ea === eb ? a - b : ea ? 1 : -1;
      return f[a] === f[b] ? a - b : f[a] < f[b] ? -dir : dir;
    });
  }
}
