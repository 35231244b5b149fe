/** Storage persistence and usage, as shown in Settings. `persist()` must run on a user gesture. */
export class StorageState {
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  refused = $state(false);

  async refresh(): Promise<void> {
    const s = globalThis.navigator?.storage;
    if (!s) return;
    this.persisted = s.persisted ? await s.persisted() : null;
    if (s.estimate) {
      const e = await s.estimate();
      this.usage = e.usage ?? null;
      this.quota = e.quota ?? null;
    }
  }

  async persist(): Promise<void> {
    const s = globalThis.navigator?.storage;
    if (!s?.persist) return;
    const ok = await s.persist();
    this.refused = !ok;
    await this.refresh();
  }
}

export const storage = new StorageState();
