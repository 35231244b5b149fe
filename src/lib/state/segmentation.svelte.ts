/**
 * The Segmentation screen's state: the active scenario's segmentation model, the worker's view
 * of it, undo/redo of model edits, and saving. Every edit recomputes in the worker (latest wins)
 * and is saved to the scenario after a short pause.
 */
import { mainDb } from '../db/main';
import { saveScenarioPart } from '../db/repo';
import {
  defaultSegmentation,
  normalizeSegmentation,
  type SegmentationModel
} from '../domain/segmentation';
import { engine } from '../worker/client';
import { isStale } from '../worker/latest';
import type { Explanation, ScatterView, SegmentationView } from '../worker/protocol';
import { app } from './app.svelte';

const HISTORY = 100;

export class SegmentationState {
  model = $state.raw<SegmentationModel | null>(null);
  view = $state.raw<SegmentationView | null>(null);
  scatter = $state.raw<ScatterView | null>(null);
  /** Milliseconds of the last scatter: worker binning + chart drawing. */
  scatterMs = $state(0);
  explanation = $state.raw<Explanation | null>(null);
  explainQuery = $state('');
  notFound = $state(false);
  private undoStack: SegmentationModel[] = [];
  private redoStack: SegmentationModel[] = [];
  canUndo = $state(false);
  canRedo = $state(false);
  private scenarioId: string | null = null;
  private datasetId: string | null = null;

  /** Loads the model of the active scenario (proposing criteria the first time) and computes. */
  async open(): Promise<void> {
    const scenario = app.activeScenario;
    const ds = app.dataset;
    if (!scenario || !ds) {
      this.model = null;
      this.view = null;
      return;
    }
    if (this.scenarioId === scenario.id && this.datasetId === ds.datasetId && this.model) return;
    this.scenarioId = scenario.id;
    this.datasetId = ds.datasetId;
    this.undoStack = [];
    this.redoStack = [];
    this.syncHistory();
    this.explanation = null;
    // The stored record, not the list in memory: it has the latest saved edits.
    const stored = (await mainDb().scenarios.get(scenario.id))?.model.segmentation ?? null;
    let model = stored ? normalizeSegmentation(stored) : null;
    if (!model) {
      model = defaultSegmentation();
      model.potential.criteria = await engine().api.proposeCriteria();
      this.model = model;
      this.save();
    }
    this.model = model;
    await this.compute();
  }

  private syncHistory(): void {
    this.canUndo = this.undoStack.length > 0;
    this.canRedo = this.redoStack.length > 0;
  }

  private async compute(): Promise<void> {
    const model = this.model;
    if (!model) return;
    const client = engine();
    try {
      this.view = await client.latest.run('segment', () => client.api.segment({ model }));
      this.scatter = await client.latest.run('scatter', () =>
        client.api.scatter({ xBins: 120, yBins: 50 })
      );
      if (this.explanation) await this.explain(this.explainQuery);
    } catch (e) {
      if (!isStale(e)) throw e;
    }
  }

  /** Applies an edit: `fn` gets a deep copy to change. Recorded for undo. */
  async update(fn: (m: SegmentationModel) => void): Promise<void> {
    if (!this.model) return;
    const next = structuredClone($state.snapshot(this.model)) as SegmentationModel;
    fn(next);
    this.undoStack.push(this.model);
    if (this.undoStack.length > HISTORY) this.undoStack.shift();
    this.redoStack = [];
    this.syncHistory();
    this.model = normalizeSegmentation(next);
    this.save();
    await this.compute();
  }

  async undo(): Promise<void> {
    const prev = this.undoStack.pop();
    if (!prev || !this.model) return;
    this.redoStack.push(this.model);
    this.model = prev;
    this.syncHistory();
    this.save();
    await this.compute();
  }

  async redo(): Promise<void> {
    const next = this.redoStack.pop();
    if (!next || !this.model) return;
    this.undoStack.push(this.model);
    this.model = next;
    this.syncHistory();
    this.save();
    await this.compute();
  }

  private saving: Promise<void> = Promise.resolve();

  /**
   * Saves the model to the scenario at once (a small record), writes chained in order so the
   * last edit always wins and a reload right after an edit finds it.
   */
  private save(): void {
    const id = this.scenarioId;
    const model = this.model ? ($state.snapshot(this.model) as SegmentationModel) : null;
    if (!id || !model) return;
    this.saving = this.saving.then(() => saveScenarioPart(mainDb(), id, 'segmentation', model));
  }

  /** Resolves when every edit so far is stored. */
  flush(): Promise<void> {
    return this.saving;
  }

  async explain(query: string): Promise<void> {
    this.explainQuery = query;
    if (!this.model || !query.trim()) {
      this.explanation = null;
      this.notFound = false;
      return;
    }
    const model = this.model;
    this.explanation = await engine().api.explain({ query, model });
    this.notFound = this.explanation === null;
  }

  pin(accountId: string, segment: string, reason: string): Promise<void> {
    return this.update((m) => {
      m.pins = m.pins.filter((p) => p.accountId !== accountId);
      m.pins.push({ accountId, segment, reason: reason.trim(), at: Date.now() });
    });
  }

  unpin(accountId: string): Promise<void> {
    return this.update((m) => {
      m.pins = m.pins.filter((p) => p.accountId !== accountId);
    });
  }

  categoryValues(column: string) {
    return engine().api.categoryValues({ column });
  }

  exportFile(
    format: 'excel-fr' | 'standard' | 'xlsx',
    bandNames: { weight: string[]; potential: string[] }
  ): Promise<string | ArrayBuffer> {
    const model = this.model;
    if (!model) return Promise.resolve('');
    return engine().api.exportSegmentation({ model, format, bandNames }) as Promise<
      string | ArrayBuffer
    >;
  }

  exportIncomplete(dialect: 'excel-fr' | 'standard'): Promise<{ text: string; count: number }> {
    const model = this.model;
    if (!model) return Promise.resolve({ text: '', count: 0 });
    return engine().api.exportIncomplete({ model, dialect });
  }
}

export const segmentation = new SegmentationState();
