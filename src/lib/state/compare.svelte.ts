/**
 * Scenarios side by side: each scenario of the workspace is segmented (in the worker, without
 * disturbing the current screen's history) and its coverage computed, for one comparison table.
 */
import { mainDb } from '../db/main';
import {
  computeCoverage,
  defaultCoverage,
  normalizeCoverage,
  type CoverageResult,
  type SegmentCounts
} from '../domain/coverage';
import { defaultSegmentation, normalizeSegmentation } from '../domain/segmentation';
import { engine } from '../worker/client';
import { app } from './app.svelte';

export interface ScenarioColumn {
  id: string;
  name: string;
  counts: SegmentCounts[];
  result: CoverageResult;
}

class CompareState {
  selected = $state<string[]>([]);
  columns = $state.raw<ScenarioColumn[]>([]);
  loading = $state(false);
  /** True once the user picked scenarios by hand: their choice is then kept. */
  private touched = false;

  toggle(id: string): void {
    this.touched = true;
    this.selected = this.selected.includes(id)
      ? this.selected.filter((x) => x !== id)
      : this.selected.length < 4
        ? [...this.selected, id]
        : this.selected;
  }

  async compute(): Promise<void> {
    this.loading = true;
    try {
      const out: ScenarioColumn[] = [];
      for (const id of this.selected) {
        const rec = await mainDb().scenarios.get(id);
        if (!rec) continue;
        let seg = rec.model.segmentation ? normalizeSegmentation(rec.model.segmentation) : null;
        if (!seg) {
          seg = defaultSegmentation();
          seg.potential.criteria = await engine().api.proposeCriteria();
        }
        const view = await engine().api.segment({ model: seg, record: false });
        if (!view) continue;
        const ids = seg.segments.map((s) => s.id);
        const cov = rec.model.coverage
          ? normalizeCoverage(rec.model.coverage, ids)
          : defaultCoverage(ids);
        const counts: SegmentCounts[] = seg.segments.map((s, i) => ({
          id: s.id,
          name: s.name,
          clients: (view.segments[i]?.accounts ?? 0) - (view.prospects[i] ?? 0),
          prospects: view.prospects[i] ?? 0,
          revenue: view.segments[i]?.revenue ?? 0
        }));
        out.push({ id, name: rec.name, counts, result: computeCoverage(cov, counts) });
      }
      this.columns = out;
    } finally {
      this.loading = false;
    }
  }

  /** Defaults to the first four scenarios of the workspace until the user picks. */
  init(): void {
    const ids = app.scenarios.map((s) => s.id);
    this.selected = this.selected.filter((id) => ids.includes(id));
    if (!this.touched || this.selected.length === 0) this.selected = ids.slice(0, 4);
    this.columns = this.columns.filter((c) => ids.includes(c.id));
  }
}

export const compare = new CompareState();
