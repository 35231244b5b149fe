/**
 * The Dexie database: every version of the schema and its upgrade live in this file, append-only.
 * Each upgrade is tested on a fixture database of the previous version (tests/unit/db-*.spec.ts).
 *
 * Accounts are never stored one record per row: a dataset is a small meta record plus column
 * chunks of CHUNK_ROWS rows, each column an ArrayBuffer (see column-codec.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ColumnMeta } from '../domain/columns';
import type { ScenarioModel } from '../domain/scenario';
import type { PlanRep, PlanResult, RepStats } from '../domain/plan';
import type { ActionDef, Role } from '../domain/coverage';

export const DB_NAME = 'podium';
export const CHUNK_ROWS = 65_536;

export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** The dataset the app shows; switched in one small write after an import is fully stored. */
  activeDatasetId: string | null;
  /** The dataset before the last import, kept for "Revenir à l'import précédent". */
  previousDatasetId: string | null;
  activeScenarioId: string | null;
  /** Set when deleted; the record is purged once the undo window has passed. */
  deletedAt: number | null;
}

export interface ScenarioRecord {
  id: string;
  workspaceId: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Order in the workspace's scenario list. */
  position: number;
  model: ScenarioModel;
}

export interface DatasetRecord {
  id: string;
  workspaceId: string;
  createdAt: number;
  source: { kind: 'sample' | 'file' | 'backup'; fileName: string | null };
  rowCount: number;
  columns: ColumnMeta[];
  /** Dictionaries of `dict` columns, by column key. */
  dicts: Record<string, string[]>;
  chunkCount: number;
  /** False until every chunk is written: an incomplete dataset is never activated. */
  complete: boolean;
}

export type StoredColumn =
  | { kind: 'f64'; buf: ArrayBuffer }
  | { kind: 'u8'; buf: ArrayBuffer }
  | { kind: 'dict'; buf: ArrayBuffer }
  | { kind: 'str'; bytes: ArrayBuffer; offsets: ArrayBuffer }
  /** Text joined with U+0000 separators, one UTF-8 buffer (used when no value contains U+0000). */
  | { kind: 'strj'; bytes: ArrayBuffer; count: number };

export interface ChunkRecord {
  datasetId: string;
  index: number;
  rowCount: number;
  data: Record<string, StoredColumn>;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * The accepted action plan of a scenario, as it was accepted: a snapshot of the reps, actions,
 * segments and accounts it was made from, and every planned action as typed columns. A new
 * generation never touches it until the manager accepts the new one.
 */
export interface PlanRecord extends Pick<
  PlanResult,
  | 'start'
  | 'end'
  | 'week0'
  | 'weeks'
  | 'owner'
  | 'items'
  | 'weekLoad'
  | 'weekCapacity'
  | 'monthStarts'
  | 'monthLoad'
  | 'monthCapacity'
  | 'modelHours'
  | 'issues'
> {
  scenarioId: string;
  workspaceId: string;
  createdAt: number;
  acceptedAt: number;
  /** Last change by hand (moved, done) after generation. */
  updatedAt?: number;
  datasetId: string;
  /** Key of the inputs (segmentation, coverage, plan settings): tells when it is out of date. */
  modelKey: string;
  months: number;
  alsaceMoselle: boolean;
  reps: PlanRep[];
  actions: Array<Pick<ActionDef, 'id' | 'name' | 'channel' | 'minutes' | 'travelMinutes'>>;
  segments: Array<{ id: string; name: string; color: string }>;
  accounts: {
    ids: string[];
    names: string[];
    segment: Uint8Array;
    area: string[];
    city: string[];
    postcode: string[];
  };
  /** The manual reassignments this plan was made with (restored when a draft is dropped). */
  assign: Record<string, Partial<Record<Role, string>>>;
  /** Per rep, as generated (hand moves update them). */
  stats: RepStats[];
}

export type PodiumDB = Dexie & {
  workspaces: EntityTable<WorkspaceRecord, 'id'>;
  scenarios: EntityTable<ScenarioRecord, 'id'>;
  datasets: EntityTable<DatasetRecord, 'id'>;
  chunks: Dexie.Table<ChunkRecord, [string, number]>;
  settings: EntityTable<SettingRecord, 'key'>;
  plans: EntityTable<PlanRecord, 'scenarioId'>;
};

/**
 * Tables whose records belong to one workspace through a `workspaceId` field. Backup, restore,
 * duplicate and delete walk this list, so a table added here is carried by all of them.
 */
export const WORKSPACE_TABLES = ['scenarios'] as const;
export type WorkspaceTable = (typeof WORKSPACE_TABLES)[number];

/** Opens (and upgrades) the database. `name` lets tests use a fresh database each. */
export function openDatabase(name = DB_NAME): PodiumDB {
  // Chromium defaults to relaxed durability; the switch of dataset and settings must survive a crash.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as PodiumDB;
  // Version 1 — the foundation.
  db.version(1).stores({
    workspaces: 'id, updatedAt',
    scenarios: 'id, workspaceId',
    datasets: 'id, workspaceId',
    chunks: '[datasetId+index], datasetId',
    settings: 'key'
  });
  // Version 2 — accepted action plans, one per scenario. Nothing to convert: the table is new.
  db.version(2).stores({ plans: 'scenarioId, workspaceId' });
  return db;
}

/** A random id (UUID v4 where crypto.randomUUID exists). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
