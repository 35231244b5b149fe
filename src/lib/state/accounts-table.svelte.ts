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
  /** Filter text per column key. */
  filters = $state<Record<string, string>>({});
  result = $state.raw<PageResult | null>(null);
  loading = $state(false);

  async load(): Promise<void> {
    this.loading = true;
    const req = {
      offset: this.offset,
      limit: this.pageSize,
      sort: this.sort ? { ...this.sort } : null,
      search: this.search,
      filters: Object.entries(this.filters)
        .filter(([, value]) => value.trim() !== '')
        .map(([key, value]) => ({ key, value }))
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

  setFilter(key: string, value: string): Promise<void> {
    this.filters = { ...this.filters, [key]: value };
    this.offset = 0;
    return this.load();
  }

  clearFilters(): Promise<void> {
    this.filters = {};
    this.offset = 0;
    return this.load();
  }

  get hasFilters(): boolean {
    return Object.values(this.filters).some((v) => v.trim() !== '');
  }

  /** The rows as shown (search, filters, sort), as CSV text. */
  exportCsv(dialect: 'excel-fr' | 'standard'): Promise<string> {
    return engine().api.exportAccounts({
      dialect,
      search: this.search,
      sort: this.sort ? { ...this.sort } : null,
      filters: Object.entries(this.filters).map(([key, value]) => ({ key, value }))
    });
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
