/**
 * The coverage model of the active scenario (actions × frequency, team, budget, target split),
 * computed against the segment counts of the current segmentation. The computation is a few
 * multiplications per segment and action (no per-account work), so it runs here, derived.
 */
import { mainDb } from '../db/main';
import { saveScenarioPart } from '../db/repo';
import {
  computeCoverage,
  defaultCoverage,
  findings,
  normalizeCoverage,
  type CoverageModel,
  type SegmentCounts
} from '../domain/coverage';
import { segmentation } from './segmentation.svelte';
import { engine } from '../worker/client';
import { app } from './app.svelte';

export class CoverageState {
  model = $state.raw<CoverageModel | null>(null);
  private scenarioId: string | null = null;
  private saving: Promise<void> = Promise.resolve();

  counts = $derived.by((): SegmentCounts[] => {
    const seg = segmentation.model;
    const view = segmentation.view;
    if (!seg || !view) return [];
    return seg.segments.map((s, i) => ({
      id: s.id,
      name: s.name,
      clients: (view.segments[i]?.accounts ?? 0) - (view.prospects[i] ?? 0),
      prospects: view.prospects[i] ?? 0,
      revenue: view.segments[i]?.revenue ?? 0
    }));
  });
  result = $derived(
    this.model && this.counts.length ? computeCoverage(this.model, this.counts) : null
  );
  findings = $derived(
    this.model && this.result ? findings(this.model, this.result, this.counts) : []
  );

  async open(): Promise<void> {
    await segmentation.open();
    const scenario = app.activeScenario;
    const seg = segmentation.model;
    if (!scenario || !seg) {
      this.model = null;
      return;
    }
    const ids = seg.segments.map((s) => s.id);
    if (this.scenarioId === scenario.id && this.model) {
      // Segments may have changed: keep the model, fill defaults for new segments.
      this.model = normalizeCoverage(this.model, ids);
      return;
    }
    this.scenarioId = scenario.id;
    const stored = (await mainDb().scenarios.get(scenario.id))?.model.coverage ?? null;
    this.model = stored ? normalizeCoverage(stored, ids) : defaultCoverage(ids);
    if (!stored) this.save();
  }

  update(fn: (m: CoverageModel) => void): void {
    if (!this.model) return;
    const next = structuredClone($state.snapshot(this.model)) as CoverageModel;
    fn(next);
    this.model = next;
    this.save();
  }

  private save(): void {
    const id = this.scenarioId;
    const model = this.model ? ($state.snapshot(this.model) as CoverageModel) : null;
    if (!id || !model) return;
    this.saving = this.saving.then(() => saveScenarioPart(mainDb(), id, 'coverage', model));
  }

  /** The model's tables as an XLSX workbook, built in the worker. */
  toXlsx(
    header: string[],
    rows: Array<Array<string | number | boolean | null | undefined>>
  ): Promise<ArrayBuffer> {
    return engine().api.tableToXlsx({ sheet: 'Couverture', header, rows }) as Promise<ArrayBuffer>;
  }

  flush(): Promise<void> {
    return this.saving;
  }
}

export const coverage = new CoverageState();
