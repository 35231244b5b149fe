// IndexedDB in Node for every unit test (Dexie reads the global when it is imported).
import 'fake-indexeddb/auto';
