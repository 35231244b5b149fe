/**
 * Column type inference from raw cell strings. Identifiers are protected first: a column that
 * looks like SIREN/SIRET/postal codes is `id` (text), never `number`.
 */
import type { ColumnRole, ColumnType } from '../domain/columns';
import type { DateOrder, NumberStyle } from './values';
import { checkIdentifier, isEmptyCell, parseBoolean, parseDate, parseNumber } from './values';

/** Roles whose values are identifiers whatever they look like (`01000`, `62.01Z`, `2A`). */
export const ID_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'id',
  'postcode',
  'naf',
  'department'
]);

/**
 * Roles that are small enumerations: for them a `category` does not need repeated values (a short
 * file may show each of `Client`, `Prospect` once).
 */
export const CATEGORY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'accountType',
  'sector',
  'purchaseType',
  'region',
  'rep'
]);

export interface InferOptions {
  style: NumberStyle;
  dateOrder: DateOrder;
  role?: ColumnRole | null;
}

export interface InferredType {
  type: ColumnType;
  /**
   * Share (0…1) of non-empty values that parse as `type`: 1 for `id`, `category` and `text`
   * (kept verbatim), 0 for a column without any non-empty value.
   */
  parsedShare: number;
}

/** Share of parsable values required to type a column as number, date or boolean. */
export const TYPE_THRESHOLD = 0.9;

const DIGITS_RE = /^\d+$/;

/** Digit-only codes with a leading zero, Excel-damaged ids, or ≥ 9-digit same-length codes. */
function looksLikeIdentifiers(values: readonly string[]): boolean {
  let digitsOnly = 0;
  let damaged = 0;
  let leadingZero = false;
  const lengths = new Map<number, number>();
  for (const v of values) {
    if (checkIdentifier(v).damaged) {
      damaged++;
    } else if (DIGITS_RE.test(v)) {
      digitsOnly++;
      if (v.length >= 2 && v[0] === '0') leadingZero = true;
      lengths.set(v.length, (lengths.get(v.length) ?? 0) + 1);
    }
  }
  const n = values.length;
  if ((digitsOnly + damaged) / n < TYPE_THRESHOLD) return false;
  if (leadingZero || damaged > 0) return true;
  for (const [len, count] of lengths) if (len >= 9 && count / n >= TYPE_THRESHOLD) return true;
  return false;
}

function share(values: readonly string[], ok: (v: string) => boolean): number {
  let n = 0;
  for (const v of values) if (ok(v)) n++;
  return n / values.length;
}

/**
 * Infer the storage type of a column from its raw cells, in this order:
 * 1. `role` in `ID_ROLES` → `id`;
 * 2. identifier-looking values (≥ 90 % digit-only or Excel-damaged like `1,23457E+13`, and at
 *    least one leading zero, one damaged value, or ≥ 90 % of one length ≥ 9 digits) → `id`;
 * 3. ≥ 90 % booleans (`oui/non`, `x`…; a pure `0/1` column needs both values) → `boolean`;
 * 4. ≥ 90 % numbers in `style` → `number`;
 * 5. ≥ 90 % dates in `dateOrder` → `date`;
 * 6. distinct values ≤ max(50, 5 % of non-empty), repeated (distinct ≤ half the non-empty
 *    values; waived for `CATEGORY_ROLES`) and short (≤ 64 chars) → `category`;
 * 7. otherwise `text`. A column with no non-empty value is `text` with `parsedShare` 0.
 * Empty cells (`isEmptyCell`) are ignored throughout; values are trimmed.
 */
export function inferColumnType(values: readonly string[], opts: InferOptions): InferredType {
  if (opts.role && ID_ROLES.has(opts.role)) return { type: 'id', parsedShare: 1 };
  const filled = values.filter((v) => !isEmptyCell(v)).map((v) => v.trim());
  if (filled.length === 0) return { type: 'text', parsedShare: 0 };
  if (looksLikeIdentifiers(filled)) return { type: 'id', parsedShare: 1 };

  const bool = share(filled, (v) => parseBoolean(v) !== null);
  if (bool >= TYPE_THRESHOLD) {
    const distinct = new Set(filled.map((v) => parseBoolean(v)));
    const numericOnly = filled.every((v) => v === '0' || v === '1');
    if (!numericOnly || distinct.size === 2) return { type: 'boolean', parsedShare: bool };
  }
  const num = share(filled, (v) => parseNumber(v, opts.style) !== null);
  if (num >= TYPE_THRESHOLD) return { type: 'number', parsedShare: num };
  const date = share(filled, (v) => parseDate(v, opts.dateOrder) !== null);
  if (date >= TYPE_THRESHOLD) return { type: 'date', parsedShare: date };

  const distinct = new Set(filled);
  const maxLength = filled.reduce((m, v) => Math.max(m, v.length), 0);
  if (
    distinct.size <= Math.max(50, 0.05 * filled.length) &&
    (distinct.size * 2 <= filled.length || (opts.role != null && CATEGORY_ROLES.has(opts.role))) &&
    maxLength <= 64
  ) {
    return { type: 'category', parsedShare: 1 };
  }
  return { type: 'text', parsedShare: 1 };
}
