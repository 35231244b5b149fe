/**
 * Individual action plans (PAC, method.md step 9): who owns which account per role, and every
 * action of every account dated over the period, load-levelled against each rep's capacity.
 *
 * Units: days are epoch days; durations in minutes; capacity and load in hours.
 * Invariants (tested):
 * - every occurrence the model asks for is in the result, placed or listed as unplaced, never
 *   dropped: for a 12-month period, occurrences of (account, action) = its frequency per year;
 * - a placed action is on a working day of its rep (no weekend, public holiday or day off, not
 *   before `today`) and no day holds more than the rep's daily capacity, except actions placed by
 *   hand (moved or kept), which the rep chose;
 * - Σ over reps of planned + unplaced hours = the coverage workload × months / 12.
 */
import { dayParts, workingDays, weekday, type DayRange } from './calendar';
import type { EpochDay } from './columns';
import type { ActionDef, Channel, Role, RoleResources } from './coverage';
import { fold } from './text';

export const ROLES: readonly Role[] = ['field', 'inside'];

export interface PlanRep {
  id: string;
  name: string;
  role: Role;
  /** Share of a full-time rep (1 = full time, 0.5 = half time). */
  fte: number;
  /** Days off (congés, formation…), inclusive ranges. */
  daysOff: DayRange[];
  /** Weekdays worked, Monday to Friday (absent: all five). A 4/5 rep works Monday–Thursday. */
  weekdays?: boolean[];
}

/** A change made by hand to one planned action, kept across regenerations. */
export interface PlanOverride {
  accountId: string;
  actionId: string;
  seq: number;
  /** Rep id holding it when it was changed: keeps it with them if the account moves on. */
  rep: string | null;
  /** The day it keeps (moved by hand, or the day it was done on), or null for the generated one. */
  day: EpochDay | null;
  /** The day was chosen by hand (shown « date changée »); false for a day only kept as done. */
  moved?: boolean;
  done: boolean;
}

export interface PlanAccounts {
  count: number;
  ids: readonly string[];
  names: readonly string[];
  /** Index into `segments` (priority order: 0 first). */
  segment: Uint8Array;
  /** 1 = prospect. */
  prospect: Uint8Array;
  /** 1 = pinned by hand to its segment. */
  pinned: Uint8Array;
  /** Area used to keep accounts together (postcode département, else region), '' if none. */
  area: readonly string[];
  /** Rep named in the imported file, '' if none. */
  importedRep: readonly string[];
}

export interface PlanInput {
  start: EpochDay;
  /** Exclusive. */
  end: EpochDay;
  months: number;
  /** Nothing is scheduled before this day. */
  today: EpochDay;
  alsaceMoselle: boolean;
  reps: readonly PlanRep[];
  roles: Record<Role, RoleResources>;
  actions: readonly ActionDef[];
  grid: Record<string, Record<string, number>>;
  prospectGrid: Record<string, Record<string, number>> | null;
  segments: ReadonlyArray<{ id: string; name: string }>;
  accounts: PlanAccounts;
  /** Manual reassignments: account id → rep id per role. */
  assign: Readonly<Record<string, Partial<Record<Role, string>>>>;
  overrides: Readonly<Record<string, PlanOverride>>;
  /**
   * Owners in the plan accepted before (account id → rep id per role). When given, accounts keep
   * them (if that rep still has the role and capacity), so that reassigning one account or
   * changing the model does not reshuffle everyone else.
   */
  previous?: ReadonlyMap<string, Partial<Record<Role, string>>>;
  /**
   * Days of the accepted plan by occurrence key (with the rep id): an occurrence keeps its day
   * when it is still with that rep, within its window and with room, so that a small change does
   * not move everyone's agenda.
   */
  previousDays?: ReadonlyMap<string, { day: EpochDay; rep: string }>;
}

export type UnplacedReason = 'none' | 'capacity' | 'noRep' | 'noCapacity' | 'tooLong';
export const UNPLACED_REASONS: readonly UnplacedReason[] = [
  'none',
  'capacity',
  'noRep',
  'noCapacity',
  'tooLong'
];

export const FLAG_DONE = 1;
export const FLAG_MOVED = 2;
/** Kept from an override although the model no longer asks for it. */
export const FLAG_KEPT = 4;

/** Planned actions as parallel columns, sorted by (rep, day, minute). */
export interface PlanItems {
  length: number;
  account: Uint32Array;
  action: Uint8Array;
  /** Rep index, -1 when no rep could take it. */
  rep: Int16Array;
  /** Epoch day, -1 when unplaced. */
  day: Int32Array;
  /** Start, minutes after midnight (09:00 = 540). */
  minute: Uint16Array;
  /** Occurrence number of (account, action) in the period, from 0. */
  seq: Uint16Array;
  flags: Uint8Array;
  /** Index into UNPLACED_REASONS (0 when placed). */
  reason: Uint8Array;
}

export type PlanIssue =
  | { code: 'periodEmpty' }
  | { code: 'periodPast'; end: EpochDay }
  | { code: 'noRepForRole'; role: Role; accounts: number; sample: string[] }
  | { code: 'repNoCapacity'; rep: string; accounts: number }
  | { code: 'overCapacity'; rep: string; unplaced: number; hours: number }
  | { code: 'tooLong'; action: string; rep: string }
  | { code: 'pinnedNoActions'; segment: string; accounts: number; sample: string[] }
  | { code: 'unknownRep'; name: string; accounts: number }
  | { code: 'keptOutsideModel'; count: number }
  | { code: 'duplicateIds'; ids: number; sample: string[] };

export interface RepStats {
  accounts: number;
  /** Accounts per segment index. */
  accountsBySegment: number[];
  actions: number;
  hoursPlanned: number;
  hoursUnplaced: number;
  unplaced: number;
  /** Hours available over the period (working days from `today` × daily capacity). */
  capacity: number;
  dailyCapacity: number;
  workingDays: number;
}

export interface PlanResult {
  ok: boolean;
  start: EpochDay;
  end: EpochDay;
  /** Monday of the first week; week w spans [week0 + 7w, week0 + 7w + 7). */
  week0: EpochDay;
  weeks: number;
  /** Owner per account per role (-1 none). */
  owner: Record<Role, Int16Array>;
  items: PlanItems;
  /** Hours per rep per week (rep-major: rep * weeks + week). */
  weekLoad: Float64Array;
  /** Capacity per rep per week, same layout. */
  weekCapacity: Float64Array;
  /** First day of each calendar month of the period (the first is `start`). */
  monthStarts: number[];
  /** Hours per rep per month (rep-major: rep * months + month), and capacity likewise. */
  monthLoad: Float64Array;
  monthCapacity: Float64Array;
  reps: RepStats[];
  /** Workload the model asks for over the period (hours), placed or not. */
  modelHours: number;
  issues: PlanIssue[];
}

const DAY_START = 9 * 60;
const LUNCH_FROM = 12 * 60 + 30;
const LUNCH_TO = 14 * 60;

const roleOf = (c: Channel): Role | null =>
  c === 'field' ? 'field' : c === 'inside' ? 'inside' : null;

/** Minutes of one action (meeting + travel). */
export const actionMinutes = (a: Pick<ActionDef, 'minutes' | 'travelMinutes'>): number =>
  Math.max(0, Number.isFinite(a.minutes) ? a.minutes : 0) +
  Math.max(0, Number.isFinite(a.travelMinutes) ? a.travelMinutes : 0);

/** Every weekday worked (Monday to Friday): the default of a rep. */
export const ALL_WEEKDAYS: readonly boolean[] = [true, true, true, true, true];

/** Index of the month of `day` in `monthStarts` (first days of the period's months, ascending). */
export function monthOf(monthStarts: readonly number[], day: number): number {
  let m = 0;
  while (m + 1 < monthStarts.length && monthStarts[m + 1] <= day) m++;
  return m;
}

/**
 * One key per account for plans, calendars and hand changes: the file's id, and for an id the
 * file repeats, `id#2`, `id#3`… (the import flags duplicates but keeps both rows). Empty ids
 * (no id nor name) become `#row`.
 */
export function uniqueAccountKeys(ids: readonly string[]): {
  keys: string[];
  duplicated: string[];
} {
  const seen = new Map<string, number>();
  const duplicated: string[] = [];
  const keys = ids.map((id, i) => {
    if (!id) return `#${i + 1}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n === 2) duplicated.push(id);
    return n === 1 ? id : `${id}#${n}`;
  });
  return { keys, duplicated };
}

/** Stable key of one occurrence: the same account, action and number give the same key. */
export const occurrenceKey = (accountId: string, actionId: string, seq: number): string =>
  `${accountId}~${actionId}~${seq}`;

/** Rep names compared without case, accents or repeated spaces. */
export function repKey(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

/** Hours a rep can sell per working day. */
export function dailyCapacity(rep: PlanRep, roles: Record<Role, RoleResources>): number {
  const r = roles[rep.role];
  const v = r.hoursPerDay * Math.min(1, r.sellingShare) * rep.fte;
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * Reps proposed from the imported rep column: one per distinct name, with its account count.
 * Role guess: a rep whose accounts span more than half of the file's regions works from the
 * office (inside); the others are field reps. The manager corrects it.
 */
export function proposeReps(
  repValues: readonly string[],
  areaValues: readonly string[] | null
): Array<{ name: string; accounts: number; role: Role }> {
  const by = new Map<string, { name: string; accounts: number; areas: Set<string> }>();
  const allAreas = new Set<string>();
  for (let i = 0; i < repValues.length; i++) {
    const name = repValues[i].trim();
    if (!name) continue;
    const k = repKey(name);
    let e = by.get(k);
    if (!e) by.set(k, (e = { name, accounts: 0, areas: new Set() }));
    e.accounts++;
    const a = areaValues?.[i] ?? '';
    if (a) {
      e.areas.add(a);
      allAreas.add(a);
    }
  }
  const many = allAreas.size >= 4 ? allAreas.size / 2 : Infinity;
  return [...by.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((e) => ({
      name: e.name,
      accounts: e.accounts,
      role: e.areas.size > many ? 'inside' : 'field'
    }));
}

/** Frequency per year of every (segment, prospect?) × action; 0 where the grid says nothing. */
function frequencyTable(input: PlanInput): Float64Array {
  const nA = input.actions.length;
  const out = new Float64Array(input.segments.length * 2 * nA);
  input.segments.forEach((s, si) => {
    input.actions.forEach((a, ai) => {
      const c = input.grid[s.id]?.[a.id] ?? 0;
      const p = (input.prospectGrid ?? input.grid)[s.id]?.[a.id] ?? 0;
      out[si * 2 * nA + ai] = Number.isFinite(c) && c > 0 ? c : 0;
      out[(si * 2 + 1) * nA + ai] = Number.isFinite(p) && p > 0 ? p : 0;
    });
  });
  return out;
}

/** A number in [0, 1) from an account id and an action index (FNV-1a), stable across runs. */
function unitHash(id: string, action: number): number {
  let h = 0x811c9dc5 ^ action;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

/** Growable numeric columns for items. */
class ItemBuffer {
  account: number[] = [];
  action: number[] = [];
  rep: number[] = [];
  day: number[] = [];
  minute: number[] = [];
  seq: number[] = [];
  flags: number[] = [];
  reason: number[] = [];
  push(
    acc: number,
    act: number,
    rep: number,
    day: number,
    seq: number,
    flags: number,
    reason: number
  ) {
    this.account.push(acc);
    this.action.push(act);
    this.rep.push(rep);
    this.day.push(day);
    this.minute.push(0);
    this.seq.push(seq);
    this.flags.push(flags);
    this.reason.push(reason);
  }
}

/**
 * Assigns owners per role. Order of precedence: a manual reassignment, then the owner in the plan
 * accepted before (if given), then the rep named in the file (when that rep has this role), then
 * automatic assignment of the accounts left, by area
 * groups (largest first) to the rep already holding that area if they still have room, else to
 * the least loaded rep of the role (load / capacity).
 */
export function assignOwners(
  input: PlanInput,
  hoursPerYear: Record<Role, Float64Array>,
  capacity: Float64Array
): { owner: Record<Role, Int16Array>; unknown: Map<string, number> } {
  const n = input.accounts.count;
  const byId = new Map(input.reps.map((r, i) => [r.id, i]));
  const byName = new Map(input.reps.map((r, i) => [repKey(r.name), i]));
  const unknown = new Map<string, number>();
  const owner = { field: new Int16Array(n).fill(-1), inside: new Int16Array(n).fill(-1) };
  for (const role of ROLES) {
    const own = owner[role];
    const h = hoursPerYear[role];
    const load = new Float64Array(input.reps.length);
    const areaLoad = new Map<string, Map<number, number>>();
    const note = (i: number, r: number) => {
      own[i] = r;
      load[r] += h[i];
      const a = input.accounts.area[i];
      if (!a) return;
      let m = areaLoad.get(a);
      if (!m) areaLoad.set(a, (m = new Map()));
      m.set(r, (m.get(r) ?? 0) + h[i]);
    };
    const pending: number[] = [];
    for (let i = 0; i < n; i++) {
      const manual = input.assign[input.accounts.ids[i]]?.[role];
      const mi = manual !== undefined ? byId.get(manual) : undefined;
      if (mi !== undefined && input.reps[mi].role === role) {
        note(i, mi);
        continue;
      }
      const kept = input.previous?.get(input.accounts.ids[i])?.[role];
      const ki = kept !== undefined ? byId.get(kept) : undefined;
      if (ki !== undefined && input.reps[ki].role === role && capacity[ki] > 0 && h[i] > 0) {
        note(i, ki);
        continue;
      }
      const named = input.accounts.importedRep[i];
      if (named) {
        const ri = byName.get(repKey(named));
        if (ri !== undefined && input.reps[ri].role === role) {
          note(i, ri);
          continue;
        }
        if (ri === undefined && role === 'field')
          unknown.set(named.trim(), (unknown.get(named.trim()) ?? 0) + 1);
      }
      if (h[i] > 0) pending.push(i);
    }
    const candidates = input.reps
      .map((r, i) => i)
      .filter((i) => input.reps[i].role === role && capacity[i] > 0);
    if (candidates.length === 0) continue;
    // Area groups, largest workload first; inside each group, largest accounts first.
    const groups = new Map<string, number[]>();
    for (const i of pending) {
      const a = input.accounts.area[i] || `\u0000${i}`;
      let g = groups.get(a);
      if (!g) groups.set(a, (g = []));
      g.push(i);
    }
    const sum = (g: number[]) => g.reduce((s, i) => s + h[i], 0);
    const ordered = [...groups.entries()]
      .map(([area, g]) => ({ area, g: g.sort((x, y) => h[y] - h[x]), total: sum(g) }))
      .sort((x, y) => y.total - x.total || (x.area < y.area ? -1 : 1));
    const util = (r: number, extra: number) => (load[r] + extra) / capacity[r];
    const leastLoaded = (extra: number) =>
      candidates.reduce((best, r) => (util(r, extra) < util(best, extra) ? r : best));
    // Fair share: everyone at the same utilisation (above 100 % when the team is short).
    const demand =
      candidates.reduce((s, r) => s + load[r], 0) + pending.reduce((s, i) => s + h[i], 0);
    const capTotal = candidates.reduce((s, r) => s + capacity[r], 0);
    const fair = (r: number) => ((capacity[r] * demand) / capTotal) * 1.01 + 1e-9;
    for (const { area, g } of ordered) {
      const holders = areaLoad.get(area);
      let current = -1;
      if (holders) {
        let best = -1;
        for (const [r, hrs] of holders)
          if (candidates.includes(r) && (best < 0 || hrs > (holders.get(best) ?? 0))) best = r;
        current = best;
      }
      // The whole area to one rep when someone has room for it: the area's holder first, then
      // the least loaded; otherwise it is shared, one account at a time.
      const total = g.reduce((x, i) => x + h[i], 0);
      const order = [...candidates].sort(
        (x, y) => (holders?.get(y) ?? 0) - (holders?.get(x) ?? 0) || util(x, total) - util(y, total)
      );
      const whole = order.find((r) => load[r] + total <= fair(r));
      if (whole !== undefined) {
        for (const i of g) note(i, whole);
        continue;
      }
      for (const i of g) {
        if (current < 0 || load[current] + h[i] > fair(current)) {
          const next = leastLoaded(h[i]);
          if (current < 0 || util(next, h[i]) < util(current, h[i])) current = next;
        }
        note(i, current);
      }
    }
  }
  return { owner, unknown };
}

/**
 * Generates the plan. Pure and deterministic: the same input gives the same plan.
 * `onProgress` is called with (done, total) actions placed.
 */
export function generatePlan(
  input: PlanInput,
  onProgress?: (done: number, total: number) => void
): PlanResult {
  const { start, end, accounts } = input;
  const n = accounts.count;
  const nA = input.actions.length;
  const nR = input.reps.length;
  const issues: PlanIssue[] = [];
  const week0 = start - weekday(start);
  const weeks = Math.max(0, Math.ceil((end - week0) / 7));
  const empty = (): PlanResult => ({
    ok: false,
    start,
    end,
    week0,
    weeks: 0,
    owner: { field: new Int16Array(n).fill(-1), inside: new Int16Array(n).fill(-1) },
    items: toItems(new ItemBuffer()),
    weekLoad: new Float64Array(0),
    weekCapacity: new Float64Array(0),
    monthStarts: [],
    monthLoad: new Float64Array(0),
    monthCapacity: new Float64Array(0),
    reps: [],
    modelHours: 0,
    issues
  });
  if (!(end > start) || !(input.months > 0)) {
    issues.push({ code: 'periodEmpty' });
    return empty();
  }
  if (end <= input.today) {
    issues.push({ code: 'periodPast', end });
    return empty();
  }
  const years = input.months / 12;
  const span = end - start;
  const freq = frequencyTable(input);
  const minutes = input.actions.map(actionMinutes);
  const actRole = input.actions.map((a) => roleOf(a.channel));

  // Workload per account and role, per year.
  const hoursPerYear = { field: new Float64Array(n), inside: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const base = (accounts.segment[i] * 2 + accounts.prospect[i]) * nA;
    for (let a = 0; a < nA; a++) {
      const role = actRole[a];
      const f = freq[base + a];
      if (role && f > 0) hoursPerYear[role][i] += (f * minutes[a]) / 60;
    }
  }

  // Calendars and capacity per rep.
  const firstDay = Math.max(start, input.today);
  const cal: Uint8Array[] = [];
  const capacity = new Float64Array(nR);
  const daily = new Float64Array(nR);
  const repStats: RepStats[] = input.reps.map((rep, r) => {
    const w = workingDays(start, end, {
      alsaceMoselle: input.alsaceMoselle,
      daysOff: rep.daysOff,
      weekdays: rep.weekdays
    });
    for (let d = start; d < firstDay; d++) w[d - start] = 0;
    cal.push(w);
    let days = 0;
    for (let d = 0; d < w.length; d++) days += w[d];
    daily[r] = dailyCapacity(rep, input.roles);
    capacity[r] = daily[r] * days;
    return {
      accounts: 0,
      accountsBySegment: new Array<number>(input.segments.length).fill(0),
      actions: 0,
      hoursPlanned: 0,
      hoursUnplaced: 0,
      unplaced: 0,
      capacity: capacity[r],
      dailyCapacity: daily[r],
      workingDays: days
    };
  });

  // Capacity over the period, scaled to a year, is what assignment balances against.
  const { owner, unknown } = assignOwners(
    input,
    hoursPerYear,
    capacity.map((c) => c / years)
  );
  for (const [name, count] of unknown) issues.push({ code: 'unknownRep', name, accounts: count });

  // Pinned accounts whose segment asks for no action at all.
  const segHasActions = input.segments.map((_, si) => {
    for (let a = 0; a < nA; a++)
      if (freq[si * 2 * nA + a] > 0 || freq[(si * 2 + 1) * nA + a] > 0) return true;
    return false;
  });
  const pinnedIdle = new Map<number, number[]>();
  for (let i = 0; i < n; i++)
    if (accounts.pinned[i] && !segHasActions[accounts.segment[i]]) {
      const list = pinnedIdle.get(accounts.segment[i]) ?? [];
      list.push(i);
      pinnedIdle.set(accounts.segment[i], list);
    }
  for (const [si, list] of pinnedIdle)
    issues.push({
      code: 'pinnedNoActions',
      segment: input.segments[si].name,
      accounts: list.length,
      sample: list.slice(0, 5).map((i) => accounts.names[i] || accounts.ids[i])
    });

  // Stagger: per (rep or none, action), accounts ranked by (area, id) spread over [0, 1).
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const ax = accounts.area[x];
    const ay = accounts.area[y];
    if (ax !== ay) return ax < ay ? -1 : 1;
    const ix = accounts.ids[x];
    const iy = accounts.ids[y];
    return ix < iy ? -1 : ix > iy ? 1 : x - y;
  });
  // Phase shift per action among the actions of its role (0, 1/K, 2/K…).
  const shift = new Float64Array(nA);
  for (const role of ROLES) {
    const acts = input.actions.map((_, a) => a).filter((a) => actRole[a] === role);
    acts.forEach((a, k) => (shift[a] = k / acts.length));
  }
  const rankCount = new Map<number, number>();
  const rank = new Float64Array(n * nA).fill(-1);
  for (const i of order) {
    const base = (accounts.segment[i] * 2 + accounts.prospect[i]) * nA;
    for (let a = 0; a < nA; a++) {
      const role = actRole[a];
      if (!role || freq[base + a] <= 0) continue;
      const key = (owner[role][i] + 1) * nA + a;
      const k = rankCount.get(key) ?? 0;
      rank[i * nA + a] = k;
      rankCount.set(key, k + 1);
    }
  }

  // Occurrences: ideal day of each, overrides first.
  const buf = new ItemBuffer();
  const ideal: number[] = [];
  const load = cal.map((w) => new Float64Array(w.length));
  // Week capacity = the selling hours of its working days; a single day may hold up to a full
  // working day (hoursPerDay) so that visits can be grouped on field days.
  const weekCapacity = new Float64Array(nR * weeks);
  const weekLoad = new Float64Array(nR * weeks);
  const dayMax = new Float64Array(nR);
  const weekOf = (day: number) => Math.floor((day - week0) / 7);
  input.reps.forEach((rep, r) => {
    const hpd = input.roles[rep.role].hoursPerDay;
    dayMax[r] =
      daily[r] > 0 && Number.isFinite(hpd) ? Math.max(daily[r], hpd * Math.min(1, rep.fte)) : 0;
    for (let d = 0; d < cal[r].length; d++)
      if (cal[r][d]) weekCapacity[r * weeks + weekOf(start + d)] += daily[r];
  });
  let modelHours = 0;
  const usedOverride = new Set<string>();
  const noRep = { field: [] as number[], inside: [] as number[] };
  for (let i = 0; i < n; i++) {
    const base = (accounts.segment[i] * 2 + accounts.prospect[i]) * nA;
    const counted = { field: false, inside: false };
    for (let a = 0; a < nA; a++) {
      const role = actRole[a];
      const f = freq[base + a];
      if (!role || f <= 0) continue;
      const x = f * years;
      const interval = span / x;
      const r = owner[role][i];
      const key = (r + 1) * nA + a;
      // Placement phase: staggered across the rep's accounts (area order), shifted per action so
      // that two actions of one account do not fall on the same days.
      const u = ((rank[i * nA + a] + 0.5) / (rankCount.get(key) ?? 1) + shift[a]) % 1;
      // How many in the period: with a fractional x (e.g. 2 a year over 9 months), a phase that
      // depends on the account and action only, so that reassigning never changes the count.
      const count = Math.max(0, Math.ceil(x - unitHash(accounts.ids[i], a) - 1e-9));
      if (r < 0 && count > 0 && !counted[role]) {
        noRep[role].push(i);
        counted[role] = true;
      }
      for (let k = 0; k < count; k++) {
        modelHours += minutes[a] / 60;
        const uid = occurrenceKey(accounts.ids[i], input.actions[a].id, k);
        const ov = input.overrides[uid];
        if (ov) usedOverride.add(uid);
        if (r < 0) {
          buf.push(i, a, -1, -1, k, ov?.done ? FLAG_DONE : 0, 2);
          ideal.push(-1);
          continue;
        }
        if (ov && ov.day !== null && ov.day >= start && ov.day < end) {
          const flags = (ov.moved !== false ? FLAG_MOVED : 0) | (ov.done ? FLAG_DONE : 0);
          buf.push(i, a, r, ov.day, k, flags, 0);
          load[r][ov.day - start] += minutes[a] / 60;
          weekLoad[r * weeks + weekOf(ov.day)] += minutes[a] / 60;
          ideal.push(-1);
          continue;
        }
        buf.push(i, a, r, -2, k, ov?.done ? FLAG_DONE : 0, 0);
        ideal.push(start + (k + u) * interval);
      }
    }
  }
  for (const role of ROLES)
    if (noRep[role].length)
      issues.push({
        code: 'noRepForRole',
        role,
        accounts: noRep[role].length,
        sample: noRep[role].slice(0, 5).map((i) => accounts.names[i] || accounts.ids[i])
      });

  // Overrides the model no longer asks for: kept as they are.
  const idIndex = new Map<string, number>();
  const actIndex = new Map(input.actions.map((a, i) => [a.id, i]));
  let kept = 0;
  for (const [uid, ov] of Object.entries(input.overrides)) {
    if (usedOverride.has(uid) || ov.day === null || ov.day < start || ov.day >= end) continue;
    if (idIndex.size === 0) accounts.ids.forEach((id, i) => idIndex.set(id, i));
    const i = idIndex.get(ov.accountId);
    const a = actIndex.get(ov.actionId);
    if (i === undefined || a === undefined) continue;
    const role = actRole[a];
    let r = role ? owner[role][i] : -1;
    if (r < 0) r = input.reps.findIndex((x) => x.id === ov.rep);
    if (r < 0) continue;
    const flags = FLAG_KEPT | (ov.moved !== false ? FLAG_MOVED : 0) | (ov.done ? FLAG_DONE : 0);
    buf.push(i, a, r, ov.day, ov.seq, flags, 0);
    load[r][ov.day - start] += minutes[a] / 60;
    weekLoad[r * weeks + weekOf(ov.day)] += minutes[a] / 60;
    ideal.push(-1);
    kept++;
  }
  if (kept) issues.push({ code: 'keptOutsideModel', count: kept });

  // Placement: higher segments first, then by ideal day; nearest working day with room.
  const todo: number[] = [];
  for (let j = 0; j < buf.day.length; j++) if (buf.day[j] === -2) todo.push(j);
  todo.sort(
    (x, y) =>
      accounts.segment[buf.account[x]] - accounts.segment[buf.account[y]] || ideal[x] - ideal[y]
  );
  const tooLong = new Set<string>();
  for (let t = 0; t < todo.length; t++) {
    const j = todo[t];
    const r = buf.rep[j];
    if ((t & 16383) === 0) onProgress?.(t, todo.length);
    const a = buf.action[j];
    const h = minutes[a] / 60;
    const w = cal[r];
    if (repStats[r].workingDays === 0 || daily[r] <= 0) {
      buf.day[j] = -1;
      buf.reason[j] = 3;
      continue;
    }
    if (h > dayMax[r]) {
      buf.day[j] = -1;
      buf.reason[j] = 4;
      tooLong.add(`${a}|${r}`);
      continue;
    }
    const f =
      freq[(accounts.segment[buf.account[j]] * 2 + accounts.prospect[buf.account[j]]) * nA + a];
    const half = Math.max(3, span / (f * years) / 2);
    const center = Math.min(w.length - 1, Math.max(0, Math.floor(ideal[j] - start)));
    const lo = Math.max(0, Math.floor(center - half));
    const hi = Math.min(w.length - 1, Math.ceil(center + half));
    const L = load[r];
    const max = dayMax[r] + 1e-9;
    const fits = (d: number) => {
      if (!w[d] || L[d] + h > max) return false;
      const wk = r * weeks + weekOf(start + d);
      return weekLoad[wk] + h <= weekCapacity[wk] + 1e-9;
    };
    let placed = -1;
    const prev = input.previousDays?.get(
      occurrenceKey(accounts.ids[buf.account[j]], input.actions[a].id, buf.seq[j])
    );
    if (prev && prev.rep === input.reps[r].id) {
      const d = prev.day - start;
      if (d >= lo && d <= hi && fits(d)) placed = d;
    }
    for (let off = 0; placed < 0 && (center - off >= lo || center + off <= hi); off++) {
      const up = center + off;
      if (up <= hi && fits(up)) {
        placed = up;
        break;
      }
      const down = center - off;
      if (off > 0 && down >= lo && fits(down)) {
        placed = down;
        break;
      }
    }
    if (placed < 0) {
      buf.day[j] = -1;
      buf.reason[j] = 1;
      continue;
    }
    L[placed] += h;
    weekLoad[r * weeks + weekOf(start + placed)] += h;
    buf.day[j] = start + placed;
  }
  for (const key of tooLong) {
    const [a, r] = key.split('|').map(Number);
    issues.push({ code: 'tooLong', action: input.actions[a].name, rep: input.reps[r].name });
  }

  // Month loads and capacity.
  const monthStarts: number[] = [start];
  for (let d = start + 1; d < end; d++) if (dayParts(d).day === 1) monthStarts.push(d);
  const nM = monthStarts.length;
  const monthIndex = new Int32Array(end - start);
  for (let d = start; d < end; d++) monthIndex[d - start] = monthOf(monthStarts, d);
  const monthLoad = new Float64Array(nR * nM);
  const monthCapacity = new Float64Array(nR * nM);
  for (let r = 0; r < nR; r++)
    for (let d = 0; d < cal[r].length; d++)
      if (cal[r][d]) monthCapacity[r * nM + monthIndex[d]] += daily[r];
  for (let j = 0; j < buf.day.length; j++)
    if (buf.rep[j] >= 0 && buf.day[j] >= 0)
      monthLoad[buf.rep[j] * nM + monthIndex[buf.day[j] - start]] += minutes[buf.action[j]] / 60;

  // Stats and start times.
  const seen = new Set<number>();
  for (let j = 0; j < buf.day.length; j++) {
    const r = buf.rep[j];
    if (r < 0) continue;
    const s = repStats[r];
    const h = minutes[buf.action[j]] / 60;
    const key = r * n + buf.account[j];
    if (!seen.has(key)) {
      seen.add(key);
      s.accounts++;
      s.accountsBySegment[accounts.segment[buf.account[j]]]++;
    }
    if (buf.day[j] >= 0) {
      s.actions++;
      s.hoursPlanned += h;
    } else {
      s.unplaced++;
      s.hoursUnplaced += h;
    }
  }
  // Accounts owned but with no action in the period still count as the rep's accounts.
  for (const role of ROLES)
    for (let i = 0; i < n; i++) {
      const r = owner[role][i];
      if (r >= 0 && !seen.has(r * n + i)) {
        seen.add(r * n + i);
        repStats[r].accounts++;
        repStats[r].accountsBySegment[accounts.segment[i]]++;
      }
    }
  input.reps.forEach((rep, r) => {
    const s = repStats[r];
    if (s.capacity <= 0 && s.accounts > 0)
      issues.push({ code: 'repNoCapacity', rep: rep.name, accounts: s.accounts });
    else if (s.unplaced > 0)
      issues.push({
        code: 'overCapacity',
        rep: rep.name,
        unplaced: s.unplaced,
        hours: s.hoursUnplaced
      });
  });

  const items = toItems(buf);
  sortItems(items, accounts.area);
  assignMinutes(items, minutes);
  onProgress?.(todo.length, todo.length);
  return {
    ok: true,
    start,
    end,
    week0,
    weeks,
    owner,
    items,
    weekLoad,
    weekCapacity,
    monthStarts,
    monthLoad,
    monthCapacity,
    reps: repStats,
    modelHours,
    issues
  };
}

function toItems(b: ItemBuffer): PlanItems {
  return {
    length: b.account.length,
    account: Uint32Array.from(b.account),
    action: Uint8Array.from(b.action),
    rep: Int16Array.from(b.rep),
    day: Int32Array.from(b.day),
    minute: Uint16Array.from(b.minute),
    seq: Uint16Array.from(b.seq),
    flags: Uint8Array.from(b.flags),
    reason: Uint8Array.from(b.reason)
  };
}

/** Sorts items in place by (rep, day, area, account, action); unplaced after placed. */
export function sortItems(items: PlanItems, area: readonly string[]): void {
  const idx = Array.from({ length: items.length }, (_, i) => i);
  const dayKey = (j: number) => (items.day[j] < 0 ? 2 ** 31 : items.day[j]);
  idx.sort((x, y) => {
    const rx = items.rep[x];
    const ry = items.rep[y];
    if (rx !== ry) return (rx < 0 ? 1e6 : rx) - (ry < 0 ? 1e6 : ry);
    const d = dayKey(x) - dayKey(y);
    if (d) return d;
    const ax = area[items.account[x]];
    const ay = area[items.account[y]];
    if (ax !== ay) return ax < ay ? -1 : 1;
    return items.account[x] - items.account[y] || items.action[x] - items.action[y];
  });
  for (const k of [
    'account',
    'action',
    'rep',
    'day',
    'minute',
    'seq',
    'flags',
    'reason'
  ] as const) {
    const col = items[k];
    const copy = col.slice();
    for (let j = 0; j < idx.length; j++) col[j] = copy[idx[j]];
  }
}

/** Start times: each rep's day starts at 09:00, actions follow each other, lunch 12:30–14:00. */
export function assignMinutes(items: PlanItems, minutes: readonly number[]): void {
  let rep = -2;
  let day = -2;
  let t = DAY_START;
  for (let j = 0; j < items.length; j++) {
    if (items.day[j] < 0) continue;
    if (items.rep[j] !== rep || items.day[j] !== day) {
      rep = items.rep[j];
      day = items.day[j];
      t = DAY_START;
    }
    const len = Math.max(15, minutes[items.action[j]]);
    if (t < LUNCH_TO && t + len > LUNCH_FROM && t >= LUNCH_FROM - 60) t = Math.max(t, LUNCH_TO);
    items.minute[j] = Math.min(t, 23 * 60);
    t += len;
  }
}

const REBALANCE_TARGET = 0.95;

export interface RebalanceMove {
  account: number;
  role: Role;
  from: number;
  to: number;
  hours: number;
}

/**
 * Proposes moves from overloaded reps (planned + unplaced hours > capacity) to reps of the same
 * role with room: lowest-priority segments first, smaller accounts first, until the giver fits or
 * nobody can take more. Accounts reassigned by hand are never moved.
 */
export function proposeRebalance(input: PlanInput, plan: PlanResult): RebalanceMove[] {
  const nA = input.actions.length;
  const minutes = input.actions.map(actionMinutes);
  const freq = frequencyTable(input);
  const years = input.months / 12;
  const n = input.accounts.count;
  const hours = { field: new Float64Array(n), inside: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const base = (input.accounts.segment[i] * 2 + input.accounts.prospect[i]) * nA;
    for (let a = 0; a < nA; a++) {
      const role = roleOf(input.actions[a].channel);
      if (role) hours[role][i] += (freq[base + a] * years * minutes[a]) / 60;
    }
  }
  return proposeMoves({
    repRoles: input.reps.map((r) => r.role),
    capacity: plan.reps.map((s) => s.capacity),
    demand: plan.reps.map((s) => s.hoursPlanned + s.hoursUnplaced),
    owner: plan.owner,
    segment: input.accounts.segment,
    area: input.accounts.area,
    hours,
    locked: (i, role) => !!input.assign[input.accounts.ids[i]]?.[role]
  });
}

/** The move search behind proposeRebalance, on plain arrays (hours over the period). */
export function proposeMoves(a: {
  repRoles: readonly Role[];
  capacity: readonly number[];
  demand: readonly number[];
  owner: Record<Role, Int16Array>;
  segment: Uint8Array;
  /** Area of each account: a receiver already working the area is preferred. */
  area: readonly string[];
  hours: Record<Role, Float64Array>;
  locked: (account: number, role: Role) => boolean;
}): RebalanceMove[] {
  const moves: RebalanceMove[] = [];
  const demand = [...a.demand];
  for (const role of ROLES) {
    const own = a.owner[role];
    const reps = a.repRoles.map((_, i) => i).filter((i) => a.repRoles[i] === role);
    const inArea = new Map<string, Set<number>>();
    for (let i = 0; i < own.length; i++) {
      if (own[i] < 0 || !a.area[i]) continue;
      let set = inArea.get(a.area[i]);
      if (!set) inArea.set(a.area[i], (set = new Set()));
      set.add(own[i]);
    }
    // Placement on real days never reaches 100 %: aim at 95 % of capacity.
    const room = (r: number) => a.capacity[r] * REBALANCE_TARGET - demand[r];
    for (const giver of reps) {
      const cap = a.capacity[giver] * REBALANCE_TARGET;
      if (demand[giver] <= cap + 1e-6) continue;
      const mine: Array<{ i: number; h: number }> = [];
      for (let i = 0; i < own.length; i++)
        if (own[i] === giver && !a.locked(i, role)) mine.push({ i, h: a.hours[role][i] });
      mine.sort((x, y) => a.segment[y.i] - a.segment[x.i] || x.h - y.h);
      for (const { i, h } of mine) {
        if (demand[giver] <= cap + 1e-6) break;
        if (h <= 0) continue;
        // A receiver with room, one already working this area first, then the most room.
        const local = inArea.get(a.area[i]);
        let best = -1;
        for (const r of reps) {
          if (r === giver || room(r) < h) continue;
          const better =
            best < 0 ||
            (local?.has(r) ?? false) > (local?.has(best) ?? false) ||
            ((local?.has(r) ?? false) === (local?.has(best) ?? false) && room(r) > room(best));
          if (better) best = r;
        }
        if (best < 0) continue;
        moves.push({ account: i, role, from: giver, to: best, hours: h });
        if (a.area[i]) {
          const set = inArea.get(a.area[i]) ?? new Set<number>();
          set.add(best);
          inArea.set(a.area[i], set);
        }
        demand[giver] -= h;
        demand[best] += h;
      }
    }
  }
  return moves;
}

/** Area key of an account: département from the postcode (3 digits overseas), else a column. */
export function areaOf(postcode: string | null, department: string | null, region: string | null) {
  const pc = (postcode ?? '').replace(/\s/g, '');
  if (/^\d{5}$/.test(pc))
    return pc.startsWith('97') || pc.startsWith('98') ? pc.slice(0, 3) : pc.slice(0, 2);
  if (/^2[AB]\d{3}$/i.test(pc)) return pc.slice(0, 2).toUpperCase();
  return (department ?? '').trim() || (region ?? '').trim();
}
