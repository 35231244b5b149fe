/**
 * Main-thread side of the worker: lazy start, typed calls, progress callbacks, cancellation
 * (terminate + respawn, then the resident dataset is reloaded from IndexedDB) and latest-wins.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './engine';
import { LatestWins } from './latest';
import type { ProgressFn } from './protocol';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

type Remote = Comlink.Remote<EngineApi>;

export class EngineClient {
  private worker: Worker | null = null;
  private remote: Remote | null = null;
  private residentDatasetId: string | null = null;
  private cancelHooks = new Set<() => void>();
  readonly latest = new LatestWins();

  constructor(private readonly spawn: () => Worker) {}

  /** The Comlink proxy, starting the worker on first use. */
  get api(): Remote {
    if (!this.remote) {
      this.worker = this.spawn();
      this.remote = Comlink.wrap<EngineApi>(this.worker);
    }
    return this.remote;
  }

  /** Wraps a progress callback so it can cross the boundary. */
  progress(fn: ProgressFn): ProgressFn {
    return Comlink.proxy(fn);
  }

  /**
   * Runs a long call that `cancel()` can stop: the promise then rejects with `Cancelled`.
   */
  async cancellable<T>(fn: (api: Remote) => Promise<T>): Promise<T> {
    let onCancel: () => void = () => undefined;
    const cancelled = new Promise<never>((_, reject) => {
      onCancel = () => reject(new Cancelled());
    });
    this.cancelHooks.add(onCancel);
    try {
      return await Promise.race([fn(this.api), cancelled]);
    } finally {
      this.cancelHooks.delete(onCancel);
    }
  }

  /** Stops whatever the worker is doing: terminate, respawn lazily, reload the resident data. */
  async cancel(): Promise<void> {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    for (const hook of [...this.cancelHooks]) hook();
    this.cancelHooks.clear();
    if (this.residentDatasetId) await this.api.loadDataset({ datasetId: this.residentDatasetId });
  }

  /** Loads (or unloads) the dataset the worker keeps resident. */
  async loadDataset(datasetId: string | null) {
    this.residentDatasetId = datasetId;
    return this.api.loadDataset({ datasetId });
  }
}

let shared: EngineClient | null = null;

/** The app's single engine client. */
export function engine(): EngineClient {
  shared ??= new EngineClient(
    () =>
      new Worker(new URL('./engine.worker.ts', import.meta.url), {
        type: 'module',
        name: 'podium-engine'
      })
  );
  return shared;
}
