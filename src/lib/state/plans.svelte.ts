/**
 * The Plans screen's state: the plan settings of the active scenario (period, reps,
 * reassignments, hand changes), the plan shown (a draft or the accepted one) and the calls that
 * generate, accept, change and export it. The work happens in the worker.
 */
import { mainDb } from '../db/main';
import { saveScenarioPart } from '../db/repo';
import type { Role } from '../domain/coverage';
import { ALL_WEEKDAYS, occurrenceKey, repKey } from '../domain/plan';
import {
  defaultPlanSettings,
  normalizePlanSettings,
  type PlanSettings
} from '../domain/plan-settings';
import { t } from '../i18n/index.svelte';
import { engine, Cancelled } from '../worker/client';
import type {
  PlanExportLabels,
  PlanItemView,
  PlanSummary,
  RebalanceProposal
} from '../worker/protocol';
import { dayOffReason, isoDay } from '../domain/calendar';
import { app } from './app.svelte';
import { downloadText } from './download';
import { coverage } from './coverage.svelte';
import { segmentation } from './segmentation.svelte';
import { fold } from '../domain/text';

/** Today as an epoch day in the user's own calendar. */
export function todayDay(): number {
  const d = new Date();
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/** Short, stable hash (FNV-1a) of a JSON text: tells whether the inputs changed. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export interface PlanContextInfo {
  reps: Array<{ name: string; accounts: number; role: Role }>;
  area: 'postcode' | 'department' | 'region' | null;
  rowCount: number;
}

export class PlansState {
  settings = $state.raw<PlanSettings | null>(null);
  summary = $state.raw<PlanSummary | null>(null);
  /** The last generation refused for bad input (its issues are shown; nothing else changed). */
  rejected = $state.raw<PlanSummary | null>(null);
  context = $state.raw<PlanContextInfo | null>(null);
  proposal = $state.raw<RebalanceProposal | null>(null);
  busy = $state(false);
  /** Bumped after each change of the shown plan, so that views re-query the worker. */
  revision = $state(0);
  private scenarioId: string | null = null;
  private saving: Promise<void> = Promise.resolve();

  /** Key of everything a plan is made from, except hand changes (those never make it stale). */
  modelKey = $derived.by(() => {
    const s = this.settings;
    if (!s || !segmentation.model || !coverage.model) return '';
    return hash(
      JSON.stringify([
        app.dataset?.datasetId,
        segmentation.model,
        coverage.model,
        s.start,
        s.months,
        s.alsaceMoselle,
        s.reps,
        s.assign
      ])
    );
  });
  /** The accepted plan was made from other inputs than the current ones. */
  stale = $derived(
    this.summary?.status === 'accepted' &&
      this.modelKey !== '' &&
      this.summary.modelKey !== this.modelKey
  );

  async open(): Promise<void> {
    await coverage.open();
    const scenario = app.activeScenario;
    if (!scenario || !app.dataset) {
      this.settings = null;
      this.summary = null;
      this.scenarioId = null;
      return;
    }
    if (this.scenarioId === scenario.id && this.settings) return;
    this.scenarioId = scenario.id;
    this.rejected = null;
    this.proposal = null;
    const stored = (await mainDb().scenarios.get(scenario.id))?.model.plan ?? null;
    this.context = (await engine().api.planContext()) ?? null;
    let settings = stored ? normalizePlanSettings(stored, todayDay()) : null;
    if (!settings) {
      settings = defaultPlanSettings(todayDay());
      settings.reps = (this.context?.reps ?? []).map((r, i) => ({
        id: `rep-${i + 1}-${repKey(r.name).replace(/[^a-z0-9]+/g, '-')}`,
        name: r.name,
        role: r.role,
        fte: 1,
        weekdays: [...ALL_WEEKDAYS],
        daysOff: []
      }));
      this.settings = settings;
      this.save();
    }
    this.settings = settings;
    this.summary = await engine().api.loadPlan({ scenarioId: scenario.id });
    this.revision++;
  }

  update(fn: (s: PlanSettings) => void): void {
    if (!this.settings) return;
    const next = structuredClone($state.snapshot(this.settings)) as PlanSettings;
    fn(next);
    this.settings = next;
    this.save();
  }

  private save(): void {
    const id = this.scenarioId;
    const s = this.settings ? ($state.snapshot(this.settings) as PlanSettings) : null;
    if (!id || !s) return;
    this.saving = this.saving.then(() => saveScenarioPart(mainDb(), id, 'plan', s));
  }

  flush(): Promise<void> {
    return this.saving;
  }

  /** Generates a draft from the current model; the accepted plan stays until accepted. */
  async generate(): Promise<void> {
    const scenario = app.activeScenario;
    const ws = app.active;
    const segModel = segmentation.model;
    const covModel = coverage.model;
    if (!scenario || !ws || !this.settings || !segModel || !covModel) return;
    this.busy = true;
    this.proposal = null;
    const client = engine();
    try {
      const out = await client.cancellable((api) =>
        api.generatePlan(
          {
            scenarioId: scenario.id,
            workspaceId: ws.id,
            segmentation: $state.snapshot(segModel) as typeof segModel,
            coverage: $state.snapshot(covModel) as typeof covModel,
            settings: $state.snapshot(this.settings) as PlanSettings,
            today: todayDay(),
            modelKey: this.modelKey
          },
          client.progress((p) => (app.progress = p))
        )
      );
      if (out?.status === 'rejected') {
        this.rejected = out;
        app.error('plan.rejected');
      } else {
        this.rejected = null;
        this.summary = out ?? null;
      }
    } catch (e) {
      if (e instanceof Cancelled)
        this.summary = await engine().api.loadPlan({ scenarioId: scenario.id });
      else app.error('error.unexpected', { detail: String(e) });
    } finally {
      app.progress = null;
      this.busy = false;
      this.revision++;
    }
  }

  async accept(): Promise<void> {
    this.summary = await engine().api.acceptPlan();
    app.info('plan.acceptedToast');
    this.revision++;
  }

  /** Drops the draft, and the reassignments made for it: back to the accepted plan's. */
  async discard(): Promise<void> {
    this.summary = await engine().api.discardDraft();
    const back = this.summary?.assign;
    if (back) this.update((st) => (st.assign = structuredClone(back)));
    this.revision++;
  }

  /** Removes a rep from the team, with « Annuler » for 10 s. */
  removeRep(index: number): void {
    const rep = this.settings?.reps[index];
    if (!rep) return;
    const copy = structuredClone($state.snapshot(rep)) as PlanSettings['reps'][number];
    this.update((st) => st.reps.splice(index, 1));
    app.undoable('plan.repRemoved', { name: rep.name }, () =>
      this.update((st) => {
        if (!st.reps.some((r) => r.id === copy.id))
          st.reps.splice(Math.min(index, st.reps.length), 0, copy);
      })
    );
  }

  /** Accounts reassigned by hand (any role). */
  get reassigned(): number {
    return this.settings ? Object.keys(this.settings.assign).length : 0;
  }

  /** Forgets every manual reassignment: the file's reps and automatic assignment again. */
  resetAssignments(): void {
    this.update((st) => (st.assign = {}));
  }

  /** Marks an action done or moves it; kept in the settings so regenerations keep it. */
  async setItem(item: PlanItemView, change: { day?: number; done?: boolean }): Promise<void> {
    const s = this.summary;
    if (!s) return;
    const day = change.day ?? null;
    const done = change.done ?? item.done;
    if (day !== null && (day < s.start || day >= s.end)) {
      app.error('plan.moveOutside');
      return;
    }
    const rep = item.rep >= 0 ? s.reps[item.rep] : undefined;
    const off =
      day !== null && rep ? dayOffReason(day, { alsaceMoselle: s.alsaceMoselle, ...rep }) : null;
    if (off) {
      app.error(`plan.moveNot.${off}`);
      return;
    }
    const repId = item.rep >= 0 ? (s.reps[item.rep]?.id ?? null) : null;
    this.update((st) => {
      const key = occurrenceKey(item.accountId, item.actionId, item.seq);
      const prev = st.overrides[key];
      st.overrides[key] = {
        accountId: item.accountId,
        actionId: item.actionId,
        seq: item.seq,
        rep: repId,
        day: day ?? prev?.day ?? (item.moved || done ? item.day : null),
        moved: day !== null || (prev?.moved ?? item.moved),
        done
      };
    });
    this.summary = await engine().api.planSetItem({
      scenarioId: this.sid,
      index: item.index,
      day,
      done
    });
    this.revision++;
  }

  /** Reassigns accounts to a rep for a role, then regenerates a draft. */
  async reassign(accountIds: string[], role: Role, repId: string): Promise<void> {
    this.update((st) => {
      for (const id of accountIds) st.assign[id] = { ...(st.assign[id] ?? {}), [role]: repId };
    });
    await this.generate();
  }

  async proposeRebalance(): Promise<void> {
    if (!this.settings) return;
    this.proposal = await engine().api.planRebalance({
      scenarioId: this.sid,
      locked: $state.snapshot(this.settings.assign) as PlanSettings['assign']
    });
    if (this.proposal && this.proposal.moves.length === 0) app.info('plan.rebalanceNone');
  }

  async applyRebalance(): Promise<void> {
    const p = this.proposal;
    if (!p) return;
    this.update((st) => {
      for (const m of p.moves)
        st.assign[m.accountId] = { ...(st.assign[m.accountId] ?? {}), [m.role]: m.to };
    });
    this.proposal = null;
    await this.generate();
  }

  // ——— Views of the shown plan (answered by the worker) ———

  private get sid(): string {
    return this.scenarioId ?? '';
  }
  week(rep: number, week: number) {
    return engine().api.planWeek({ scenarioId: this.sid, rep, week });
  }
  days(rep: number) {
    return engine().api.planDays({ scenarioId: this.sid, rep });
  }
  unplaced(rep: number | null, offset = 0, limit = 100) {
    return engine().api.planUnplaced({ scenarioId: this.sid, rep, offset, limit });
  }
  accounts(rep: number, search: string, offset: number, limit: number) {
    return engine().api.planAccounts({
      scenarioId: this.sid,
      rep,
      search,
      offset,
      limit,
      today: todayDay()
    });
  }
  months(rep: number) {
    return engine().api.planMonths({ scenarioId: this.sid, rep });
  }

  /**
   * Exports one rep's plan (or everyone's: null) and saves the file: CSV for French Excel or
   * standard, XLSX, or an ICS calendar.
   */
  async download(rep: number | null, format: PlanExportFormat): Promise<void> {
    const s = this.summary;
    if (!s) return;
    const who = rep === null ? null : (s.reps[rep]?.name ?? '');
    const out = await engine().api.exportPlan({
      scenarioId: this.sid,
      rep,
      format,
      name: who === null ? t('plan.calendarAll') : t('plan.calendarOf', { rep: who }),
      labels: exportLabels()
    });
    const slug = (x: string) => fold(x).replace(/[^\w]+/g, '-');
    const base = `${who === null ? 'plans-equipe' : `pac-${slug(who)}`}-${isoDay(s.start)}`;
    if (format === 'ics') downloadText(`${base}.ics`, out, 'text/calendar');
    else if (format === 'xlsx')
      downloadText(
        `${base}.xlsx`,
        out,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      );
    else downloadText(`${base}${format === 'standard' ? '-standard' : ''}.csv`, out, 'text/csv');
  }
}

export type PlanExportFormat = 'excel-fr' | 'standard' | 'xlsx' | 'ics';

/** The words of plan exports in the interface's language. */
function exportLabels(): PlanExportLabels {
  return {
    header: t('plan.x.header').split('|'),
    status: {
      planned: t('plan.x.planned'),
      done: t('plan.x.done'),
      moved: t('plan.x.moved'),
      unplaced: t('plan.x.unplaced')
    },
    roles: { field: t('channel.field'), inside: t('channel.inside') },
    reasons: {
      none: '',
      capacity: t('plan.reason.capacity'),
      noRep: t('plan.reason.noRep'),
      noCapacity: t('plan.reason.noCapacity'),
      tooLong: t('plan.reason.tooLong')
    },
    ics: {
      account: t('plan.x.account'),
      segment: t('plan.x.segment'),
      rep: t('plan.x.rep'),
      duration: t('plan.x.duration'),
      travel: t('plan.x.travel'),
      status: t('plan.x.status')
    }
  };
}

export const plans = new PlansState();
