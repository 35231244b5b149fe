/**
 * Action plans in the worker: generate a draft from the resident accounts, keep it beside the
 * accepted plan (IndexedDB `plans`) until the manager accepts it, and answer the views (summary,
 * week, calendar, accounts, unplaced) and exports (CSV, XLSX, ICS) of either.
 */
import * as Comlink from 'comlink';
import type { PlanSettings } from '../domain/plan-settings';
import { addMonths, dayParts, isoDay } from '../domain/calendar';
import type { CoverageModel, Role } from '../domain/coverage';
import {
  actionMinutes,
  areaOf,
  assignMinutes,
  FLAG_DONE,
  FLAG_KEPT,
  FLAG_MOVED,
  generatePlan,
  occurrenceKey,
  proposeMoves,
  monthOf,
  ALL_WEEKDAYS,
  proposeReps,
  uniqueAccountKeys,
  sortItems,
  UNPLACED_REASONS,
  type PlanInput,
  type PlanItems,
  type UnplacedReason
} from '../domain/plan';
import {
  accountIds,
  type SegmentationModel,
  type SegmentationResult
} from '../domain/segmentation';
import { cellAt, prospectMask, type AccountTable } from '../domain/table';
import type { PlanRecord, PodiumDB } from '../db/schema';
import { toCsv, type CsvCell, type CsvDialect } from '../export/csv';
import type { IcsEvent } from '../export/ics';
import { uidPart } from '../export/uid';
import { toXlsx } from '../export/xlsx';
import { fold as foldText } from '../domain/text';
import type {
  PlanAccountRow,
  PlanItemView,
  PlanSummary,
  PlanWeekView,
  ProgressFn,
  RebalanceProposal,
  PlanExportLabels
} from './protocol';

interface Deps {
  db: () => PodiumDB;
  resident: () => { datasetId: string; table: AccountTable } | null;
  segmentationOf: (table: AccountTable, model: SegmentationModel) => SegmentationResult;
  idsOf: (table: AccountTable) => string[] | null;
}

interface Held {
  rec: PlanRecord;
  /** Hours of one action of each type (meeting + travel). */
  hours: number[];
  /** A draft against the accepted plan, computed once when it is generated. */
  diff: PlanSummary['diff'];
  /** [from, to) of each rep's items; the last entry is the items without a rep. */
  ranges: Array<[number, number]>;
}

export interface GenerateRequest {
  scenarioId: string;
  workspaceId: string;
  segmentation: SegmentationModel;
  coverage: CoverageModel;
  settings: PlanSettings;
  today: number;
  modelKey: string;
}

const textCol = (table: AccountTable, role: string): string[] | null => {
  const col = table.columns.find((c) => c.role === role);
  if (!col) return null;
  const v = table.values[col.key];
  return Array.from({ length: table.rowCount }, (_, i) => {
    const x = cellAt(v, i);
    return x === null ? '' : String(x);
  });
};

function rangesOf(items: PlanItems, reps: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let j = 0;
  for (let r = 0; r < reps; r++) {
    const from = j;
    while (j < items.length && items.rep[j] === r) j++;
    out.push([from, j]);
  }
  out.push([j, items.length]);
  return out;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const frDay = (d: number) => {
  const p = dayParts(d);
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
};

/** Lower case without accents, for searching (« etoile » finds « Étoile »). */
const fold = (x: string) => foldText(x).trim();

/** Town and postcode of an account as shown: « Oyonnax (01600) ». */
const place = (rec: PlanRecord, i: number) => {
  const c = rec.accounts.city[i] ?? '';
  const p = rec.accounts.postcode?.[i] ?? '';
  return c && p ? `${c} (${p})` : c || p;
};

const sumOf = (r: Record<string, number>) => Object.values(r).reduce((s, x) => s + x, 0);

export function createPlanSession(deps: Deps) {
  let draft: Held | null = null;
  let accepted: (Held & { scenarioId: string }) | null = null;
  const hold = (rec: PlanRecord, diff: PlanSummary['diff'] = null): Held => ({
    rec,
    hours: rec.actions.map((a) => actionMinutes(a) / 60),
    diff,
    ranges: rangesOf(rec.items, rec.reps.length)
  });
  /** Hours of item j. */
  const hoursOf = (h: Held, j: number) => h.hours[h.rec.items.action[j]];
  /** The plan shown for a scenario, read back from IndexedDB if the worker was restarted. */
  async function shownFor(scenarioId: string): Promise<Held | null> {
    if (draft?.rec.scenarioId === scenarioId) return draft;
    if (accepted?.scenarioId !== scenarioId) {
      const rec = await deps.db().plans.get(scenarioId);
      accepted = rec ? { ...hold(rec), scenarioId } : null;
    }
    return accepted;
  }

  function summary(h: Held, status: 'draft' | 'accepted'): PlanSummary {
    const rec = h.rec;
    const nM = rec.monthStarts.length;
    const byReason = Object.fromEntries(UNPLACED_REASONS.map((r) => [r, 0])) as Record<
      UnplacedReason,
      number
    >;
    let hours = 0;
    let unplacedHours = 0;
    let done = 0;
    for (let j = 0; j < rec.items.length; j++) {
      const m = hoursOf(h, j);
      if (rec.items.flags[j] & FLAG_DONE) done++;
      if (rec.items.day[j] < 0) {
        byReason[UNPLACED_REASONS[rec.items.reason[j]]]++;
        unplacedHours += m;
      } else hours += m;
    }
    return {
      status,
      scenarioId: rec.scenarioId,
      createdAt: rec.createdAt,
      acceptedAt: status === 'accepted' ? rec.acceptedAt : null,
      modelKey: rec.modelKey,
      datasetId: rec.datasetId,
      start: rec.start,
      end: rec.end,
      months: rec.months,
      week0: rec.week0,
      weeks: rec.weeks,
      segments: rec.segments,
      actions: rec.actions.map((a) => ({ id: a.id, name: a.name, channel: a.channel })),
      reps: rec.reps.map((r, i) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        fte: r.fte,
        stats: rec.stats[i],
        weekLoad: Array.from(rec.weekLoad.subarray(i * rec.weeks, (i + 1) * rec.weeks)),
        weekCapacity: Array.from(rec.weekCapacity.subarray(i * rec.weeks, (i + 1) * rec.weeks)),
        monthLoad: Array.from(rec.monthLoad.subarray(i * nM, (i + 1) * nM)),
        monthCapacity: Array.from(rec.monthCapacity.subarray(i * nM, (i + 1) * nM)),
        daysOff: r.daysOff,
        weekdays: r.weekdays ?? [...ALL_WEEKDAYS]
      })),
      monthStarts: rec.monthStarts,
      alsaceMoselle: rec.alsaceMoselle,
      assign: rec.assign,
      issues: rec.issues,
      totals: {
        actions: rec.items.length - sumOf(byReason),
        hours,
        unplaced: sumOf(byReason),
        unplacedHours,
        done,
        modelHours: rec.modelHours,
        accounts: rec.accounts.ids.length
      },
      unplacedByReason: byReason,
      diff: status === 'draft' ? h.diff : null
    };
  }

  function keysOf(rec: PlanRecord): Map<string, number> {
    const out = new Map<string, number>();
    for (let j = 0; j < rec.items.length; j++)
      out.set(
        occurrenceKey(
          rec.accounts.ids[rec.items.account[j]],
          rec.actions[rec.items.action[j]].id,
          rec.items.seq[j]
        ),
        rec.items.day[j] * 1000 + rec.items.rep[j]
      );
    return out;
  }

  function diffPlans(before: PlanRecord, after: PlanRecord) {
    const a = keysOf(before);
    const b = keysOf(after);
    let added = 0;
    let changed = 0;
    let same = 0;
    for (const [k, v] of b) {
      const old = a.get(k);
      if (old === undefined) added++;
      else if (old !== v) changed++;
      else same++;
    }
    let removed = 0;
    for (const k of a.keys()) if (!b.has(k)) removed++;
    return { added, removed, changed, same };
  }

  function itemView(rec: PlanRecord, j: number): PlanItemView {
    const it = rec.items;
    const acc = it.account[j];
    const act = rec.actions[it.action[j]];
    return {
      index: j,
      key: occurrenceKey(rec.accounts.ids[acc], act.id, it.seq[j]),
      accountId: rec.accounts.ids[acc],
      accountName: rec.accounts.names[acc],
      city: place(rec, acc),
      segment: rec.accounts.segment[acc],
      action: it.action[j],
      actionId: act.id,
      seq: it.seq[j],
      rep: it.rep[j],
      day: it.day[j],
      minute: it.minute[j],
      minutes: actionMinutes(act),
      done: (it.flags[j] & FLAG_DONE) !== 0,
      moved: (it.flags[j] & FLAG_MOVED) !== 0,
      kept: (it.flags[j] & FLAG_KEPT) !== 0,
      reason: UNPLACED_REASONS[it.reason[j]]
    };
  }

  /** Items of one rep (or of nobody: -1), in plan order. */
  function* itemsOf(h: Held, rep: number | null): Generator<number> {
    const ranges = rep === null ? h.ranges : [h.ranges[rep < 0 ? h.ranges.length - 1 : rep]];
    for (const [from, to] of ranges) for (let j = from; j < to; j++) yield j;
  }

  async function persist(h: Held): Promise<void> {
    if (accepted && h === accepted) await deps.db().plans.put(h.rec);
  }

  function rowsFor(
    h: Held,
    rep: number | null,
    dialect: CsvDialect | 'xlsx',
    L: PlanExportLabels = FRENCH_LABELS
  ) {
    const rec = h.rec;
    const header = L.header;
    const wsPart = uidPart(rec.workspaceId);
    const startPart = isoDay(rec.start).replace(/-/g, '');
    function* rows(): Generator<CsvCell[]> {
      for (const j of itemsOf(h, rep)) {
        const v = itemView(rec, j);
        const r = v.rep >= 0 ? rec.reps[v.rep] : null;
        const status =
          v.day < 0
            ? `${L.status.unplaced} (${L.reasons[v.reason]})`
            : v.done
              ? L.status.done
              : v.moved
                ? L.status.moved
                : L.status.planned;
        yield [
          v.day < 0 ? '' : dialect === 'excel-fr' ? frDay(v.day) : isoDay(v.day),
          v.day < 0 ? '' : hhmm(v.minute),
          v.minutes,
          r?.name ?? '',
          r ? L.roles[r.role] : '',
          rec.actions[v.action].name,
          v.accountId,
          v.accountName,
          rec.segments[v.segment]?.name ?? '',
          rec.accounts.city[rec.items.account[j]] ?? '',
          rec.accounts.postcode?.[rec.items.account[j]] ?? '',
          status,
          `${uidPart(v.accountId)}.${uidPart(v.actionId)}.${v.seq}.${startPart}.${wsPart}@podium`
        ];
      }
    }
    return { header, rows };
  }

  const api = {
    /** Reps named in the imported file, with a role guess; what the file lets us group by. */
    async planContext(): Promise<{
      reps: Array<{ name: string; accounts: number; role: Role }>;
      area: 'postcode' | 'department' | 'region' | null;
      rowCount: number;
    } | null> {
      const res = deps.resident();
      if (!res) return null;
      const t = res.table;
      const reps = textCol(t, 'rep');
      const spread = textCol(t, 'region') ?? textCol(t, 'department');
      const has = (r: string) => t.columns.some((c) => c.role === r);
      return {
        reps: reps ? proposeReps(reps, spread) : [],
        area: has('postcode')
          ? 'postcode'
          : has('department')
            ? 'department'
            : has('region')
              ? 'region'
              : null,
        rowCount: t.rowCount
      };
    },

    /** Generates a draft plan; the accepted one is untouched until `acceptPlan`. */
    async generatePlan(req: GenerateRequest, onProgress?: ProgressFn): Promise<PlanSummary | null> {
      const res = deps.resident();
      if (!res) return null;
      const t = res.table;
      const seg = deps.segmentationOf(t, req.segmentation);
      const fileIds = deps.idsOf(t) ?? accountIds(t) ?? [];
      // One key per account: a repeated id would give two accounts the same calendar UIDs.
      const { keys: ids, duplicated } = uniqueAccountKeys(fileIds);
      const names = textCol(t, 'name') ?? ids;
      const pc = textCol(t, 'postcode');
      const dep = textCol(t, 'department');
      const reg = textCol(t, 'region');
      const city = textCol(t, 'city');
      const n = t.rowCount;
      const area = Array.from({ length: n }, (_, i) =>
        areaOf(pc?.[i] ?? null, dep?.[i] ?? null, reg?.[i] ?? null)
      );
      const cityText = city ?? new Array<string>(n).fill('');
      const postcodes = pc ?? new Array<string>(n).fill('');
      const pinnedIds = new Set(req.segmentation.pins.map((p) => p.accountId));
      const pinned = Uint8Array.from(fileIds, (id) => (pinnedIds.has(id) ? 1 : 0));
      const s = req.settings;
      if (accepted?.rec.scenarioId !== req.scenarioId) await api.loadPlan(req);
      const input: PlanInput = {
        start: s.start,
        end: addMonths(s.start, s.months),
        months: s.months,
        today: req.today,
        alsaceMoselle: s.alsaceMoselle,
        reps: s.reps,
        roles: req.coverage.roles,
        actions: req.coverage.actions,
        grid: req.coverage.grid,
        prospectGrid: req.coverage.prospectGrid,
        segments: req.segmentation.segments,
        accounts: {
          count: n,
          ids,
          names,
          segment: seg.segment,
          prospect: prospectMask(t),
          pinned,
          area,
          importedRep: textCol(t, 'rep') ?? new Array<string>(n).fill('')
        },
        assign: s.assign,
        overrides: s.overrides,
        previous: previousOwners(accepted?.rec ?? null, s),
        previousDays: previousDays(accepted?.rec ?? null)
      };
      onProgress?.({ stage: 'plan', done: 0, total: 1 });
      const plan = generatePlan(input, (done, total) =>
        onProgress?.({ stage: 'plan', done, total })
      );
      if (duplicated.length)
        plan.issues.push({
          code: 'duplicateIds',
          ids: duplicated.length,
          sample: duplicated.slice(0, 5)
        });
      const rec: PlanRecord = {
        scenarioId: req.scenarioId,
        workspaceId: req.workspaceId,
        createdAt: Date.now(),
        acceptedAt: 0,
        datasetId: res.datasetId,
        modelKey: req.modelKey,
        start: plan.start,
        end: plan.end,
        months: s.months,
        week0: plan.week0,
        weeks: plan.weeks,
        reps: s.reps,
        actions: req.coverage.actions.map((a) => ({
          id: a.id,
          name: a.name,
          channel: a.channel,
          minutes: Math.max(0, a.minutes),
          travelMinutes: Math.max(0, a.travelMinutes)
        })),
        segments: req.segmentation.segments.map((x) => ({ ...x })),
        accounts: {
          ids,
          names,
          segment: seg.segment.slice(),
          area,
          city: cityText,
          postcode: postcodes
        },
        owner: plan.owner,
        items: plan.items,
        weekLoad: plan.weekLoad,
        weekCapacity: plan.weekCapacity,
        monthStarts: plan.monthStarts,
        monthLoad: plan.monthLoad,
        monthCapacity: plan.monthCapacity,
        alsaceMoselle: s.alsaceMoselle,
        assign: s.assign,
        stats: plan.reps,
        modelHours: plan.modelHours,
        issues: plan.issues
      };
      draft = hold(
        rec,
        plan.ok && accepted?.rec.scenarioId === rec.scenarioId ? diffPlans(accepted.rec, rec) : null
      );
      if (!plan.ok) {
        const out = summary(draft, 'draft');
        draft = null;
        return { ...out, status: 'rejected' };
      }
      return summary(draft, 'draft');
    },

    /** Makes the draft the accepted plan of its scenario (stored). */
    async acceptPlan(): Promise<PlanSummary | null> {
      if (!draft) return null;
      const rec = { ...draft.rec, acceptedAt: Date.now() };
      await deps.db().plans.put(rec);
      accepted = { ...hold(rec), scenarioId: rec.scenarioId };
      draft = null;
      return summary(accepted, 'accepted');
    },

    /** Drops the draft: the accepted plan is shown again. */
    async discardDraft(): Promise<PlanSummary | null> {
      draft = null;
      return accepted ? summary(accepted, 'accepted') : null;
    },

    /** The plan shown for a scenario: its draft if any, else the accepted plan (read once). */
    async loadPlan(req: { scenarioId: string }): Promise<PlanSummary | null> {
      if (draft && draft.rec.scenarioId !== req.scenarioId) draft = null;
      const h = await shownFor(req.scenarioId);
      return h ? summary(h, h === draft ? 'draft' : 'accepted') : null;
    },

    /** One rep's actions of one week (rep -1: actions nobody could take), with the unplaced. */
    async planWeek(req: {
      scenarioId: string;
      rep: number;
      week: number;
    }): Promise<PlanWeekView | null> {
      const h = await shownFor(req.scenarioId);
      if (!h) return null;
      const rec = h.rec;
      const from = rec.week0 + req.week * 7;
      const items: PlanItemView[] = [];
      let unplaced = 0;
      for (const j of itemsOf(h, req.rep)) {
        const d = rec.items.day[j];
        if (d < 0) unplaced++;
        else if (d >= from && d < from + 7) items.push(itemView(rec, j));
      }
      return { week: req.week, from, items, unplaced };
    },

    /** Actions per day of the period for one rep (calendar). */
    async planDays(req: {
      scenarioId: string;
      rep: number;
    }): Promise<{ start: number; counts: number[]; hours: number[] } | null> {
      const h = await shownFor(req.scenarioId);
      if (!h) return null;
      const rec = h.rec;
      const n = rec.end - rec.start;
      const counts = new Array<number>(n).fill(0);
      const hours = new Array<number>(n).fill(0);
      for (const j of itemsOf(h, req.rep)) {
        const d = rec.items.day[j];
        if (d < 0) continue;
        counts[d - rec.start]++;
        hours[d - rec.start] += hoursOf(h, j);
      }
      return { start: rec.start, counts, hours };
    },

    /** Actions not placed (one rep, nobody: -1, or everyone: null), paged. */
    async planUnplaced(req: {
      scenarioId: string;
      rep: number | null;
      offset: number;
      limit: number;
    }): Promise<{ total: number; items: PlanItemView[] } | null> {
      const h = await shownFor(req.scenarioId);
      if (!h) return null;
      const all: number[] = [];
      for (const j of itemsOf(h, req.rep)) if (h.rec.items.day[j] < 0) all.push(j);
      return {
        total: all.length,
        items: all
          .slice(req.offset, req.offset + Math.min(500, req.limit))
          .map((j) => itemView(h.rec, j))
      };
    },

    /** A rep's accounts with segment, planned actions and the next one; searchable, paged. */
    async planAccounts(req: {
      scenarioId: string;
      rep: number;
      search: string;
      offset: number;
      limit: number;
      today: number;
    }): Promise<{ total: number; rows: PlanAccountRow[] } | null> {
      const h = await shownFor(req.scenarioId);
      if (!h) return null;
      const rec = h.rec;
      const n = rec.accounts.ids.length;
      const q = fold(req.search);
      const mine: number[] = [];
      for (let i = 0; i < n; i++) {
        if (rec.owner.field[i] !== req.rep && rec.owner.inside[i] !== req.rep) continue;
        if (
          q &&
          !fold(rec.accounts.names[i]).includes(q) &&
          !fold(rec.accounts.ids[i]).includes(q) &&
          !fold(place(rec, i)).includes(q)
        )
          continue;
        mine.push(i);
      }
      mine.sort(
        (x, y) =>
          rec.accounts.segment[x] - rec.accounts.segment[y] ||
          rec.accounts.names[x].localeCompare(rec.accounts.names[y], 'fr')
      );
      const page = mine.slice(req.offset, req.offset + Math.min(500, req.limit));
      const want = new Set(page);
      const planned = new Map<number, number>();
      const next = new Map<number, number>();
      for (const j of itemsOf(h, req.rep)) {
        const i = rec.items.account[j];
        if (!want.has(i)) continue;
        planned.set(i, (planned.get(i) ?? 0) + 1);
        const d = rec.items.day[j];
        if (d >= req.today && !(rec.items.flags[j] & FLAG_DONE) && !next.has(i)) next.set(i, j);
      }
      const repName = (r: number) => (r >= 0 ? rec.reps[r].name : '');
      return {
        total: mine.length,
        rows: page.map((i) => {
          const j = next.get(i);
          return {
            account: i,
            id: rec.accounts.ids[i],
            name: rec.accounts.names[i],
            city: place(rec, i),
            segment: rec.accounts.segment[i],
            actions: planned.get(i) ?? 0,
            next:
              j === undefined
                ? null
                : { day: rec.items.day[j], action: rec.actions[rec.items.action[j]].name },
            field: repName(rec.owner.field[i]),
            inside: repName(rec.owner.inside[i])
          };
        })
      };
    },

    /** Actions per month and action type for one rep (printable PAC). */
    async planMonths(req: { scenarioId: string; rep: number }): Promise<{
      months: Array<{ year: number; month: number; counts: number[]; hours: number }>;
    } | null> {
      const h = await shownFor(req.scenarioId);
      if (!h) return null;
      const rec = h.rec;
      const out = new Map<
        string,
        { year: number; month: number; counts: number[]; hours: number }
      >();
      for (let d = rec.start; d < rec.end; d++) {
        const p = dayParts(d);
        const k = `${p.year}-${p.month}`;
        if (!out.has(k))
          out.set(k, { year: p.year, month: p.month, counts: rec.actions.map(() => 0), hours: 0 });
      }
      for (const j of itemsOf(h, req.rep)) {
        const d = rec.items.day[j];
        if (d < 0) continue;
        const p = dayParts(d);
        const m = out.get(`${p.year}-${p.month}`);
        if (!m) continue;
        m.counts[rec.items.action[j]]++;
        m.hours += hoursOf(h, j);
      }
      return { months: [...out.values()] };
    },

    /** Moves from overloaded reps to reps with room (accounts reassigned by hand stay). */
    async planRebalance(req: {
      scenarioId: string;
      locked: Record<string, Partial<Record<Role, string>>>;
    }): Promise<RebalanceProposal | null> {
      const h = await shownFor(req.scenarioId);
      if (!h) return null;
      const rec = h.rec;
      const n = rec.accounts.ids.length;
      const hours = { field: new Float64Array(n), inside: new Float64Array(n) };
      for (let j = 0; j < rec.items.length; j++) {
        const a = rec.actions[rec.items.action[j]];
        const role = a.channel === 'field' ? 'field' : a.channel === 'inside' ? 'inside' : null;
        if (role) hours[role][rec.items.account[j]] += hoursOf(h, j);
      }
      const moves = proposeMoves({
        repRoles: rec.reps.map((r) => r.role),
        capacity: rec.stats.map((s) => s.capacity),
        demand: rec.stats.map((s) => s.hoursPlanned + s.hoursUnplaced),
        owner: rec.owner,
        segment: rec.accounts.segment,
        area: rec.accounts.area,
        hours,
        locked: (i, role) => !!req.locked[rec.accounts.ids[i]]?.[role]
      });
      return {
        moves: moves.map((m) => ({
          accountId: rec.accounts.ids[m.account],
          accountName: rec.accounts.names[m.account],
          role: m.role,
          from: rec.reps[m.from].id,
          to: rec.reps[m.to].id,
          hours: m.hours
        }))
      };
    },

    /** Marks an action done / moves it by hand in the shown plan (stored when accepted). */
    async planSetItem(req: {
      scenarioId: string;
      index: number;
      day: number | null;
      done: boolean;
    }): Promise<PlanSummary | null> {
      const h = await shownFor(req.scenarioId);
      if (!h) return null;
      const rec = h.rec;
      const it = rec.items;
      const j = req.index;
      if (j < 0 || j >= it.length) return null;
      const r = it.rep[j];
      const hrs = hoursOf(h, j);
      const old = it.day[j];
      const next = req.day === null ? old : req.day;
      const nM = rec.monthStarts.length;
      const month = (d: number) => r * nM + monthOf(rec.monthStarts, d);
      if (r >= 0 && next !== old) {
        if (old >= 0) rec.monthLoad[month(old)] -= hrs;
        rec.monthLoad[month(next)] += hrs;
        if (old >= 0) rec.weekLoad[r * rec.weeks + Math.floor((old - rec.week0) / 7)] -= hrs;
        else {
          rec.stats[r].unplaced--;
          rec.stats[r].hoursUnplaced -= hrs;
          rec.stats[r].actions++;
          rec.stats[r].hoursPlanned += hrs;
        }
        rec.weekLoad[r * rec.weeks + Math.floor((next - rec.week0) / 7)] += hrs;
        it.day[j] = next;
        it.reason[j] = 0;
        it.flags[j] |= FLAG_MOVED;
      }
      it.flags[j] = req.done ? it.flags[j] | FLAG_DONE : it.flags[j] & ~FLAG_DONE;
      if (next !== old && r >= 0) {
        const [from, to] = h.ranges[r];
        const view = Object.fromEntries(
          Object.entries(it).map(([k, v]) => [
            k,
            k === 'length' ? to - from : (v as Int32Array).subarray(from, to)
          ])
        ) as unknown as PlanItems;
        sortItems(view, rec.accounts.area);
        assignMinutes(
          view,
          h.hours.map((x) => x * 60)
        );
      }
      rec.updatedAt = Date.now();
      await persist(h);
      return summary(h, h === draft ? 'draft' : 'accepted');
    },

    /** Plan export for one rep or everyone: CSV (French Excel or standard), XLSX or ICS. */
    async exportPlan(req: {
      scenarioId: string;
      rep: number | null;
      format: CsvDialect | 'xlsx' | 'ics';
      name: string;
      /** Words of the file in the user's language (French when absent). */
      labels?: PlanExportLabels;
    }): Promise<string | ArrayBuffer> {
      const h = await shownFor(req.scenarioId);
      if (!h) return '';
      const L = req.labels ?? FRENCH_LABELS;
      const rec = h.rec;
      if (req.format === 'ics') {
        const wsPart = uidPart(rec.workspaceId);
        const startPart = isoDay(rec.start).replace(/-/g, '');
        function* events(): Generator<IcsEvent> {
          for (const j of itemsOf(h as Held, req.rep)) {
            const v = itemView(rec, j);
            if (v.day < 0) continue;
            const seg = rec.segments[v.segment]?.name ?? '';
            const act = rec.actions[v.action];
            const rep = v.rep >= 0 ? rec.reps[v.rep].name : '';
            yield {
              uid: `${uidPart(v.accountId)}.${uidPart(v.actionId)}.${v.seq}.${startPart}.${wsPart}@podium`,
              start: { ...dayParts(v.day), minute: v.minute },
              minutes: Math.max(15, v.minutes),
              summary: `${act.name} — ${v.accountName}`,
              description: [
                `${L.ics.account}${v.accountName} (${v.accountId})`,
                `${L.ics.segment}${seg}`,
                `${L.ics.rep}${rep}`,
                act.travelMinutes > 0
                  ? `${L.ics.duration}${act.minutes} min + ${act.travelMinutes} min ${L.ics.travel}`
                  : `${L.ics.duration}${act.minutes} min`,
                v.done ? `${L.ics.status}${L.status.done}` : ''
              ]
                .filter(Boolean)
                .join('\n'),
              location: v.city,
              categories: seg ? [seg] : []
            };
          }
        }
        // ical-generator is loaded on the first calendar export only.
        const { toIcs } = await import('../export/ics');
        return toIcs({
          name: req.name,
          stamp: rec.updatedAt ?? rec.createdAt,
          // Seconds since 2026-01-01: grows with every change, fits a 31-bit integer.
          sequence: Math.max(
            0,
            Math.floor(((rec.updatedAt ?? rec.createdAt) - Date.UTC(2026, 0, 1)) / 1000)
          ),
          events: events()
        });
      }
      const { header, rows } = rowsFor(h, req.rep, req.format, L);
      if (req.format === 'xlsx') {
        const bytes = await toXlsx('Plan', header, rows());
        return Comlink.transfer(bytes, [bytes]);
      }
      return toCsv(header, rows(), req.format);
    }
  };
  return api;
}

/**
 * Owners of the accepted plan, to keep accounts where they are — only while the team is the same
 * (same reps, roles and FTE): after a change of team, accounts are balanced afresh.
 */
function previousOwners(
  rec: PlanRecord | null,
  s: PlanSettings
): Map<string, Partial<Record<Role, string>>> | undefined {
  if (!rec) return undefined;
  const team = (reps: PlanSettings['reps']) =>
    JSON.stringify(reps.map((r) => [r.id, r.role, r.fte]));
  if (team(rec.reps) !== team(s.reps)) return undefined;
  const out = new Map<string, Partial<Record<Role, string>>>();
  rec.accounts.ids.forEach((id, i) => {
    const e: Partial<Record<Role, string>> = {};
    const f = rec.owner.field[i];
    const n = rec.owner.inside[i];
    if (f >= 0) e.field = rec.reps[f].id;
    if (n >= 0) e.inside = rec.reps[n].id;
    out.set(id, e);
  });
  return out;
}

/** Days of the accepted plan by occurrence key, for a regeneration that keeps them. */
function previousDays(
  rec: PlanRecord | null
): Map<string, { day: number; rep: string }> | undefined {
  if (!rec) return undefined;
  const out = new Map<string, { day: number; rep: string }>();
  const it = rec.items;
  for (let j = 0; j < it.length; j++) {
    if (it.day[j] < 0 || it.rep[j] < 0) continue;
    out.set(
      occurrenceKey(rec.accounts.ids[it.account[j]], rec.actions[it.action[j]].id, it.seq[j]),
      { day: it.day[j], rep: rec.reps[it.rep[j]].id }
    );
  }
  return out;
}

/** The export's words in French (the default, and what CRM imports in France expect). */
export const FRENCH_LABELS: PlanExportLabels = {
  header: [
    'Date',
    'Heure',
    'Durée (min)',
    'Commercial',
    'Rôle',
    'Action',
    'Identifiant',
    'Raison sociale',
    'Segment',
    'Ville',
    'Code postal',
    'Statut',
    'UID'
  ],
  status: { planned: 'Prévu', done: 'Fait', moved: 'Déplacé', unplaced: 'Non planifié' },
  roles: { field: 'Terrain', inside: 'Sédentaire' },
  reasons: {
    none: '',
    capacity: 'capacité dépassée',
    noRep: 'aucun commercial',
    noCapacity: 'commercial sans capacité',
    tooLong: 'action plus longue qu’une journée'
  },
  ics: {
    account: 'Compte : ',
    segment: 'Segment : ',
    rep: 'Commercial : ',
    duration: 'Durée : ',
    travel: 'de trajet',
    status: 'Statut : '
  }
};
