/**
 * Resident column values ⇄ stored column chunks. Numbers, booleans and dictionary codes are
 * stored as their ArrayBuffers; text as one UTF-8 buffer plus Uint32 end offsets (cheap to write,
 * no per-string structured clone).
 */
import type { ColumnValues } from '../domain/columns';
import type { StoredColumn } from './schema';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function ownBuffer(view: ArrayBufferView): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = view;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength)
    return buffer;
  return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
}

export function encodeColumn(values: ColumnValues): StoredColumn {
  switch (values.kind) {
    case 'f64':
      return { kind: 'f64', buf: ownBuffer(values.values) };
    case 'u8':
      return { kind: 'u8', buf: ownBuffer(values.values) };
    case 'dict':
      return { kind: 'dict', buf: ownBuffer(values.codes) };
    case 'str': {
      // Fast path: one join, one encode (no value may contain the U+0000 separator).
      const joined = values.values.join('\u0000');
      if (joined.split('\u0000').length === values.values.length || values.values.length === 0) {
        return {
          kind: 'strj',
          bytes: ownBuffer(encoder.encode(joined)),
          count: values.values.length
        };
      }
      const parts = values.values.map((s) => encoder.encode(s));
      const total = parts.reduce((n, p) => n + p.length, 0);
      const bytes = new Uint8Array(total);
      const offsets = new Uint32Array(parts.length);
      let at = 0;
      parts.forEach((p, i) => {
        bytes.set(p, at);
        at += p.length;
        offsets[i] = at;
      });
      return { kind: 'str', bytes: bytes.buffer, offsets: offsets.buffer };
    }
  }
}

export function decodeColumn(stored: StoredColumn, dict: string[] | undefined): ColumnValues {
  switch (stored.kind) {
    case 'f64':
      return { kind: 'f64', values: new Float64Array(stored.buf) };
    case 'u8':
      return { kind: 'u8', values: new Uint8Array(stored.buf) };
    case 'dict':
      return { kind: 'dict', codes: new Uint32Array(stored.buf), dict: dict ?? [] };
    case 'strj': {
      if (stored.count === 0) return { kind: 'str', values: [] };
      return { kind: 'str', values: decoder.decode(new Uint8Array(stored.bytes)).split('\u0000') };
    }
    case 'str': {
      const bytes = new Uint8Array(stored.bytes);
      const offsets = new Uint32Array(stored.offsets);
      const out = new Array<string>(offsets.length);
      let start = 0;
      for (let i = 0; i < offsets.length; i++) {
        out[i] = decoder.decode(bytes.subarray(start, offsets[i]));
        start = offsets[i];
      }
      return { kind: 'str', values: out };
    }
  }
}
