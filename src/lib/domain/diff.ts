/**
 * Re-import diff: a newer export of the same accounts, matched by account id (the `id` role),
 * against the dataset in place. Counts added, removed and changed accounts, and which fields
 * changed (compared by role, else by column name; numbers to the cent).
 */
import type { AccountTable, Cell } from './table';
import { cellAt } from './table';

export interface FieldChange {
  field: string;
  count: number;
}

export interface DatasetDiff {
  /** False when either side has no id column: no matching is possible. */
  matched: boolean;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  fields: FieldChange[];
  examples: {
    added: string[];
    removed: string[];
    changed: Array<{ id: string; field: string; before: Cell; after: Cell }>;
  };
}

function idIndex(t: AccountTable): Map<string, number> | null {
  const col = t.columns.find((c) => c.role === 'id');
  if (!col) return null;
  const v = t.values[col.key];
  const map = new Map<string, number>();
  for (let i = 0; i < t.rowCount; i++) {
    const id = cellAt(v, i);
    if (id !== null && !map.has(String(id))) map.set(String(id), i);
  }
  return map;
}

function same(a: Cell, b: Cell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return a === b;
}

const EXAMPLES = 5;

export function diffDatasets(before: AccountTable, after: AccountTable): DatasetDiff {
  const a = idIndex(before);
  const b = idIndex(after);
  const empty: DatasetDiff = {
    matched: false,
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    fields: [],
    examples: { added: [], removed: [], changed: [] }
  };
  if (!a || !b) return empty;
  // Pairs of columns compared: same role, else same header name.
  const pairs: Array<{ field: string; x: string; y: string }> = [];
  for (const c of after.columns) {
    if (c.role === 'id') continue;
    const match = before.columns.find((p) =>
      c.role ? p.role === c.role : p.role === null && p.name === c.name
    );
    if (match) pairs.push({ field: c.name, x: match.key, y: c.key });
  }
  const fieldCounts = new Map<string, number>();
  const diff: DatasetDiff = {
    ...empty,
    matched: true,
    examples: { added: [], removed: [], changed: [] }
  };
  for (const [id, j] of b) {
    const i = a.get(id);
    if (i === undefined) {
      diff.added++;
      if (diff.examples.added.length < EXAMPLES) diff.examples.added.push(id);
      continue;
    }
    let changed = false;
    for (const p of pairs) {
      const x = cellAt(before.values[p.x], i);
      const y = cellAt(after.values[p.y], j);
      if (!same(x, y)) {
        changed = true;
        fieldCounts.set(p.field, (fieldCounts.get(p.field) ?? 0) + 1);
        if (diff.examples.changed.length < EXAMPLES)
          diff.examples.changed.push({ id, field: p.field, before: x, after: y });
      }
    }
    if (changed) diff.changed++;
    else diff.unchanged++;
  }
  for (const id of a.keys()) {
    if (!b.has(id)) {
      diff.removed++;
      if (diff.examples.removed.length < EXAMPLES) diff.examples.removed.push(id);
    }
  }
  diff.fields = [...fieldCounts]
    .map(([field, count]) => ({ field, count }))
    .sort((x, y) => y.count - x.count);
  return diff;
}
