/** Shared helpers for the import specs: read a generated fixture from tests/fixtures/import. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/import');

/** Bytes of a fixture file (as a plain Uint8Array, not a Buffer). */
export function fixture(name: string): Uint8Array {
  const buf = readFileSync(join(FIXTURE_DIR, name));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
