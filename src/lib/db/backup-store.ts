/** Workspace ⇄ backup: snapshot a stored workspace, restore a parsed backup into a new one. */
import type { Backup } from '../export/backup';
import { BACKUP_FORMAT, BACKUP_VERSION, columnToBackup, tableFromBackup } from '../export/backup';
import { listScenarios, readDataset, writeDataset } from './repo';
import type { PodiumDB, ScenarioRecord, WorkspaceRecord } from './schema';
import { newId } from './schema';

export async function snapshotWorkspace(db: PodiumDB, workspaceId: string): Promise<Backup> {
  const ws = await db.workspaces.get(workspaceId);
  if (!ws) throw new Error(`workspace ${workspaceId} not found`);
  const scenarios = await listScenarios(db, workspaceId);
  const ds = ws.activeDatasetId ? await readDataset(db, ws.activeDatasetId) : null;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    workspace: { name: ws.name, createdAt: ws.createdAt, updatedAt: ws.updatedAt },
    activeScenarioId: ws.activeScenarioId,
    scenarios: scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      position: s.position,
      model: s.model
    })),
    dataset: ds
      ? {
          createdAt: ds.record.createdAt,
          source: ds.record.source,
          rowCount: ds.table.rowCount,
          columns: ds.table.columns,
          data: Object.fromEntries(
            ds.table.columns.map((c) => [c.key, columnToBackup(ds.table.values[c.key])])
          )
        }
      : null
  };
}

/**
 * Restores a validated backup into a NEW workspace (fresh ids; nothing existing is touched).
 * The workspace record is written last, so a failure midway leaves no visible workspace.
 */
export async function restoreWorkspace(db: PodiumDB, backup: Backup): Promise<WorkspaceRecord> {
  const now = Date.now();
  const wsId = newId();
  const idMap = new Map<string, string>();
  const scenarios: ScenarioRecord[] = backup.scenarios.map((s) => {
    const id = newId();
    idMap.set(s.id, id);
    return { ...s, id, workspaceId: wsId };
  });
  const ws: WorkspaceRecord = {
    id: wsId,
    name: backup.workspace.name,
    createdAt: backup.workspace.createdAt,
    updatedAt: now,
    activeDatasetId: null,
    previousDatasetId: null,
    activeScenarioId: backup.activeScenarioId ? (idMap.get(backup.activeScenarioId) ?? null) : null,
    deletedAt: now // hidden until complete
  };
  await db.workspaces.add(ws);
  try {
    await db.scenarios.bulkAdd(scenarios);
    if (backup.dataset) {
      const d = backup.dataset;
      const rec = await writeDataset(db, wsId, tableFromBackup(d), d.source, { activate: true });
      await db.datasets.update(rec.id, { createdAt: d.createdAt });
    }
    await db.workspaces.update(wsId, { deletedAt: null, updatedAt: now });
  } catch (e) {
    await db.scenarios.where('workspaceId').equals(wsId).delete();
    const ds = await db.datasets.where('workspaceId').equals(wsId).primaryKeys();
    for (const id of ds) await db.chunks.where('datasetId').equals(id).delete();
    await db.datasets.bulkDelete(ds);
    await db.workspaces.delete(wsId);
    throw e;
  }
  return (await db.workspaces.get(wsId)) as WorkspaceRecord;
}
