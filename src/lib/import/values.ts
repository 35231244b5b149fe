/**
 * Typed value parsers for imported cells. None of them throws; unparsable input gives `null`
 * (never `NaN`, never a silent 0). Dates are epoch days (integer days since 1970-01-01 UTC).
 */
import { fold as foldText } from '../domain/text';

// ---------------------------------------------------------------------------------------------
// Empty cells
// ---------------------------------------------------------------------------------------------

/** Placeholders meaning "no value" (compared trimmed, lower-case), Excel error values included. */
const EMPTY_MARKERS: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '---',
  '–',
  '—',
  'n/a',
  'na',
  'n.a.',
  'n.a',
  'n/c',
  'nc',
  'n.c.',
  'n.c',
  'nd',
  'n.d.',
  'n.d',
  'null',
  '#n/a',
  '#na',
  '#n/d',
  '#valeur!',
  '#value!',
  '#div/0!',
  '#ref!',
  '#nom?',
  '#name?',
  '#nombre!',
  '#num!',
  '#null!'
]);

/**
 * True for a blank cell or a placeholder meaning "no value": whitespace only, `-`, `–`, `—`,
 * `N/A`, `NA`, `n.c.`, `NC`, `n.d.`, `null`, and Excel errors (`#N/A`, `#VALEUR!`, `#DIV/0!`…).
 */
export function isEmptyCell(raw: string | null | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  const n = raw.length;
  if (n === 0) return true;
  // Fast exits for the usual cell (millions of calls on a big import): no marker starts with a
  // digit, and a cell longer than every marker with nothing to trim at either end is a value.
  const first = raw.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  if (n > LONGEST_MARKER && !isBlank(first) && !isBlank(raw.charCodeAt(n - 1))) return false;
  return EMPTY_MARKERS.has(raw.trim().toLowerCase());
}

const LONGEST_MARKER = Math.max(...[...EMPTY_MARKERS].map((m) => m.length));
/** Characters `trim()` removes that a cell may start or end with. */
const isBlank = (c: number) => c <= 32 || c === 160 || c === 0x202f || c === 0x2009 || c === 0xfeff;

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/** fr `1 234,56`, de `1.234,56`, en `1,234.56`. */
export type NumberStyle = 'fr' | 'de' | 'en';

const SPACES = [' ', '\u00a0', '\u202f', '\u2009'] as const;
const APOSTROPHES = ["'", '\u2019'] as const;

/**
 * Thousands separators accepted by `parseNumber` in each style (grouping must be by 3 digits).
 * In `fr`, `.` is additionally accepted as a separator when the number also has a decimal comma
 * or several dots (`1.234,56`, `1.234.567`); a single dot alone is a decimal mark (`1.5` = 1.5).
 */
export const GROUP_SEPARATORS: Record<NumberStyle, readonly string[]> = {
  fr: [...SPACES, ...APOSTROPHES],
  de: ['.', ...SPACES, ...APOSTROPHES],
  en: [',', ...SPACES, ...APOSTROPHES]
};

const DECIMAL_MARK: Record<NumberStyle, string> = { fr: ',', de: ',', en: '.' };

export interface ParsedNumber {
  value: number;
  /** A `%` sign was present; `value` is the number as written (`12 %` → 12, not 0.12). */
  percent: boolean;
  /** A currency sign was present (`€`, `EUR`, `euros`, `$`, `USD`). */
  currency: boolean;
}

const CURRENCY_PREFIX_RE = /^(€|\$|eur\b|usd\b)/i;
const CURRENCY_SUFFIX_RE = /(€|\$|\beuros?|\beur|\busd)$/i;
const EXPONENT_RE = /[eE]([+-]?\d{1,3})$/;

function parseBody(body: string, style: NumberStyle): number | null {
  let mantissa = body;
  let exponent = '';
  const exp = EXPONENT_RE.exec(body);
  if (exp) {
    mantissa = body.slice(0, exp.index);
    exponent = exp[1];
  }
  let decimal = DECIMAL_MARK[style];
  const groups = new Set(GROUP_SEPARATORS[style]);
  if (style === 'fr') {
    const dots = mantissa.split('.').length - 1;
    if (mantissa.includes(',') || dots > 1) groups.add('.');
    else if (dots === 1) decimal = '.';
  }
  const parts = mantissa.split(decimal);
  if (parts.length > 2) return null;
  const intPart = parts[0];
  const fracPart = parts.length === 2 ? parts[1] : null;
  if (fracPart !== null && !/^\d+$/.test(fracPart)) return null;
  let digits: string;
  if (/^\d*$/.test(intPart)) {
    digits = intPart;
  } else {
    if (exponent !== '') return null;
    // Grouped: 1–3 digits, then groups of exactly 3, each preceded by one separator.
    let rest = intPart;
    const head = /^\d{1,3}/.exec(rest);
    if (!head) return null;
    digits = head[0];
    rest = rest.slice(head[0].length);
    while (rest.length > 0) {
      if (!groups.has(rest[0]) || !/^\d{3}$/.test(rest.slice(1, 4))) return null;
      digits += rest.slice(1, 4);
      rest = rest.slice(4);
    }
  }
  if (digits === '' && (fracPart === null || fracPart === '')) return null;
  const frac = fracPart !== null ? '.' + fracPart : '';
  const text = `${digits || '0'}${frac}${exponent ? 'e' + exponent : ''}`;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Parse a number cell with sign, currency and percent detail (see `parseNumber`). Null when not a
 * number in `style`.
 */
export function parseNumberDetailed(raw: string, style: NumberStyle): ParsedNumber | null {
  if (typeof raw !== 'string' || isEmptyCell(raw)) return null;
  let s = raw.trim().replace(/\u2212/g, '-');
  let negative = false;
  let signs = 0;
  let currency = false;
  let percent = false;
  let parens = false;
  // Peel parentheses, signs, currency and percent off both ends, each at most once.
  for (let guard = 0; guard < 8; guard++) {
    let m: RegExpExecArray | null;
    if (!parens && s.startsWith('(') && s.endsWith(')')) {
      parens = true;
      s = s.slice(1, -1).trim();
    } else if (s.startsWith('-') || s.startsWith('+')) {
      signs++;
      negative = s[0] === '-';
      s = s.slice(1).trim();
    } else if (s.endsWith('-') && s.length > 1) {
      signs++;
      negative = true;
      s = s.slice(0, -1).trim();
    } else if (!currency && (m = CURRENCY_PREFIX_RE.exec(s))) {
      currency = true;
      s = s.slice(m[0].length).trim();
    } else if (!currency && (m = CURRENCY_SUFFIX_RE.exec(s))) {
      currency = true;
      s = s.slice(0, s.length - m[0].length).trim();
    } else if (!percent && s.endsWith('%')) {
      percent = true;
      s = s.slice(0, -1).trim();
    } else break;
  }
  if (signs > 1 || (parens && signs > 0) || (percent && currency)) return null;
  if (
    !/^[\d.,'\u2019 \u00a0\u202f\u2009]*\d[\d.,'\u2019 \u00a0\u202f\u2009]*([eE][+-]?\d{1,3})?$/.test(
      s
    )
  ) {
    return null;
  }
  if (!/^[\d.,]/.test(s) || !/\d$/.test(s.replace(EXPONENT_RE, ''))) return null;
  const body = parseBody(s, style);
  if (body === null) return null;
  const value = parens || negative ? -body : body;
  return { value: value === 0 ? 0 : value, percent, currency };
}

/**
 * Parse a number written in `style`; null when empty (`isEmptyCell`) or not a number.
 *
 * Accepted: thousands separators from `GROUP_SEPARATORS[style]` (space, NBSP U+00A0, narrow NBSP
 * U+202F, thin space, `'`, `’`, plus `.` in de and `,` in en) in groups of 3; a decimal mark
 * (`,` in fr/de, `.` in en; in fr a lone `.` also works as decimal mark); leading `+`/`-`,
 * U+2212, trailing minus (`1234-`), accounting parentheses (`(1 234,56)`, `(1 234,56) €` →
 * −1234.56); a currency sign before or after (`€`, `EUR`, `euros`, `$`, `USD`); a trailing `%`
 * (the value is returned as written: `12 %` → 12, not 0.12 — `parseNumberDetailed(...).percent`
 * tells); scientific notation with the style's decimal mark (`1,5E+3` → 1500 in fr/de). Not
 * accepted: `k€`/`M€` multipliers, Indian grouping, currency and `%` together. `-0` → 0.
 */
export function parseNumber(raw: string, style: NumberStyle): number | null {
  return parseNumberDetailed(raw, style)?.value ?? null;
}

export interface FormatNumberOptions {
  /** Thousands separator ('' for none). Default: U+202F (fr), `.` (de), `,` (en). */
  group?: string;
  /** Fixed number of decimals; default: shortest round-trip representation. */
  decimals?: number;
  /** How negatives are written. Default `minus`. */
  negative?: 'minus' | 'parens' | 'trailing';
  /** Appended after a NBSP, e.g. `€` or `%`. */
  unit?: string;
}

const DEFAULT_GROUP: Record<NumberStyle, string> = { fr: '\u202f', de: '.', en: ',' };

/**
 * Format a finite number in `style` so that `parseNumber(formatNumber(n, style, o), style) === n`
 * for every finite `n` and every `o.group` taken from `GROUP_SEPARATORS[style]` or `''` (with
 * `decimals` unset). Magnitudes that JS prints in exponent form come out as `1,5E+21`.
 * Returns '' for NaN/±Infinity.
 */
export function formatNumber(
  n: number,
  style: NumberStyle,
  opts: FormatNumberOptions = {}
): string {
  if (!Number.isFinite(n)) return '';
  const abs = Math.abs(n);
  const group = opts.group ?? DEFAULT_GROUP[style];
  const mark = DECIMAL_MARK[style];
  const plain = opts.decimals !== undefined ? abs.toFixed(opts.decimals) : String(abs);
  let body: string;
  const e = plain.indexOf('e');
  if (e !== -1) {
    const exp = plain.slice(e + 1);
    const signed = exp.startsWith('-') ? exp : '+' + exp.replace('+', '');
    body = `${plain.slice(0, e).replace('.', mark)}E${signed}`;
  } else {
    const [int, frac] = plain.split('.');
    let grouped = int;
    if (group !== '') {
      grouped = '';
      for (let i = int.length; i > 0; i -= 3) {
        const chunk = int.slice(Math.max(0, i - 3), i);
        grouped = grouped === '' ? chunk : `${chunk}${group}${grouped}`;
      }
    }
    body = frac !== undefined ? `${grouped}${mark}${frac}` : grouped;
  }
  if (n < 0) {
    const neg = opts.negative ?? 'minus';
    body = neg === 'parens' ? `(${body})` : neg === 'trailing' ? `${body}-` : `-${body}`;
  }
  return opts.unit ? `${body}\u00a0${opts.unit}` : body;
}

export interface NumberStyleGuess {
  style: NumberStyle;
  /** True when no sample decided between styles (only `1,234`-like values) or samples conflict. */
  ambiguous: boolean;
  /** Votes: decimal comma, dot grouping (de), dot decimal / comma grouping (en), undecidable. */
  evidence: { fr: number; de: number; en: number; undecided: number };
}

/**
 * Decide the number style of a column from its raw values. Per value (currency, %, signs and
 * spaces removed): both `.` and `,` → the last one is the decimal mark (`1.234,56` de,
 * `1,234.56` en); `,` alone → decimal comma (fr) unless it is exactly `d{1,3},ddd`, which is
 * undecided (`1,234`) or en when repeated (`1,234,567`); `.` alone → en (`12.5`) unless
 * `d{1,3}.ddd`, undecided, or de when repeated (`1.234.567`). Decimal comma wins ties; dot
 * grouping turns fr into de. Default `fr`.
 */
export function detectNumberStyleDetailed(samples: readonly string[]): NumberStyleGuess {
  const ev = { fr: 0, de: 0, en: 0, undecided: 0 };
  for (const raw of samples) {
    if (isEmptyCell(raw)) continue;
    const s = raw
      .replace(/[\s\u00a0\u202f\u2009'\u2019€$%()+\-\u2212]|eur(os?)?|usd/gi, '')
      .replace(/[eE]\d{1,3}$/, '');
    if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) continue;
    const lastComma = s.lastIndexOf(',');
    const lastDot = s.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) {
      if (lastComma > lastDot) ev.de++;
      else ev.en++;
    } else if (lastComma >= 0) {
      if (/^\d{1,3}(,\d{3}){2,}$/.test(s)) ev.en++;
      else if (/^\d{1,3},\d{3}$/.test(s)) ev.undecided++;
      else ev.fr++;
    } else if (lastDot >= 0) {
      if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) ev.de++;
      else if (/^\d{1,3}\.\d{3}$/.test(s)) ev.undecided++;
      else ev.en++;
    }
  }
  const comma = ev.fr + ev.de;
  let style: NumberStyle = 'fr';
  if (ev.en > comma) style = 'en';
  else if (ev.de > 0) style = 'de';
  const ambiguous = (comma > 0 && ev.en > 0) || (ev.undecided > 0 && comma === 0 && ev.en === 0);
  return { style, ambiguous, evidence: ev };
}

/** `detectNumberStyleDetailed(samples).style` (fr when there is no evidence). */
export function detectNumberStyle(samples: readonly string[]): NumberStyle {
  return detectNumberStyleDetailed(samples).style;
}

// ---------------------------------------------------------------------------------------------
// Dates (epoch days)
// ---------------------------------------------------------------------------------------------

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Proleptic Gregorian civil date → days since 1970-01-01 (H. Hinnant's algorithm, exact). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 → proleptic Gregorian `{ year, month (1–12), day (1–31) }`. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = Math.floor(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch day of a valid calendar date with year 1000–9999, else null (31/02 → null). */
export function epochDayFromYmd(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const max = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
  return day > max ? null : daysFromCivil(year, month, day);
}

/** Two-digit year pivot: 00–69 → 2000–2069, 70–99 → 1970–1999. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

const TIME = String.raw`(?:[T ]+(\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const DATE_RE = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`, 'i');
const YY_FIRST_RE = new RegExp(String.raw`^(\d{2})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');

function validTime(h?: string, m?: string, s?: string): boolean {
  if (h === undefined) return true;
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 59);
}

function year4(y: string): number {
  return y.length === 2 ? expandTwoDigitYear(Number(y)) : Number(y);
}

/**
 * Parse a date cell to epoch days (integer days since 1970-01-01 UTC); null when not a valid date.
 *
 * Forms: `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyy.mm.dd` (always year first, whatever `order`), and
 * `a/b/y`, `a-b-y`, `a.b.y` with 1–2-digit `a`, `b` and a 2- or 4-digit year, read in `order`
 * (`dmy`: `05/03/2024` = 5 March 2024; `mdy`: `05/03/2024` = 3 May 2024). With `ymd`, a two-digit
 * year may come first: `24-03-05` = 2024-03-05 (four-digit-year-first forms work in every order).
 * A time part (`T14:30`, ` 14:30:00`, `Z`, `+01:00`) is validated and
 * dropped — the date is taken as written, without time-zone shifting. Two-digit years use
 * `expandTwoDigitYear` (00–69 → 20xx, 70–99 → 19xx). Years 1000–9999 only; impossible dates
 * (31/02, 29/02/2023, month 13) → null.
 */
export function parseDate(raw: string, order: DateOrder): number | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  let m = ISO_RE.exec(s);
  if (m) {
    if (!validTime(m[5], m[6], m[7])) return null;
    return epochDayFromYmd(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  if (order === 'ymd') {
    m = YY_FIRST_RE.exec(s);
    if (!m || !validTime(m[5], m[6], m[7])) return null;
    return epochDayFromYmd(expandTwoDigitYear(Number(m[1])), Number(m[3]), Number(m[4]));
  }
  m = DATE_RE.exec(s);
  if (!m || !validTime(m[5], m[6], m[7])) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = year4(m[4]);
  return order === 'dmy' ? epochDayFromYmd(y, b, a) : epochDayFromYmd(y, a, b);
}

export interface DateOrderGuess {
  order: DateOrder;
  /** True when no value proved the order (only `05/03/2024`-like values) or values conflict. */
  ambiguous: boolean;
  /** Values proving dmy (first part > 12), mdy (second part > 12), year-first, undecidable. */
  evidence: { dmy: number; mdy: number; ymd: number; undecided: number };
}

/**
 * Decide how `a/b/y` dates of a column are ordered. A value with a > 12 proves dmy, b > 12 proves
 * mdy; year-first values are unambiguous. Result: the proven order (conflict → majority, flagged
 * ambiguous); `ymd` only when every date value is four-digit-year-first; otherwise `dmy` (French
 * default), ambiguous if some value had a ≠ b both ≤ 12. Two-digit-year-first columns
 * (`24-03-05`) are never detected: they look like dmy; the user must pick `ymd`.
 */
export function detectDateOrder(samples: readonly string[]): DateOrderGuess {
  const ev = { dmy: 0, mdy: 0, ymd: 0, undecided: 0 };
  let yearLast = 0;
  for (const raw of samples) {
    if (typeof raw !== 'string') continue;
    const s = raw.trim();
    if (ISO_RE.test(s)) {
      ev.ymd++;
      continue;
    }
    const m = DATE_RE.exec(s);
    if (!m) continue;
    yearLast++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) ev.dmy++;
    else if (b > 12 && a <= 12) ev.mdy++;
    else if (a !== b && a <= 12 && b <= 12 && a > 0 && b > 0) ev.undecided++;
  }
  if (ev.dmy > 0 || ev.mdy > 0) {
    const order: DateOrder = ev.mdy > ev.dmy ? 'mdy' : 'dmy';
    return { order, ambiguous: ev.dmy > 0 && ev.mdy > 0, evidence: ev };
  }
  if (ev.ymd > 0 && yearLast === 0) {
    return { order: 'ymd', ambiguous: false, evidence: ev };
  }
  return { order: 'dmy', ambiguous: ev.undecided > 0, evidence: ev };
}

/** Epoch day of 1899-12-31 (Excel 1900-system serial 0, "1900-01-00"). */
const EXCEL_1900_DAY0 = -25568;
/** Epoch day of 1904-01-01 (Excel 1904-system serial 0). */
const EXCEL_1904_DAY0 = -24107;

/**
 * Excel date serial → epoch day. The fractional part (time of day) is dropped (floor).
 *
 * 1900 system (Windows default): serial 1 = 1900-01-01 … 59 = 1900-02-28; 60 is Lotus' fictitious
 * 1900-02-29 and returns NaN; serials ≥ 61 are shifted by one (61 = 1900-03-01,
 * 45000 = 2023-03-15). 1904 system (old Mac files, `workbook.WBProps.date1904`): serial 0 =
 * 1904-01-01, i.e. 1462 less than the 1900 serial of the same day.
 * Returns NaN (= empty in the column model) for non-finite, negative, 1900-system serials < 1 and
 * 60 — callers must report those cells, not store them silently.
 */
export function excelSerialToEpochDay(serial: number, date1904: boolean): number {
  if (!Number.isFinite(serial) || serial < 0) return NaN;
  const whole = Math.floor(serial);
  if (date1904) return EXCEL_1904_DAY0 + whole;
  if (whole < 1 || whole === 60) return NaN;
  return EXCEL_1900_DAY0 + (whole < 60 ? whole : whole - 1);
}

/** Epoch day → `YYYY-MM-DD` (floor of non-integers; '' for NaN/±Infinity). */
export function epochDayToIso(days: number): string {
  if (!Number.isFinite(days)) return '';
  const { year, month, day } = civilFromDays(days);
  const yyyy = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface FormatDateOptions {
  sep?: '/' | '-' | '.';
  /** Write the year on two digits (only round-trips for 1970–2069). */
  twoDigitYear?: boolean;
  /** Zero-pad day and month (default true). */
  pad?: boolean;
}

/** Format an epoch day in `order` (tests, previews): `05/03/2024`, `3/5/24`, `2024-03-05`. */
export function formatDate(days: number, order: DateOrder, opts: FormatDateOptions = {}): string {
  const { year, month, day } = civilFromDays(days);
  const sep = opts.sep ?? (order === 'ymd' ? '-' : '/');
  const p = (v: number): string => (opts.pad === false ? String(v) : String(v).padStart(2, '0'));
  const y = opts.twoDigitYear ? String(year % 100).padStart(2, '0') : String(year);
  if (order === 'ymd') return [y, p(month), p(day)].join(sep);
  return order === 'dmy' ? [p(day), p(month), y].join(sep) : [p(month), p(day), y].join(sep);
}

// ---------------------------------------------------------------------------------------------
// Booleans, identifiers
// ---------------------------------------------------------------------------------------------

const fold = (s: string) => foldText(s).trim();

const TRUE_WORDS: ReadonlySet<string> = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

/**
 * Boolean cell: oui/non, o/n, yes/no, y/n, vrai/faux, true/false, 1/0, `x` (true); case- and
 * accent-insensitive (`VRAI`, `Oui`). Anything else, including blank, → null (a blank in a column
 * of `x` marks is the caller's decision).
 */
export function parseBoolean(raw: string): boolean | null {
  if (typeof raw !== 'string') return null;
  const s = fold(raw);
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** Excel's scientific display of a long number: `1,23457E+13`, `1.23457e+13`, `1E+13`. */
const EXCEL_SCIENTIFIC_RE = /^\d([.,]\d+)?[eE][+-]\d{1,3}$/;

/**
 * Identifier cell (SIREN, SIRET, code client, postal code, NAF): the value is kept as text,
 * trimmed only — never converted, so `012345678` stays `012345678`. `damaged` is true when the
 * value is Excel's scientific display of a long number (`1,23457E+13`): the digits are lost and
 * cannot be recovered; the user must re-export the column as text.
 */
export function checkIdentifier(raw: string): { value: string; damaged: boolean } {
  const value = typeof raw === 'string' ? raw.trim() : '';
  return { value, damaged: EXCEL_SCIENTIFIC_RE.test(value) };
}
