/**
 * Repository functions over the Dexie database: every read and write of workspaces, scenarios,
 * datasets and settings goes through here (main thread for small records, worker for datasets).
 */
import type { ColumnMeta, ColumnValues } from '../domain/columns';
import { defaultScenarioModel, type ScenarioModel } from '../domain/scenario';
import type { AccountTable } from '../domain/table';
import { concatColumn, sliceColumn } from '../domain/table';
import { decodeColumn, encodeColumn } from './column-codec';
import type {
  ChunkRecord,
  DatasetRecord,
  PodiumDB,
  ScenarioRecord,
  StoredColumn,
  WorkspaceRecord
} from './schema';
import { CHUNK_ROWS, newId } from './schema';

/** Workspaces not deleted, most recently updated first. */
export async function listWorkspaces(db: PodiumDB): Promise<WorkspaceRecord[]> {
  const all = await db.workspaces.toArray();
  return all.filter((w) => w.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function getWorkspace(db: PodiumDB, id: string): Promise<WorkspaceRecord | undefined> {
  const w = await db.workspaces.get(id);
  return w && w.deletedAt === null ? w : undefined;
}

/** Creates an empty workspace with one default scenario. */
export async function createWorkspace(
  db: PodiumDB,
  name: string,
  scenarioName: string
): Promise<WorkspaceRecord> {
  const now = Date.now();
  const ws: WorkspaceRecord = {
    id: newId(),
    name: name.trim() || 'Podium',
    createdAt: now,
    updatedAt: now,
    activeDatasetId: null,
    previousDatasetId: null,
    activeScenarioId: null,
    deletedAt: null
  };
  const scenario: ScenarioRecord = {
    id: newId(),
    workspaceId: ws.id,
    name: scenarioName,
    createdAt: now,
    updatedAt: now,
    position: 0,
    model: defaultScenarioModel()
  };
  ws.activeScenarioId = scenario.id;
  await db.transaction('rw', db.workspaces, db.scenarios, async () => {
    await db.workspaces.add(ws);
    await db.scenarios.add(scenario);
  });
  return ws;
}

export async function updateWorkspace(
  db: PodiumDB,
  id: string,
  changes: Partial<
    Pick<WorkspaceRecord, 'name' | 'activeScenarioId' | 'activeDatasetId' | 'previousDatasetId'>
  >
): Promise<void> {
  await db.workspaces.update(id, { ...changes, updatedAt: Date.now() });
}

/** Marks a workspace deleted; `restoreWorkspace` undoes it until `purgeDeleted` runs. */
export async function softDeleteWorkspace(db: PodiumDB, id: string): Promise<void> {
  await db.workspaces.update(id, { deletedAt: Date.now() });
}

export async function undeleteWorkspace(db: PodiumDB, id: string): Promise<void> {
  await db.workspaces.update(id, { deletedAt: null });
}

/** Removes for good the workspaces deleted before `before` (ms), with all they own. */
export async function purgeDeleted(db: PodiumDB, before: number): Promise<number> {
  const gone = (await db.workspaces.toArray()).filter(
    (w) => w.deletedAt !== null && w.deletedAt <= before
  );
  for (const w of gone) await removeWorkspaceData(db, w.id);
  return gone.length;
}

async function removeWorkspaceData(db: PodiumDB, workspaceId: string): Promise<void> {
  const datasets = await db.datasets.where('workspaceId').equals(workspaceId).primaryKeys();
  const tables = [db.workspaces, db.scenarios, db.datasets, db.chunks, db.plans];
  await db.transaction('rw', tables, async () => {
    for (const id of datasets) await db.chunks.where('datasetId').equals(id).delete();
    await db.datasets.bulkDelete(datasets);
    await db.plans.where('workspaceId').equals(workspaceId).delete();
    await db.scenarios.where('workspaceId').equals(workspaceId).delete();
    await db.workspaces.delete(workspaceId);
  });
}

// ——— Scenarios ———

export async function listScenarios(db: PodiumDB, workspaceId: string): Promise<ScenarioRecord[]> {
  const list = await db.scenarios.where('workspaceId').equals(workspaceId).toArray();
  return list.sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
}

export async function createScenario(
  db: PodiumDB,
  workspaceId: string,
  name: string,
  from?: ScenarioRecord
): Promise<ScenarioRecord> {
  const now = Date.now();
  const existing = await listScenarios(db, workspaceId);
  const scenario: ScenarioRecord = {
    id: newId(),
    workspaceId,
    name: name.trim() || `Scénario ${existing.length + 1}`,
    createdAt: now,
    updatedAt: now,
    position: existing.reduce((m, s) => Math.max(m, s.position + 1), 0),
    model: from ? structuredClone(from.model) : defaultScenarioModel()
  };
  await db.scenarios.add(scenario);
  await db.workspaces.update(workspaceId, { updatedAt: now });
  return scenario;
}

export async function renameScenario(db: PodiumDB, id: string, name: string): Promise<void> {
  if (!name.trim()) return;
  await db.scenarios.update(id, { name: name.trim(), updatedAt: Date.now() });
}

/**
 * Stores one part of a scenario's model (`segmentation`, `coverage`, `plan`…) by key path: no
 * read first, and a save of another part in flight cannot put back an older copy of this one.
 */
export async function saveScenarioPart<K extends keyof ScenarioModel>(
  db: PodiumDB,
  id: string,
  part: K,
  value: ScenarioModel[K]
): Promise<void> {
  await db.scenarios.update(id, { [`model.${part}`]: value, updatedAt: Date.now() });
}

/** Deletes a scenario; the last scenario of a workspace cannot be deleted (returns false). */
export async function deleteScenario(db: PodiumDB, id: string): Promise<boolean> {
  const s = await db.scenarios.get(id);
  if (!s) return false;
  const siblings = await listScenarios(db, s.workspaceId);
  if (siblings.length <= 1) return false;
  await db.transaction('rw', db.scenarios, db.workspaces, db.plans, async () => {
    await db.scenarios.delete(id);
    await db.plans.delete(id);
    const ws = await db.workspaces.get(s.workspaceId);
    if (ws && ws.activeScenarioId === id) {
      const next = siblings.find((x) => x.id !== id);
      await db.workspaces.update(ws.id, { activeScenarioId: next ? next.id : null });
    }
  });
  return true;
}

// ——— Datasets ———

/**
 * Stores a table as a new dataset of `workspaceId`, chunk by chunk, then (if `activate`) switches
 * the workspace to it in one small strict write, keeping the previous one for undo. Until that
 * switch the new dataset is invisible: a failure leaves the previous dataset active and intact.
 */
export async function writeDataset(
  db: PodiumDB,
  workspaceId: string,
  table: AccountTable,
  source: DatasetRecord['source'],
  options: { activate: boolean; onChunk?: (written: number) => void }
): Promise<DatasetRecord> {
  const dicts: Record<string, string[]> = {};
  for (const c of table.columns) {
    const v = table.values[c.key];
    if (v.kind === 'dict') dicts[c.key] = v.dict;
  }
  const chunkCount = Math.max(1, Math.ceil(table.rowCount / CHUNK_ROWS));
  const record: DatasetRecord = {
    id: newId(),
    workspaceId,
    createdAt: Date.now(),
    source,
    rowCount: table.rowCount,
    columns: table.columns.map((c) => ({ ...c })),
    dicts,
    chunkCount,
    complete: false
  };
  await db.datasets.add(record);
  try {
    for (let index = 0; index < chunkCount; index++) {
      const start = index * CHUNK_ROWS;
      const end = Math.min(table.rowCount, start + CHUNK_ROWS);
      const data: Record<string, StoredColumn> = {};
      for (const c of table.columns)
        data[c.key] = encodeColumn(sliceColumn(table.values[c.key], start, end));
      const chunk: ChunkRecord = { datasetId: record.id, index, rowCount: end - start, data };
      await db.chunks.put(chunk);
      options.onChunk?.(end);
    }
    await db.transaction('rw', [db.datasets, db.workspaces, db.chunks], async () => {
      await db.datasets.update(record.id, { complete: true });
      if (options.activate) await activateDataset(db, workspaceId, record.id);
    });
  } catch (error) {
    await deleteDataset(db, record.id).catch(() => undefined);
    throw error;
  }
  record.complete = true;
  return record;
}

/** Makes `datasetId` the active dataset; the previous active one becomes the undo target. */
async function activateDataset(
  db: PodiumDB,
  workspaceId: string,
  datasetId: string
): Promise<void> {
  const ws = await db.workspaces.get(workspaceId);
  if (!ws) throw new Error(`workspace ${workspaceId} not found`);
  const old = ws.previousDatasetId;
  await db.workspaces.update(workspaceId, {
    previousDatasetId: ws.activeDatasetId,
    activeDatasetId: datasetId,
    updatedAt: Date.now()
  });
  // Only one step of undo is kept: the dataset two imports back is removed.
  if (old && old !== datasetId) {
    await db.chunks.where('datasetId').equals(old).delete();
    await db.datasets.delete(old);
  }
}

/** Swaps the active and previous datasets (undo of the last import); returns the new active id. */
export async function revertDataset(db: PodiumDB, workspaceId: string): Promise<string | null> {
  return db.transaction('rw', db.workspaces, async () => {
    const ws = await db.workspaces.get(workspaceId);
    if (!ws || !ws.previousDatasetId) return ws?.activeDatasetId ?? null;
    await db.workspaces.update(workspaceId, {
      activeDatasetId: ws.previousDatasetId,
      previousDatasetId: ws.activeDatasetId,
      updatedAt: Date.now()
    });
    return ws.previousDatasetId;
  });
}

/**
 * Removes datasets left incomplete by a closed tab or a crash mid-import, once they are older
 * than `before` (ms) — a younger one may be another tab's import still being written.
 */
export async function purgeIncompleteDatasets(db: PodiumDB, before: number): Promise<number> {
  const incomplete = (await db.datasets.toArray()).filter(
    (d) => !d.complete && d.createdAt < before
  );
  for (const d of incomplete) await deleteDataset(db, d.id);
  return incomplete.length;
}

export async function deleteDataset(db: PodiumDB, datasetId: string): Promise<void> {
  await db.transaction('rw', db.datasets, db.chunks, async () => {
    await db.chunks.where('datasetId').equals(datasetId).delete();
    await db.datasets.delete(datasetId);
  });
}

/** Reads a complete dataset back into a resident table. */
export async function readDataset(
  db: PodiumDB,
  datasetId: string
): Promise<{ record: DatasetRecord; table: AccountTable } | null> {
  const record = await db.datasets.get(datasetId);
  if (!record || !record.complete) return null;
  const chunks = await db.chunks.where('datasetId').equals(datasetId).sortBy('index');
  const values: Record<string, ColumnValues> = {};
  for (const c of record.columns) {
    const parts = chunks.map((ch) => decodeColumn(ch.data[c.key], record.dicts[c.key]));
    values[c.key] = concatParts(parts);
  }
  return {
    record,
    table: {
      rowCount: record.rowCount,
      columns: record.columns.map((c: ColumnMeta) => ({ ...c })),
      values
    }
  };
}

function concatParts(parts: ColumnValues[]): ColumnValues {
  return parts.length === 1 ? parts[0] : concatColumn(parts);
}

/** Copies a workspace with its scenarios and active dataset under a new name. */
export async function duplicateWorkspace(
  db: PodiumDB,
  id: string,
  name: string
): Promise<WorkspaceRecord> {
  const src = await db.workspaces.get(id);
  if (!src) throw new Error(`workspace ${id} not found`);
  const now = Date.now();
  const copy: WorkspaceRecord = {
    ...src,
    id: newId(),
    name,
    createdAt: now,
    updatedAt: now,
    activeDatasetId: null,
    previousDatasetId: null,
    activeScenarioId: null,
    deletedAt: null
  };
  const scenarios = await listScenarios(db, id);
  const idMap = new Map<string, string>();
  const newScenarios = scenarios.map((s) => {
    const nid = newId();
    idMap.set(s.id, nid);
    return { ...structuredClone(s), id: nid, workspaceId: copy.id };
  });
  copy.activeScenarioId = src.activeScenarioId ? (idMap.get(src.activeScenarioId) ?? null) : null;
  let datasetCopy: { rec: DatasetRecord; chunks: ChunkRecord[] } | null = null;
  if (src.activeDatasetId) {
    const rec = await db.datasets.get(src.activeDatasetId);
    if (rec) {
      const chunks = await db.chunks.where('datasetId').equals(rec.id).toArray();
      const did = newId();
      datasetCopy = {
        rec: { ...rec, id: did, workspaceId: copy.id, createdAt: now },
        chunks: chunks.map((c) => ({ ...c, datasetId: did }))
      };
      copy.activeDatasetId = did;
    }
  }
  await db.transaction('rw', [db.workspaces, db.scenarios, db.datasets, db.chunks], async () => {
    await db.workspaces.add(copy);
    await db.scenarios.bulkAdd(newScenarios);
    if (datasetCopy) {
      await db.datasets.add(datasetCopy.rec);
      await db.chunks.bulkAdd(datasetCopy.chunks);
    }
  });
  return copy;
}

// ——— Settings ———

export async function getSetting<T>(db: PodiumDB, key: string, fallback: T): Promise<T> {
  const rec = await db.settings.get(key);
  return rec === undefined ? fallback : (rec.value as T);
}

export async function setSetting(db: PodiumDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
