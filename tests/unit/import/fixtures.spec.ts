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

  it('the folder holds nothing else', () => {
    const files = readdirSync(FIXTURE_DIR)
      .filter((f) => f !== 'make-fixtures.mjs')
      .sort();
    expect(files).toEqual([...built.keys()].sort());
  });

  it('generation is deterministic', () => {
    const again = buildFixtures();
    for (const [name, bytes] of built) expect(again.get(name), name).toEqual(bytes);
  });
});
