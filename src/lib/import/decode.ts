/**
 * Bytes → text for imported CSV/TSV files. PapaParse never decodes a string input, so we do:
 * BOM sniff → UTF-16 without BOM (NUL-byte heuristic) → strict UTF-8 → Windows-1252 fallback.
 *
 * Pure: no DOM, runs in Node and in a Web Worker. The two single-byte encodings are decoded
 * with our own tables so the result never depends on the runtime's ICU data (Node small-icu
 * builds lack `windows-1252`/`iso-8859-15`); UTF-8 and UTF-16 use `TextDecoder` (WHATWG).
 */

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-15';

/** Every encoding the user can force from the preview's override menu. */
export const ENCODINGS: readonly EncodingName[] = [
  'utf-8',
  'windows-1252',
  'iso-8859-15',
  'utf-16le',
  'utf-16be'
];

export interface DecodeResult {
  /** Decoded text, BOM removed. */
  text: string;
  /** Encoding actually used (the override when given). */
  encoding: EncodingName;
  /** True when the bytes started with the BOM of `encoding` (it was stripped). */
  bom: boolean;
  /** True when the text shows double-encoded UTF-8 such as `Ã©`, `Ã¨`, `â‚¬`, `Ã‰`, `Å“`. */
  mojibake: boolean;
  /** Number of U+FFFD characters in `text` (bytes that were invalid for `encoding`). */
  replacementChars: number;
}

/** Windows-1252 code points for bytes 0x80–0x9F (WHATWG: unassigned bytes map to C1 controls). */
const CP1252_80_9F: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
];

/** The 8 bytes where ISO-8859-15 differs from ISO-8859-1 (all other bytes map to U+00XX). */
const ISO_8859_15_DIFF: ReadonlyMap<number, number> = new Map([
  [0xa4, 0x20ac], // €
  [0xa6, 0x0160], // Š
  [0xa8, 0x0161], // š
  [0xb4, 0x017d], // Ž
  [0xb8, 0x017e], // ž
  [0xbc, 0x0152], // Œ
  [0xbd, 0x0153], // œ
  [0xbe, 0x0178] // Ÿ
]);

function buildTable(encoding: 'windows-1252' | 'iso-8859-15'): Uint16Array {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b;
  if (encoding === 'windows-1252') {
    for (let b = 0x80; b <= 0x9f; b++) table[b] = CP1252_80_9F[b - 0x80];
  } else {
    for (const [b, cp] of ISO_8859_15_DIFF) table[b] = cp;
  }
  return table;
}

const TABLES = {
  'windows-1252': buildTable('windows-1252'),
  'iso-8859-15': buildTable('iso-8859-15')
};

/** Decode a single-byte encoding through a 256-entry table; never throws, never emits U+FFFD. */
function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'iso-8859-15'): string {
  const table = TABLES[encoding];
  const CHUNK = 8192;
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) units[i - start] = table[bytes[i]];
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}

const BOMS: ReadonlyArray<{ encoding: EncodingName; bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] }
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** The encoding announced by a BOM at the start of `bytes`, if any. */
export function sniffBom(bytes: Uint8Array): { encoding: EncodingName; length: number } | null {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/**
 * UTF-16 without BOM, guessed from NUL bytes in the first 4 KiB: Latin text in UTF-16LE has a NUL
 * at every odd offset, in UTF-16BE at every even offset. Needs ≥ 30 % NULs on one parity and
 * ≤ 5 % on the other, over at least 2 code units; returns null otherwise.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const len = Math.min(bytes.length, 4096) & ~1;
  const pairs = len / 2;
  if (pairs < 2) return null;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < len; i += 2) {
    if (bytes[i] === 0) nulEven++;
    if (bytes[i + 1] === 0) nulOdd++;
  }
  if (nulOdd / pairs >= 0.3 && nulEven / pairs <= 0.05) return 'utf-16le';
  if (nulEven / pairs >= 0.3 && nulOdd / pairs <= 0.05) return 'utf-16be';
  return null;
}

const CP1252_CONTINUATION = (() => {
  let s = '';
  for (let b = 0x80; b <= 0xbf; b++) s += String.fromCharCode(TABLES['windows-1252'][b]);
  return s.replace(/[\\\]^-]/g, '\\$&');
})();

/**
 * UTF-8 read as Windows-1252/Latin-1: `Ã` + a continuation byte (é è à ç É …), `Â` + U+00A0–BF
 * (NBSP, °), `â€`/`â‚¬` (’ “ ” – € …), `Å“`/`Å’` (œ Œ).
 */
const MOJIBAKE_RE = new RegExp(`Ã[${CP1252_CONTINUATION}]|Â[\\u00a0-\\u00bf]|â€|â‚¬|Å[“’]`, 'u');

/** True when `text` contains a double-encoding pattern (see `MOJIBAKE_RE`). */
export function hasMojibake(text: string): boolean {
  return MOJIBAKE_RE.test(text);
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function decodeWith(bytes: Uint8Array, encoding: EncodingName, fatal: boolean): string {
  switch (encoding) {
    case 'windows-1252':
    case 'iso-8859-15':
      return decodeSingleByte(bytes, encoding);
    default:
      // ignoreBOM: true — BOMs are stripped by the caller, a second one is content.
      return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  }
}

function result(text: string, encoding: EncodingName, bom: boolean): DecodeResult {
  return {
    text,
    encoding,
    bom,
    // Double encoding shows everywhere or nowhere: the first 4 M characters tell.
    mojibake: hasMojibake(text.length > 4_000_000 ? text.slice(0, 4_000_000) : text),
    replacementChars: countReplacement(text)
  };
}

/**
 * Decode a whole file's bytes.
 *
 * Without `override`: BOM (UTF-8 / UTF-16LE / UTF-16BE) → UTF-16 by NUL heuristic → strict UTF-8
 * (`TextDecoder` fatal) → Windows-1252 (which accepts every byte). With `override`, that encoding
 * is used as is (invalid bytes become U+FFFD and are counted); its own BOM is still stripped.
 * Never throws. The BOM is never part of `text`.
 */
export function decodeBytes(bytes: Uint8Array, override?: EncodingName): DecodeResult {
  const bom = sniffBom(bytes);
  if (override) {
    const own = bom !== null && bom.encoding === override;
    const body = own ? bytes.subarray(bom.length) : bytes;
    return result(decodeWith(body, override, false), override, own);
  }
  if (bom)
    return result(decodeWith(bytes.subarray(bom.length), bom.encoding, false), bom.encoding, true);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return result(decodeWith(bytes, utf16, false), utf16, false);
  try {
    return result(decodeWith(bytes, 'utf-8', true), 'utf-8', false);
  } catch {
    return result(decodeWith(bytes, 'windows-1252', false), 'windows-1252', false);
  }
}

/** Encode text as Windows-1252 or ISO-8859-15 (fixtures, tests); null if a char has no byte. */
export function encodeSingleByte(
  text: string,
  encoding: 'windows-1252' | 'iso-8859-15'
): Uint8Array | null {
  const table = TABLES[encoding];
  const reverse = new Map<number, number>();
  for (let b = 0; b < 256; b++) reverse.set(table[b], b);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = reverse.get(text.charCodeAt(i));
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}
