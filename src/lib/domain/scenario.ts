/**
 * A scenario is one commercial model of a workspace (segmentation, coverage, resources…).
 * Later steps of the method add their settings here; `normalizeScenarioModel` upgrades anything
 * loaded (old versions, backups) to the current shape.
 */
import { normalizeCoverage, type CoverageModel } from './coverage';
import { normalizePlanSettings, type PlanSettings } from './plan-settings';
import { defaultSegmentation, normalizeSegmentation, type SegmentationModel } from './segmentation';

export interface ScenarioModel {
  version: 1;
  /** Free notes of the manager about this scenario. */
  notes: string;
  /** Weight × potential segmentation (null until first opened: criteria are then proposed). */
  segmentation: SegmentationModel | null;
  /** Actions × frequency, team and budget (null until first opened). */
  coverage: CoverageModel | null;
  /** Period, reps, reassignments and hand changes of the action plans (null until opened). */
  plan: PlanSettings | null;
}

export function defaultScenarioModel(): ScenarioModel {
  return { version: 1, notes: '', segmentation: null, coverage: null, plan: null };
}

/** Upgrades and cleans a model read from storage or a backup; unknown fields are dropped. */
export function normalizeScenarioModel(raw: unknown): ScenarioModel {
  const base = defaultScenarioModel();
  if (raw === null || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const out: ScenarioModel = {
    version: 1,
    notes: typeof r.notes === 'string' ? r.notes.slice(0, 10_000) : base.notes,
    segmentation:
      r.segmentation === null || r.segmentation === undefined
        ? null
        : normalizeSegmentation(r.segmentation),
    coverage: null,
    plan: normalizePlanSettings(r.plan, Math.floor(Date.now() / 86_400_000))
  };
  if (r.coverage !== null && r.coverage !== undefined) {
    const ids = (out.segmentation?.segments ?? defaultSegmentation().segments).map((s) => s.id);
    out.coverage = normalizeCoverage(r.coverage, ids);
  }
  return out;
}
