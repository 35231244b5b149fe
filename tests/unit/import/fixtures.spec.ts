import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtures } from '../../fixtures/import/make-fixtures.mjs';
import { FIXTURE_DIR } from './_fixtures';

describe('fixture files', () => {
  const built = buildFixtures();

  it('are exactly what make-fixtures.mjs generates (re-run it after editing the script)', () => {
    for (const [name, bytes] of built) {
      const onDisk = new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
      expect(onDisk, name).toEqual(bytes);
    }
  });

  it('every generated fixture is present in the folder', () => {
    // Other fixtures may live here too (e.g. XLSX bombs written by other specs): not checked.
    const files = new Set(readdirSync(FIXTURE_DIR));
    for (const name of built.keys()) expect(files.has(name), name).toBe(true);
    expect(built.size).toBe(22);
  });

  it('generation is deterministic', () => {
    const again = buildFixtures();
    for (const [name, bytes] of built) expect(again.get(name), name).toEqual(bytes);
  });
});
