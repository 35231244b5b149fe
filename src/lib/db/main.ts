/** The main thread's database handle; another tab's schema upgrade closes it and tells the UI. */
import { openDatabase, type PodiumDB } from './schema';

let handle: PodiumDB | null = null;
const listeners = new Set<() => void>();

export function mainDb(): PodiumDB {
  if (!handle) {
    handle = openDatabase();
    handle.on('versionchange', () => {
      // Another tab opened a newer schema: stop writing here and ask for a reload.
      handle?.close();
      for (const fn of listeners) fn();
      return false;
    });
  }
  return handle;
}

export function onVersionChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
