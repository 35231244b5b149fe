import { describe, expect, it } from 'vitest';
import { listScenarios, listWorkspaces, readDataset } from '../../../src/lib/db/repo';
import { openDatabase } from '../../../src/lib/db/schema';
import { encodeColumn } from '../../../src/lib/db/column-codec';
import { createFixtureDb } from './helpers';

/**
 * Schema migrations: each past version gets a fixture database written with raw IndexedDB, then
 * opened by the current code. Version 2 only added the `plans` table, so the version-1 fixture
 * must come through untouched with an empty plans table.
 */
const V1_STORES = {
  workspaces: { keyPath: 'id', indexes: [['updatedAt', 'updatedAt']] as Array<[string, string]> },
  scenarios: {
    keyPath: 'id',
    indexes: [['workspaceId', 'workspaceId']] as Array<[string, string]>
  },
  datasets: { keyPath: 'id', indexes: [['workspaceId', 'workspaceId']] as Array<[string, string]> },
  chunks: {
    keyPath: ['datasetId', 'index'],
    indexes: [['datasetId', 'datasetId']] as Array<[string, string]>
  },
  settings: { keyPath: 'key' }
};

describe('schema v1 fixture opened by the current code', () => {
  it('reads every record of a version-1 database', async () => {
    const name = await createFixtureDb(1, V1_STORES, {
      workspaces: [
        {
          id: 'w1',
          name: 'Ancienne',
          createdAt: 1,
          updatedAt: 2,
          activeDatasetId: 'd1',
          previousDatasetId: null,
          activeScenarioId: 's1',
          deletedAt: null
        }
      ],
      scenarios: [
        {
          id: 's1',
          workspaceId: 'w1',
          name: 'Base',
          createdAt: 1,
          updatedAt: 1,
          position: 0,
          model: { version: 1, notes: '' }
        }
      ],
      datasets: [
        {
          id: 'd1',
          workspaceId: 'w1',
          createdAt: 1,
          source: { kind: 'file', fileName: 'a.csv' },
          rowCount: 2,
          columns: [{ key: 'c0', name: 'SIREN', type: 'id', role: 'id' }],
          dicts: {},
          chunkCount: 1,
          complete: true
        }
      ],
      chunks: [
        {
          datasetId: 'd1',
          index: 0,
          rowCount: 2,
          data: { c0: encodeColumn({ kind: 'str', values: ['012345678', '987654321'] }) }
        }
      ],
      settings: [{ key: 'activeWorkspaceId', value: 'w1' }]
    });
    const db = openDatabase(name);
    expect((await listWorkspaces(db)).map((w) => w.name)).toEqual(['Ancienne']);
    expect((await listScenarios(db, 'w1')).map((s) => s.name)).toEqual(['Base']);
    const ds = await readDataset(db, 'd1');
    expect(ds?.table.values.c0).toEqual({ kind: 'str', values: ['012345678', '987654321'] });
    // Version 2 added the plans table: present, empty, and usable on the upgraded database.
    expect(db.verno).toBe(2);
    expect(await db.plans.count()).toBe(0);
    await db.plans.put({ scenarioId: 's1', workspaceId: 'w1' } as never);
    expect((await db.plans.where('workspaceId').equals('w1').primaryKeys()).length).toBe(1);
    db.close();
  });
});
