/**
 * A page of the resident accounts table, asked from the worker (the main thread never holds all
 * rows). Search and sort are "latest wins": only the reply to the last request is shown.
 */
import { engine } from '../worker/client';
import { isStale } from '../worker/latest';
import type { PageResult } from '../worker/protocol';

export class AccountsTableState {
  pageSize = 50;
  offset = $state(0);
  search = $state('');
  sort = $state<{ key: string; dir: 'asc' | 'desc' } | null>(null);
  result = $state.raw<PageResult | null>(null);
  loading = $state(false);

  async load(): Promise<void> {
    this.loading = true;
    const req = {
      offset: this.offset,
      limit: this.pageSize,
      sort: this.sort ? { ...this.sort } : null,
      search: this.search
    };
    try {
      const client = engine();
      this.result = await client.latest.run('accounts-page', () => client.api.page(req));
      this.loading = false;
    } catch (e) {
      if (!isStale(e)) {
        this.loading = false;
        throw e;
      }
    }
  }

  setSearch(value: string): Promise<void> {
    this.search = value;
    this.offset = 0;
    return this.load();
  }

  toggleSort(key: string): Promise<void> {
    this.sort =
      this.sort?.key === key
        ? { key, dir: this.sort.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: 'asc' };
    this.offset = 0;
    return this.load();
  }

  next(): Promise<void> {
    const total = this.result?.total ?? 0;
    if (this.offset + this.pageSize < total) this.offset += this.pageSize;
    return this.load();
  }

  prev(): Promise<void> {
    this.offset = Math.max(0, this.offset - this.pageSize);
    return this.load();
  }
}
