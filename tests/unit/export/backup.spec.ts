import { afterEach, describe, expect, it } from 'vitest';
import { restoreWorkspace, snapshotWorkspace } from '../../../src/lib/db/backup-store';
import * as repo from '../../../src/lib/db/repo';
import type { PodiumDB } from '../../../src/lib/db/schema';
import {
  BACKUP_VERSION,
  parseBackup,
  serializeBackup,
  type Backup
} from '../../../src/lib/export/backup';
import { createEngine } from '../../../src/lib/worker/engine';
import { freshDb } from '../db/helpers';

let db: PodiumDB;
afterEach(() => db?.close());

/** The backup without what legitimately changes on restore (ids, export time). */
function canonical(b: Backup): unknown {
  const ids = new Map(b.scenarios.map((s, i) => [s.id, `s${i}`]));
  return {
    ...b,
    exportedAt: null,
    workspace: { ...b.workspace, updatedAt: null },
    activeScenarioId: b.activeScenarioId ? ids.get(b.activeScenarioId) : null,
    scenarios: b.scenarios.map((s) => ({ ...s, id: ids.get(s.id) }))
  };
}

async function sampleWorkspace(size = 300): Promise<string> {
  const engine = createEngine(() => db);
  const { workspaceId } = await engine.createSampleWorkspace({
    name: 'Exemple',
    scenarioName: 'S1',
    size,
    seed: 3
  });
  const s2 = await repo.createScenario(db, workspaceId, 'Variante');
  await db.scenarios.update(s2.id, {
    model: { version: 1, notes: 'OR × 2 visites', segmentation: null, coverage: null, plan: null }
  });
  await repo.updateWorkspace(db, workspaceId, { activeScenarioId: s2.id });
  return workspaceId;
}

describe('backup round trip', () => {
  it('backup → restore → backup gives identical data', async () => {
    db = freshDb();
    const id = await sampleWorkspace();
    const first = await snapshotWorkspace(db, id);
    const text = serializeBackup(first);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.detail);
    // Delete the original, as a user would before restoring on a new device.
    await repo.softDeleteWorkspace(db, id);
    await repo.purgeDeleted(db, Date.now() + 1);
    const restored = await restoreWorkspace(db, parsed.backup);
    expect(restored.id).not.toBe(id);
    const second = await snapshotWorkspace(db, restored.id);
    expect(canonical(second)).toEqual(canonical(first));
    expect(second.dataset?.rowCount).toBe(300);
    expect(second.scenarios.find((s) => s.id === second.activeScenarioId)?.name).toBe('Variante');
  });

  it('keeps NaN (empty cells), leading zeros and accents exactly', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'Accentué é', 'S');
    await repo.writeDataset(
      db,
      ws.id,
      {
        rowCount: 3,
        columns: [
          { key: 'c0', name: 'SIREN', type: 'id', role: 'id' },
          { key: 'c1', name: 'CA', type: 'number', role: 'revenue' },
          { key: 'c2', name: 'Actif', type: 'boolean', role: null }
        ],
        values: {
          c0: { kind: 'str', values: ['001234567', 'Société Générale', ''] },
          c1: { kind: 'f64', values: Float64Array.from([NaN, -0.5, 1234.56]) },
          c2: { kind: 'u8', values: Uint8Array.from([1, 0, 255]) }
        }
      },
      { kind: 'file', fileName: 'clients.csv' },
      { activate: true }
    );
    const parsed = parseBackup(serializeBackup(await snapshotWorkspace(db, ws.id)));
    if (!parsed.ok) throw new Error(parsed.detail);
    const r = await restoreWorkspace(db, parsed.backup);
    const ds = await repo.readDataset(db, r.activeDatasetId!);
    expect(ds?.table.values.c0).toEqual({
      kind: 'str',
      values: ['001234567', 'Société Générale', '']
    });
    const c1 = ds?.table.values.c1;
    if (c1?.kind !== 'f64') throw new Error('f64 expected');
    expect(Number.isNaN(c1.values[0])).toBe(true);
    expect(Array.from(c1.values.slice(1))).toEqual([-0.5, 1234.56]);
    expect(ds?.table.values.c2).toEqual({ kind: 'u8', values: Uint8Array.from([1, 0, 255]) });
  });
});

describe('parseBackup refuses bad files and changes nothing', () => {
  async function validText(): Promise<string> {
    const id = await sampleWorkspace(20);
    return serializeBackup(await snapshotWorkspace(db, id));
  }

  it('damaged JSON, truncated file, foreign file, future version, empty file', async () => {
    db = freshDb();
    const text = await validText();
    expect(parseBackup(text.slice(0, text.length / 2))).toMatchObject({
      ok: false,
      error: 'damaged'
    });
    expect(parseBackup('{"hello": "world"}')).toMatchObject({ ok: false, error: 'foreign' });
    expect(parseBackup('[1,2,3]')).toMatchObject({ ok: false, error: 'damaged' });
    const future = JSON.parse(text);
    future.version = BACKUP_VERSION + 1;
    expect(parseBackup(JSON.stringify(future))).toMatchObject({ ok: false, error: 'future' });
    expect(parseBackup('   ')).toMatchObject({ ok: false, error: 'empty' });
  });

  it('a column with the wrong number of values is damaged', async () => {
    db = freshDb();
    const b = JSON.parse(await validText());
    b.dataset.data.c4.values.pop();
    const r = parseBackup(JSON.stringify(b));
    expect(r).toMatchObject({ ok: false, error: 'damaged' });
    if (!r.ok) expect(r.detail).toContain('Effectif');
  });

  it('the engine restores nothing from a bad file', async () => {
    db = freshDb();
    const engine = createEngine(() => db);
    const before = await db.workspaces.count();
    const r = await engine.restoreBackup({
      text: '{"format":"podium-backup","version":1,"workspace":{}}'
    });
    expect(r.ok).toBe(false);
    expect(await db.workspaces.count()).toBe(before);
    expect(await db.datasets.count()).toBe(0);
  });

  it('__proto__ and constructor keys are harmless', async () => {
    db = freshDb();
    const text = await validText();
    const hostile = text
      .replace(
        '"format":',
        '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"format":'
      )
      .replace('"data":{', '"data":{"__proto__":{"polluted":"yes"},');
    const withModel = JSON.parse(hostile);
    withModel.scenarios[0].model = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"notes":"ok","version":1}'
    );
    const r = parseBackup(JSON.stringify(withModel));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!r.ok) return;
    const restored = await restoreWorkspace(db, r.backup);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await repo.listScenarios(db, restored.id))[0].model.notes).toBe('ok');
  });
});
