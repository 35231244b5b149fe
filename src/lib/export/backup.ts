/**
 * The `.podium` backup file: one JSON document holding a whole workspace (its scenarios, every
 * workspace table, and the active dataset as plain column arrays). Versioned; `parseBackup`
 * validates, normalises and upgrades anything loaded, and returns an error code instead of
 * throwing on a damaged, foreign or future-version file.
 */
import type { ColumnMeta, ColumnRole, ColumnType, ColumnValues } from '../domain/columns';
import { BOOL_EMPTY, COLUMN_ROLES } from '../domain/columns';
import { normalizeScenarioModel, type ScenarioModel } from '../domain/scenario';
import type { AccountTable } from '../domain/table';

export const BACKUP_FORMAT = 'podium-backup';
export const BACKUP_VERSION = 1;

export interface BackupScenario {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  position: number;
  model: ScenarioModel;
}

export type BackupColumn =
  | { kind: 'f64'; values: Array<number | null> }
  | { kind: 'u8'; values: Array<boolean | null> }
  | { kind: 'str'; values: string[] }
  | { kind: 'dict'; dict: string[]; codes: number[] };

export interface BackupDataset {
  createdAt: number;
  source: { kind: 'sample' | 'file' | 'backup'; fileName: string | null };
  rowCount: number;
  columns: ColumnMeta[];
  data: Record<string, BackupColumn>;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  workspace: { name: string; createdAt: number; updatedAt: number };
  activeScenarioId: string | null;
  scenarios: BackupScenario[];
  dataset: BackupDataset | null;
}

export type BackupError = 'damaged' | 'foreign' | 'future' | 'empty';
export type ParseResult =
  { ok: true; backup: Backup } | { ok: false; error: BackupError; detail: string };

export function columnToBackup(v: ColumnValues): BackupColumn {
  switch (v.kind) {
    case 'f64':
      return { kind: 'f64', values: Array.from(v.values, (x) => (Number.isNaN(x) ? null : x)) };
    case 'u8':
      return {
        kind: 'u8',
        values: Array.from(v.values, (x) => (x === BOOL_EMPTY ? null : x === 1))
      };
    case 'str':
      return { kind: 'str', values: [...v.values] };
    case 'dict':
      return { kind: 'dict', dict: [...v.dict], codes: Array.from(v.codes) };
  }
}

export function columnFromBackup(c: BackupColumn): ColumnValues {
  switch (c.kind) {
    case 'f64':
      return { kind: 'f64', values: Float64Array.from(c.values, (x) => (x === null ? NaN : x)) };
    case 'u8':
      return {
        kind: 'u8',
        values: Uint8Array.from(c.values, (x) => (x === null ? BOOL_EMPTY : x ? 1 : 0))
      };
    case 'str':
      return { kind: 'str', values: [...c.values] };
    case 'dict':
      return { kind: 'dict', dict: [...c.dict], codes: Uint32Array.from(c.codes) };
  }
}

export function tableFromBackup(d: BackupDataset): AccountTable {
  const values: Record<string, ColumnValues> = {};
  for (const c of d.columns) values[c.key] = columnFromBackup(d.data[c.key]);
  return { rowCount: d.rowCount, columns: d.columns.map((c) => ({ ...c })), values };
}

/** Serialises a backup (stable key order, so the same data gives the same file). */
export function serializeBackup(b: Backup): string {
  return JSON.stringify(b);
}

// ——— Validation ———

class Invalid extends Error {}

function fail(detail: string): never {
  throw new Invalid(detail);
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(`${where}: objet attendu`);
  return v as Record<string, unknown>;
}

function str(v: unknown, where: string, max = 100_000): string {
  if (typeof v !== 'string') fail(`${where}: texte attendu`);
  return v.slice(0, max);
}

function num(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where}: nombre attendu`);
  return v;
}

function arr(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) fail(`${where}: liste attendue`);
  return v;
}

const TYPES: readonly ColumnType[] = ['number', 'date', 'boolean', 'id', 'category', 'text'];

function parseColumnMeta(v: unknown, i: number): ColumnMeta {
  const o = obj(v, `colonne ${i + 1}`);
  const key = str(o.key, `colonne ${i + 1}.key`);
  if (!/^c\d{1,5}$/.test(key)) fail(`colonne ${i + 1}: clé invalide`);
  const type = str(o.type, `colonne ${i + 1}.type`) as ColumnType;
  if (!TYPES.includes(type)) fail(`colonne ${i + 1}: type inconnu`);
  const role = o.role === null || o.role === undefined ? null : (str(o.role, 'role') as ColumnRole);
  if (role !== null && !COLUMN_ROLES.includes(role)) fail(`colonne ${i + 1}: rôle inconnu`);
  return { key, name: str(o.name, `colonne ${i + 1}.name`, 500), type, role };
}

function parseColumnData(v: unknown, rowCount: number, where: string): BackupColumn {
  const o = obj(v, where);
  const kind = o.kind;
  if (kind === 'f64') {
    const values = arr(o.values, where).map((x) => (x === null ? null : num(x, where)));
    if (values.length !== rowCount)
      fail(`${where}: ${values.length} valeurs pour ${rowCount} lignes`);
    return { kind, values };
  }
  if (kind === 'u8') {
    const values = arr(o.values, where).map((x) => (x === null ? null : x === true));
    if (values.length !== rowCount)
      fail(`${where}: ${values.length} valeurs pour ${rowCount} lignes`);
    return { kind, values };
  }
  if (kind === 'str') {
    const values = arr(o.values, where).map((x) => str(x, where));
    if (values.length !== rowCount)
      fail(`${where}: ${values.length} valeurs pour ${rowCount} lignes`);
    return { kind, values };
  }
  if (kind === 'dict') {
    const dict = arr(o.dict, where).map((x) => str(x, where));
    const codes = arr(o.codes, where).map((x) => {
      const n = num(x, where);
      if (!Number.isInteger(n) || n < 0 || n >= Math.max(1, dict.length))
        fail(`${where}: code hors dictionnaire`);
      return n;
    });
    if (codes.length !== rowCount)
      fail(`${where}: ${codes.length} valeurs pour ${rowCount} lignes`);
    return { kind, dict, codes };
  }
  fail(`${where}: type de colonne inconnu`);
}

function parseDataset(v: unknown): BackupDataset | null {
  if (v === null || v === undefined) return null;
  const o = obj(v, 'dataset');
  const rowCount = num(o.rowCount, 'dataset.rowCount');
  if (!Number.isInteger(rowCount) || rowCount < 0) fail('dataset.rowCount invalide');
  const columns = arr(o.columns, 'dataset.columns').map(parseColumnMeta);
  if (new Set(columns.map((c) => c.key)).size !== columns.length)
    fail('dataset: clés de colonnes en double');
  const rawData = obj(o.data, 'dataset.data');
  // Only keys declared in `columns` are read: a `__proto__` entry in the file is never touched.
  const data: Record<string, BackupColumn> = {};
  for (const c of columns) {
    if (!Object.prototype.hasOwnProperty.call(rawData, c.key))
      fail(`dataset: colonne ${c.name} absente`);
    data[c.key] = parseColumnData(rawData[c.key], rowCount, `colonne « ${c.name} »`);
  }
  const src = o.source === undefined ? {} : obj(o.source, 'dataset.source');
  const kind =
    src.kind === 'sample' || src.kind === 'file' || src.kind === 'backup' ? src.kind : 'backup';
  return {
    createdAt: num(o.createdAt, 'dataset.createdAt'),
    source: {
      kind,
      fileName: typeof src.fileName === 'string' ? src.fileName.slice(0, 500) : null
    },
    rowCount,
    columns,
    data
  };
}

/** Validates and normalises a backup file's text. Never throws. */
export function parseBackup(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, error: 'empty', detail: '' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'damaged', detail: 'JSON' };
  }
  try {
    const o = obj(raw, 'fichier');
    if (o.format !== BACKUP_FORMAT)
      return { ok: false, error: 'foreign', detail: String(o.format ?? '') };
    const version = num(o.version, 'version');
    if (version > BACKUP_VERSION) return { ok: false, error: 'future', detail: String(version) };
    if (version < 1 || !Number.isInteger(version)) fail('version invalide');
    const ws = obj(o.workspace, 'workspace');
    const scenarios = arr(o.scenarios, 'scenarios').map((v, i): BackupScenario => {
      const s = obj(v, `scénario ${i + 1}`);
      return {
        id: str(s.id, `scénario ${i + 1}.id`, 200),
        name: str(s.name, `scénario ${i + 1}.name`, 200),
        createdAt: num(s.createdAt, 'createdAt'),
        updatedAt: num(s.updatedAt, 'updatedAt'),
        position: typeof s.position === 'number' && Number.isFinite(s.position) ? s.position : i,
        model: normalizeScenarioModel(s.model)
      };
    });
    if (scenarios.length === 0) fail('aucun scénario');
    if (new Set(scenarios.map((s) => s.id)).size !== scenarios.length) fail('scénarios en double');
    const active = typeof o.activeScenarioId === 'string' ? o.activeScenarioId : null;
    return {
      ok: true,
      backup: {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: typeof o.exportedAt === 'string' ? o.exportedAt : '',
        workspace: {
          name: str(ws.name, 'workspace.name', 200),
          createdAt: num(ws.createdAt, 'workspace.createdAt'),
          updatedAt: num(ws.updatedAt, 'workspace.updatedAt')
        },
        activeScenarioId:
          active && scenarios.some((s) => s.id === active) ? active : scenarios[0].id,
        scenarios,
        dataset: parseDataset(o.dataset)
      }
    };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: 'damaged', detail: e.message };
    throw e;
  }
}
