import { openDatabase, type PodiumDB } from '../../../src/lib/db/schema';

let seq = 0;

/** A fresh, empty database per test (fake-indexeddb in Node). */
export function freshDb(): PodiumDB {
  seq++;
  return openDatabase(`podium-test-${process.pid}-${seq}-${Math.random().toString(36).slice(2)}`);
}

/**
 * Migration harness: builds a database of an OLD schema version with raw IndexedDB calls (no
 * Dexie, so the fixture does not depend on the current code), then returns its name so a test can
 * open it with `openDatabase(name)` and check the upgrade.
 */
export async function createFixtureDb(
  version: number,
  stores: Record<
    string,
    { keyPath: string | string[]; indexes?: Array<[string, string | string[]]> }
  >,
  records: Record<string, unknown[]>
): Promise<string> {
  const name = `podium-fixture-v${version}-${Math.random().toString(36).slice(2)}`;
  // Dexie multiplies the declared version by 10 for the IndexedDB version.
  const req = indexedDB.open(name, version * 10);
  await new Promise<void>((resolve, reject) => {
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const [store, def] of Object.entries(stores)) {
        const os = db.createObjectStore(store, { keyPath: def.keyPath });
        for (const [idx, path] of def.indexes ?? []) os.createIndex(idx, path);
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(Object.keys(records), 'readwrite');
      for (const [store, rows] of Object.entries(records))
        for (const r of rows) tx.objectStore(store).put(r);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
  return name;
}
