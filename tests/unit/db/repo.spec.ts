import { afterEach, describe, expect, it } from 'vitest';
import * as repo from '../../../src/lib/db/repo';
import { CHUNK_ROWS, type PodiumDB } from '../../../src/lib/db/schema';
import type { AccountTable } from '../../../src/lib/domain/table';
import { freshDb } from './helpers';

function table(rows: number, seed = 1): AccountTable {
  return {
    rowCount: rows,
    columns: [
      { key: 'c0', name: 'SIREN', type: 'id', role: 'id' },
      { key: 'c1', name: 'CA', type: 'number', role: 'revenue' },
      { key: 'c2', name: 'Secteur', type: 'category', role: 'sector' },
      { key: 'c3', name: 'Actif', type: 'boolean', role: null }
    ],
    values: {
      c0: {
        kind: 'str',
        values: Array.from({ length: rows }, (_, i) => String(i * seed).padStart(9, '0'))
      },
      c1: {
        kind: 'f64',
        values: Float64Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? NaN : i * 1.5 * seed))
      },
      c2: {
        kind: 'dict',
        dict: ['Chimie', 'Énergie', ''],
        codes: Uint32Array.from({ length: rows }, (_, i) => i % 3)
      },
      c3: { kind: 'u8', values: Uint8Array.from({ length: rows }, (_, i) => [0, 1, 255][i % 3]) }
    }
  };
}

let db: PodiumDB;
afterEach(() => db?.close());

describe('workspaces', () => {
  it('creates a workspace with one active scenario, renames and lists it', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'Ma PME', 'Scénario 1');
    const scenarios = await repo.listScenarios(db, ws.id);
    expect(scenarios.map((s) => s.name)).toEqual(['Scénario 1']);
    expect(ws.activeScenarioId).toBe(scenarios[0].id);
    await repo.updateWorkspace(db, ws.id, { name: 'Renommée' });
    expect((await repo.listWorkspaces(db)).map((w) => w.name)).toEqual(['Renommée']);
  });

  it('saves each part of a scenario model without losing the others, even in parallel', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    const id = ws.activeScenarioId as string;
    const before = (await db.scenarios.get(id))!;
    await Promise.all([
      repo.saveScenarioPart(db, id, 'notes', 'OR × 2 visites'),
      repo.saveScenarioPart(db, id, 'plan', {
        start: 20_000,
        months: 6,
        alsaceMoselle: false,
        reps: [],
        assign: {},
        overrides: {}
      })
    ]);
    const after = (await db.scenarios.get(id))!;
    expect(after.model.notes).toBe('OR × 2 visites');
    expect(after.model.plan?.months).toBe(6);
    expect(after.model.version).toBe(before.model.version);
    expect(after.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);
  });

  it('soft-deletes with undo, then purges everything the workspace owned', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    await repo.writeDataset(
      db,
      ws.id,
      table(10),
      { kind: 'sample', fileName: null },
      { activate: true }
    );
    await repo.softDeleteWorkspace(db, ws.id);
    expect(await repo.listWorkspaces(db)).toEqual([]);
    await repo.undeleteWorkspace(db, ws.id);
    expect((await repo.listWorkspaces(db)).map((w) => w.id)).toEqual([ws.id]);
    await repo.softDeleteWorkspace(db, ws.id);
    expect(await repo.purgeDeleted(db, Date.now() + 1)).toBe(1);
    expect(await db.workspaces.count()).toBe(0);
    expect(await db.scenarios.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  it('does not purge a workspace still inside its undo window', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    await repo.softDeleteWorkspace(db, ws.id);
    expect(await repo.purgeDeleted(db, Date.now() - 10_000)).toBe(0);
    await repo.undeleteWorkspace(db, ws.id);
    expect(await repo.getWorkspace(db, ws.id)).toBeDefined();
  });

  it('duplicates a workspace with its scenarios and dataset, independent of the original', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    await repo.createScenario(db, ws.id, 'S2');
    await repo.writeDataset(
      db,
      ws.id,
      table(20),
      { kind: 'sample', fileName: null },
      { activate: true }
    );
    const copy = await repo.duplicateWorkspace(db, ws.id, 'A (copie)');
    expect((await repo.listScenarios(db, copy.id)).map((s) => s.name)).toEqual(['S1', 'S2']);
    const read = await repo.readDataset(db, copy.activeDatasetId!);
    expect(read?.table.rowCount).toBe(20);
    await repo.softDeleteWorkspace(db, ws.id);
    await repo.purgeDeleted(db, Date.now() + 1);
    expect((await repo.readDataset(db, copy.activeDatasetId!))?.table.rowCount).toBe(20);
  });
});

describe('scenarios', () => {
  it('creates, duplicates (deep copy), renames and deletes, never the last one', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    const [s1] = await repo.listScenarios(db, ws.id);
    s1.model.notes = 'hypothèse prudente';
    await db.scenarios.put(s1);
    const s2 = await repo.createScenario(db, ws.id, 'Copie', s1);
    expect(s2.model).toEqual(s1.model);
    expect(s2.model).not.toBe(s1.model);
    await repo.renameScenario(db, s2.id, 'Ambitieux');
    expect((await repo.listScenarios(db, ws.id)).map((s) => s.name)).toEqual(['S1', 'Ambitieux']);
    expect(await repo.deleteScenario(db, s1.id)).toBe(true);
    expect(await repo.deleteScenario(db, s2.id)).toBe(false);
    expect((await repo.listScenarios(db, ws.id)).map((s) => s.name)).toEqual(['Ambitieux']);
  });

  it('moves the active scenario when the active one is deleted', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    const s2 = await repo.createScenario(db, ws.id, 'S2');
    await repo.deleteScenario(db, ws.activeScenarioId!);
    expect((await repo.getWorkspace(db, ws.id))?.activeScenarioId).toBe(s2.id);
  });
});

describe('datasets as column chunks', () => {
  it('round-trips every kind of column across several chunks, exactly', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    const rows = CHUNK_ROWS * 2 + 123;
    const t = table(rows);
    const rec = await repo.writeDataset(
      db,
      ws.id,
      t,
      { kind: 'file', fileName: 'clients.csv' },
      { activate: true }
    );
    expect(rec.chunkCount).toBe(3);
    expect(await db.chunks.where('datasetId').equals(rec.id).count()).toBe(3);
    const read = await repo.readDataset(db, rec.id);
    expect(read?.table.rowCount).toBe(rows);
    expect(read?.table.values).toEqual(t.values);
    expect((await repo.getWorkspace(db, ws.id))?.activeDatasetId).toBe(rec.id);
  });

  it('keeps the previous dataset active and intact when a write fails midway', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    const first = await repo.writeDataset(
      db,
      ws.id,
      table(100),
      { kind: 'sample', fileName: null },
      { activate: true }
    );
    const big = table(CHUNK_ROWS * 2 + 5, 3);
    await expect(
      repo.writeDataset(
        db,
        ws.id,
        big,
        { kind: 'file', fileName: 'x.csv' },
        {
          activate: true,
          onChunk: (done) => {
            if (done > CHUNK_ROWS) throw new Error('disk full (injected)');
          }
        }
      )
    ).rejects.toThrow('injected');
    const after = await repo.getWorkspace(db, ws.id);
    expect(after?.activeDatasetId).toBe(first.id);
    expect((await repo.readDataset(db, first.id))?.table.values).toEqual(table(100).values);
    // The half-written dataset left nothing behind.
    expect(await db.datasets.count()).toBe(1);
    expect(await db.chunks.count()).toBe(1);
  });

  it('keeps one previous dataset for undo and removes older ones', async () => {
    db = freshDb();
    const ws = await repo.createWorkspace(db, 'A', 'S1');
    const a = await repo.writeDataset(
      db,
      ws.id,
      table(5, 1),
      { kind: 'sample', fileName: null },
      { activate: true }
    );
    const b = await repo.writeDataset(
      db,
      ws.id,
      table(5, 2),
      { kind: 'file', fileName: 'b.csv' },
      { activate: true }
    );
    let w = await repo.getWorkspace(db, ws.id);
    expect([w?.activeDatasetId, w?.previousDatasetId]).toEqual([b.id, a.id]);
    const c = await repo.writeDataset(
      db,
      ws.id,
      table(5, 3),
      { kind: 'file', fileName: 'c.csv' },
      { activate: true }
    );
    w = await repo.getWorkspace(db, ws.id);
    expect([w?.activeDatasetId, w?.previousDatasetId]).toEqual([c.id, b.id]);
    expect(await db.datasets.get(a.id)).toBeUndefined();
  });
});

describe('settings', () => {
  it('stores and reads back values, with a fallback', async () => {
    db = freshDb();
    expect(await repo.getSetting(db, 'x', 42)).toBe(42);
    await repo.setSetting(db, 'x', { a: 1 });
    expect(await repo.getSetting(db, 'x', null)).toEqual({ a: 1 });
  });
});
