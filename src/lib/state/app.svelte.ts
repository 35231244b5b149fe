/**
 * The app's state: workspaces, scenarios, the active dataset's summary, long-running work and
 * messages. Components read its fields and call its methods; it calls the db repository for small
 * records and the worker for anything heavy. It holds no business rules.
 */
import { mainDb, onVersionChange } from '../db/main';
import * as repo from '../db/repo';
import type { ScenarioRecord, WorkspaceRecord } from '../db/schema';
import { fmt, t, type MessageKey, type MessageParams } from '../i18n/index.svelte';
import { Cancelled, engine } from '../worker/client';
import type { DatasetInfo, Progress } from '../worker/protocol';

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void | Promise<void> };
}

const UNDO_MS = 10_000;
const ACTIVE_KEY = 'activeWorkspaceId';
const backupKey = (id: string) => `lastBackup:${id}`;

export class AppState {
  ready = $state(false);
  workspaces = $state.raw<WorkspaceRecord[]>([]);
  activeId = $state<string | null>(null);
  scenarios = $state.raw<ScenarioRecord[]>([]);
  dataset = $state.raw<DatasetInfo | null>(null);
  datasetLoading = $state(false);
  progress = $state.raw<Progress | null>(null);
  toasts = $state<Toast[]>([]);
  /** Set when another tab upgraded the database: the UI blocks writes and offers a reload. */
  staleTab = $state(false);
  lastBackupAt = $state<number | null>(null);
  private toastSeq = 0;

  active = $derived(this.workspaces.find((w) => w.id === this.activeId) ?? null);
  activeScenario = $derived(
    this.scenarios.find((s) => s.id === this.active?.activeScenarioId) ?? this.scenarios[0] ?? null
  );

  /** Loads workspaces and opens the last one used. */
  async init(): Promise<void> {
    if (this.ready) return;
    const db = mainDb();
    // Start the worker now (module load and compile) so the first real call does not wait for it.
    void engine().api.ping();
    onVersionChange(() => (this.staleTab = true));
    await repo.purgeDeleted(db, Date.now() - UNDO_MS);
    this.workspaces = await repo.listWorkspaces(db);
    const saved = await repo.getSetting<string | null>(db, ACTIVE_KEY, null);
    const pick = this.workspaces.find((w) => w.id === saved) ?? this.workspaces[0] ?? null;
    this.ready = true;
    if (pick) await this.open(pick.id);
    // Housekeeping after the first screen: it reads every dataset record, and an incomplete one
    // (an import interrupted more than 30 min ago) is never the active one.
    void repo.purgeIncompleteDatasets(db, Date.now() - 30 * 60 * 1000).catch(() => undefined);
  }

  private async refresh(): Promise<void> {
    const db = mainDb();
    this.workspaces = await repo.listWorkspaces(db);
    this.scenarios = this.activeId ? await repo.listScenarios(db, this.activeId) : [];
  }

  /** Switches to a workspace and makes its dataset resident in the worker. */
  async open(id: string): Promise<void> {
    const db = mainDb();
    this.activeId = id;
    await repo.setSetting(db, ACTIVE_KEY, id);
    await this.refresh();
    this.lastBackupAt = await repo.getSetting<number | null>(db, backupKey(id), null);
    await this.loadDataset();
  }

  private async loadDataset(): Promise<void> {
    const ws = this.active;
    this.datasetLoading = true;
    try {
      this.dataset = await engine().loadDataset(ws?.activeDatasetId ?? null);
    } finally {
      this.datasetLoading = false;
    }
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof Cancelled) return undefined;
      this.error('error.unexpected', { detail: (e as Error).message ?? String(e) });
      return undefined;
    } finally {
      this.progress = null;
    }
  }

  // ——— Workspaces ———

  async createSample(): Promise<void> {
    await this.run(async () => {
      const client = engine();
      const { workspaceId } = await client.cancellable((api) =>
        api.createSampleWorkspace(
          { name: t('welcome.sampleName'), scenarioName: `${t('switcher.scenario')} 1` },
          client.progress((p) => (this.progress = p))
        )
      );
      await this.open(workspaceId);
      this.info('toast.sampleReady', { count: fmt.integer(this.dataset?.summary.rowCount ?? 0) });
    });
  }

  async createEmpty(name: string): Promise<void> {
    await this.run(async () => {
      const ws = await repo.createWorkspace(mainDb(), name, `${t('switcher.scenario')} 1`);
      await this.open(ws.id);
    });
  }

  async renameWorkspace(id: string, name: string): Promise<void> {
    if (!name.trim()) return;
    await this.run(async () => {
      await repo.updateWorkspace(mainDb(), id, { name: name.trim() });
      await this.refresh();
    });
  }

  async duplicateWorkspace(id: string): Promise<void> {
    const src = this.workspaces.find((w) => w.id === id);
    if (!src) return;
    await this.run(async () => {
      const { workspaceId } = await engine().api.duplicateWorkspace({
        workspaceId: id,
        name: t('settings.copyOf', { name: src.name })
      });
      await this.open(workspaceId);
    });
  }

  /** Deletes with a 10 s undo; the data is purged when the toast closes or at the next start. */
  async deleteWorkspace(id: string): Promise<void> {
    const ws = this.workspaces.find((w) => w.id === id);
    if (!ws) return;
    await this.run(async () => {
      const db = mainDb();
      await repo.softDeleteWorkspace(db, id);
      const wasActive = this.activeId === id;
      await this.refresh();
      if (wasActive) {
        const next = this.workspaces[0];
        if (next) await this.open(next.id);
        else {
          this.activeId = null;
          this.scenarios = [];
          await this.loadDataset();
        }
      }
      const toastId = this.pushToast({
        text: t('toast.deleted', { name: ws.name }),
        kind: 'info',
        action: {
          label: t('toast.undo'),
          run: async () => {
            await repo.undeleteWorkspace(db, id);
            await this.open(id);
          }
        }
      });
      setTimeout(() => {
        if (this.toasts.some((x) => x.id === toastId)) this.dismiss(toastId);
        void repo.purgeDeleted(db, Date.now() - UNDO_MS + 1000);
      }, UNDO_MS);
    });
  }

  // ——— Scenarios ———

  async setActiveScenario(id: string): Promise<void> {
    if (!this.activeId) return;
    await repo.updateWorkspace(mainDb(), this.activeId, { activeScenarioId: id });
    await this.refresh();
  }

  async createScenario(name: string, fromId?: string): Promise<void> {
    if (!this.activeId) return;
    const wsId = this.activeId;
    await this.run(async () => {
      const from = fromId ? this.scenarios.find((s) => s.id === fromId) : undefined;
      const s = await repo.createScenario(
        mainDb(),
        wsId,
        name,
        from ? $state.snapshot(from) : undefined
      );
      await repo.updateWorkspace(mainDb(), wsId, { activeScenarioId: s.id });
      await this.refresh();
    });
  }

  async duplicateScenario(id: string): Promise<void> {
    const s = this.scenarios.find((x) => x.id === id);
    if (s) await this.createScenario(t('settings.copyOf', { name: s.name }), id);
  }

  async renameScenario(id: string, name: string): Promise<void> {
    await this.run(async () => {
      await repo.renameScenario(mainDb(), id, name);
      await this.refresh();
    });
  }

  async deleteScenario(id: string): Promise<boolean> {
    const s = this.scenarios.find((x) => x.id === id);
    const ok = (await this.run(() => repo.deleteScenario(mainDb(), id))) ?? false;
    await this.refresh();
    if (ok && s) this.info('toast.scenarioDeleted', { name: s.name });
    return ok;
  }

  /** Re-reads the active workspace after an import or an undo (new dataset made resident). */
  async reloadActive(): Promise<void> {
    if (this.activeId) await this.open(this.activeId);
  }

  /** Creates a workspace to hold a first import and opens it. */
  async ensureWorkspace(name: string): Promise<string> {
    if (this.activeId) return this.activeId;
    const ws = await repo.createWorkspace(mainDb(), name, `${t('switcher.scenario')} 1`);
    await this.open(ws.id);
    return ws.id;
  }

  /** "Revenir à l'import précédent". */
  async revertImport(): Promise<void> {
    const id = this.activeId;
    if (!id) return;
    await this.run(async () => {
      await engine().api.revertImport({ workspaceId: id });
      await this.open(id);
      this.info('import.reverted');
    });
  }

  // ——— Backup ———

  /** Builds the `.podium` file of the active workspace; returns its name and text. */
  async exportBackup(): Promise<{ fileName: string; text: string } | undefined> {
    const ws = this.active;
    if (!ws) return undefined;
    return this.run(async () => {
      const client = engine();
      const text = await client.api.exportBackup({ workspaceId: ws.id });
      const now = Date.now();
      await repo.setSetting(mainDb(), backupKey(ws.id), now);
      this.lastBackupAt = now;
      const stamp = new Date(now).toISOString().slice(0, 10);
      const safe =
        ws.name
          .replace(/[^\p{L}\p{N} _-]+/gu, '')
          .trim()
          .replace(/\s+/g, '-') || 'podium';
      return { fileName: `${safe}-${stamp}.podium`, text };
    });
  }

  /** Restores a backup file into a new workspace and opens it. Bad files change nothing. */
  async restoreBackup(file: File): Promise<boolean> {
    const result = await this.run(async () => {
      this.progress = { stage: 'restore', done: 0, total: 1 };
      const text = await file.text();
      const r = await engine().api.restoreBackup({ text });
      if (!r.ok) {
        this.error(`error.backup.${r.error}` as MessageKey, { detail: r.detail });
        return false;
      }
      await this.open(r.workspaceId);
      this.info('toast.restored', { name: this.active?.name ?? '' });
      return true;
    });
    return result ?? false;
  }

  async cancelWork(): Promise<void> {
    await engine().cancel();
    this.progress = null;
  }

  // ——— Messages ———

  private pushToast(toast: Omit<Toast, 'id'>): number {
    const id = ++this.toastSeq;
    this.toasts = [...this.toasts, { ...toast, id }];
    return id;
  }

  info(key: MessageKey, params?: MessageParams): void {
    const id = this.pushToast({ text: t(key, params), kind: 'info' });
    setTimeout(() => this.dismiss(id), 6000);
  }

  /** An info toast with « Annuler » for 10 s. */
  undoable(key: MessageKey, params: MessageParams, undo: () => void | Promise<void>): void {
    const id = this.pushToast({
      text: t(key, params),
      kind: 'info',
      action: { label: t('toast.undo'), run: undo }
    });
    setTimeout(() => this.dismiss(id), UNDO_MS);
  }

  error(key: MessageKey, params?: MessageParams): void {
    this.pushToast({ text: t(key, params), kind: 'error' });
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((x) => x.id !== id);
  }

  async runToastAction(toast: Toast): Promise<void> {
    this.dismiss(toast.id);
    if (toast.action) await this.run(async () => toast.action?.run());
  }
}

export const app = new AppState();
