/**
 * Coverage model (method.md steps 5–7): actions × frequency per segment, team resources, and the
 * workload they imply against the team's capacity, the budget, and the target time split.
 *
 * Units: durations in minutes per action, frequencies per year, hours per year, € per year.
 * Workload W = Σ_segments Σ_actions accounts_s · frequency_sa · (duration_a + travel_a) / 60.
 * Capacity per role = Σ FTE · working days · hours per day · selling-time share.
 * FTE needed per role = ceil(W_role / hours one FTE sells in a year).
 */

export type Channel = 'field' | 'inside' | 'marketing' | 'automated';
export type Role = 'field' | 'inside';

export interface ActionDef {
  id: string;
  name: string;
  channel: Channel;
  /** Minutes per action. */
  minutes: number;
  /** Travel minutes per action (field visits). */
  travelMinutes: number;
  /** € per action (event seat, mailing…). */
  unitCost: number;
  /** Could be done by a machine (e-mail sequence, webinar invitation): offered as a lever. */
  automatable: boolean;
}

export interface RoleResources {
  fte: number;
  workingDays: number;
  hoursPerDay: number;
  /** Share of working time really spent selling, 0–1. */
  sellingShare: number;
}

export interface CoverageModel {
  actions: ActionDef[];
  /** grid[segmentId][actionId] = frequency per year for clients. */
  grid: Record<string, Record<string, number>>;
  /** Same for prospects; null = prospects follow the client grid. */
  prospectGrid: Record<string, Record<string, number>> | null;
  roles: Record<Role, RoleResources>;
  /** Marketing budget available per year, €. */
  budget: number;
  /** Target share of selling time per segment id (0–1, should sum to 1). */
  target: Record<string, number>;
}

/** Frequency presets (per year). */
export const FREQUENCIES = [
  { key: 'weekly', perYear: 52 },
  { key: 'monthly', perYear: 12 },
  { key: 'quarterly', perYear: 4 },
  { key: 'halfYearly', perYear: 2 },
  { key: 'yearly', perYear: 1 },
  { key: 'none', perYear: 0 }
] as const;

/** French defaults: 218 working days, 7 h a day. */
export const DEFAULT_ROLE: Record<Role, RoleResources> = {
  field: { fte: 5, workingDays: 218, hoursPerDay: 7, sellingShare: 0.6 },
  inside: { fte: 3, workingDays: 218, hoursPerDay: 7, sellingShare: 0.7 }
};

export function defaultActions(): ActionDef[] {
  return [
    {
      id: 'qualif',
      name: 'Appel de qualification',
      channel: 'inside',
      minutes: 20,
      travelMinutes: 0,
      unitCost: 0,
      automatable: false
    },
    {
      id: 'rdv',
      name: 'Rendez-vous physique / démo',
      channel: 'field',
      minutes: 90,
      travelMinutes: 60,
      unitCost: 0,
      automatable: false
    },
    {
      id: 'suivi',
      name: 'Rendez-vous de suivi',
      channel: 'field',
      minutes: 60,
      travelMinutes: 60,
      unitCost: 0,
      automatable: false
    },
    {
      id: 'relance',
      name: 'E-mail de relance',
      channel: 'automated',
      minutes: 0,
      travelMinutes: 0,
      unitCost: 0.5,
      automatable: true
    },
    {
      id: 'afterwork',
      name: 'Invitation after-work',
      channel: 'marketing',
      minutes: 0,
      travelMinutes: 0,
      unitCost: 45,
      automatable: true
    },
    {
      id: 'webinar',
      name: 'Webinar',
      channel: 'marketing',
      minutes: 0,
      travelMinutes: 0,
      unitCost: 8,
      automatable: true
    }
  ];
}

/** A sensible default grid for OR / ARGENT / BRONZE (segment ids `or`, `argent`, `bronze`). */
export function defaultCoverage(segmentIds: string[]): CoverageModel {
  const rich: Record<string, number> = {
    qualif: 4,
    rdv: 2,
    suivi: 4,
    relance: 12,
    afterwork: 1,
    webinar: 2
  };
  const mid: Record<string, number> = {
    qualif: 2,
    rdv: 1,
    suivi: 2,
    relance: 6,
    afterwork: 0,
    webinar: 2
  };
  const low: Record<string, number> = {
    qualif: 1,
    rdv: 0,
    suivi: 0,
    relance: 4,
    afterwork: 0,
    webinar: 1
  };
  const grid: CoverageModel['grid'] = {};
  const target: Record<string, number> = {};
  const defaults = [0.6, 0.3, 0.1];
  segmentIds.forEach((id, i) => {
    grid[id] = { ...(i === 0 ? rich : i === 1 ? mid : low) };
    target[id] = segmentIds.length === 3 ? defaults[i] : 1 / segmentIds.length;
  });
  return {
    actions: defaultActions(),
    grid,
    prospectGrid: null,
    roles: { field: { ...DEFAULT_ROLE.field }, inside: { ...DEFAULT_ROLE.inside } },
    budget: 30_000,
    target
  };
}

export interface SegmentCounts {
  id: string;
  name: string;
  clients: number;
  prospects: number;
  /** Revenue of the segment, € (for "BRONZE consumes 24 % of the time for 3 % of revenue"). */
  revenue: number;
}

export interface CoverageIssue {
  code: 'noCapacity' | 'badNumber' | 'targetSum' | 'noChannel' | 'emptySegment';
  field?: string;
  role?: Role;
  segment?: string;
  value?: number;
}

export interface CoverageResult {
  /** hours[role][segmentId] per year. */
  hours: Record<Role, Record<string, number>>;
  hoursByRole: Record<Role, number>;
  capacity: Record<Role, number>;
  /** Workload / capacity; null when capacity is 0. */
  utilisation: Record<Role, number | null>;
  /** FTE needed, rounded up; null when one FTE has no selling hours. */
  fteNeeded: Record<Role, number | null>;
  /** Hours one FTE sells per year. */
  hoursPerFte: Record<Role, number>;
  /** Cost per segment and total, €. */
  cost: Record<string, number>;
  costTotal: number;
  budget: number;
  /** Share of rep hours per segment (0–1). */
  timeShare: Record<string, number>;
  revenueShare: Record<string, number>;
  /** Actions per year per segment (all channels), for the plans. */
  actionsPerYear: Record<string, number>;
  issues: CoverageIssue[];
}

const finite = (x: number) => Number.isFinite(x) && x >= 0;

/** Validates a model: numbers non-negative and finite, target sums to 100 %, channels set. */
export function validateCoverage(m: CoverageModel, segmentIds: string[]): CoverageIssue[] {
  const issues: CoverageIssue[] = [];
  for (const a of m.actions) {
    if (!a.channel) issues.push({ code: 'noChannel', field: a.name });
    for (const [k, v] of [
      ['minutes', a.minutes],
      ['travelMinutes', a.travelMinutes],
      ['unitCost', a.unitCost]
    ] as const) {
      if (!finite(v)) issues.push({ code: 'badNumber', field: `${a.name} · ${k}`, value: v });
    }
  }
  for (const grid of [m.grid, m.prospectGrid ?? {}]) {
    for (const [seg, row] of Object.entries(grid)) {
      for (const [act, f] of Object.entries(row))
        if (!finite(f)) issues.push({ code: 'badNumber', field: `${seg} · ${act}`, value: f });
    }
  }
  for (const role of ['field', 'inside'] as const) {
    const r = m.roles[role];
    for (const [k, v] of Object.entries(r))
      if (!finite(v)) issues.push({ code: 'badNumber', field: `${role} · ${k}`, value: v });
    if (r.sellingShare > 1)
      issues.push({ code: 'badNumber', field: `${role} · sellingShare`, value: r.sellingShare });
  }
  if (!finite(m.budget)) issues.push({ code: 'badNumber', field: 'budget', value: m.budget });
  const sum = segmentIds.reduce((s, id) => s + (m.target[id] ?? 0), 0);
  if (Math.abs(sum - 1) > 0.005) issues.push({ code: 'targetSum', value: sum });
  return issues;
}

const roleOf = (c: Channel): Role | null =>
  c === 'field' ? 'field' : c === 'inside' ? 'inside' : null;

/** Workload, capacity, FTE, budget and time split. Never NaN or Infinity: null instead. */
export function computeCoverage(m: CoverageModel, segments: SegmentCounts[]): CoverageResult {
  const ids = segments.map((s) => s.id);
  const issues = validateCoverage(m, ids);
  const safe = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
  const hours: CoverageResult['hours'] = { field: {}, inside: {} };
  const cost: Record<string, number> = {};
  const actionsPerYear: Record<string, number> = {};
  for (const s of segments) {
    hours.field[s.id] = 0;
    hours.inside[s.id] = 0;
    cost[s.id] = 0;
    actionsPerYear[s.id] = 0;
    for (const a of m.actions) {
      const fc = safe(m.grid[s.id]?.[a.id] ?? 0);
      const fp = safe((m.prospectGrid ?? m.grid)[s.id]?.[a.id] ?? 0);
      const count = s.clients * fc + s.prospects * fp;
      actionsPerYear[s.id] += count;
      cost[s.id] += count * safe(a.unitCost);
      const role = roleOf(a.channel);
      if (role) hours[role][s.id] += (count * (safe(a.minutes) + safe(a.travelMinutes))) / 60;
    }
  }
  const hoursByRole = {
    field: Object.values(hours.field).reduce((x, y) => x + y, 0),
    inside: Object.values(hours.inside).reduce((x, y) => x + y, 0)
  };
  const hoursPerFte = {} as Record<Role, number>;
  const capacity = {} as Record<Role, number>;
  const utilisation = {} as Record<Role, number | null>;
  const fteNeeded = {} as Record<Role, number | null>;
  for (const role of ['field', 'inside'] as const) {
    const r = m.roles[role];
    hoursPerFte[role] =
      safe(r.workingDays) * safe(r.hoursPerDay) * Math.min(1, safe(r.sellingShare));
    capacity[role] = safe(r.fte) * hoursPerFte[role];
    utilisation[role] = capacity[role] > 0 ? hoursByRole[role] / capacity[role] : null;
    fteNeeded[role] =
      hoursPerFte[role] > 0 ? Math.ceil(hoursByRole[role] / hoursPerFte[role] - 1e-9) : null;
    if (capacity[role] <= 0 && hoursByRole[role] > 0) issues.push({ code: 'noCapacity', role });
  }
  const totalHours = hoursByRole.field + hoursByRole.inside;
  const totalRevenue = segments.reduce((x, s) => x + safe(s.revenue), 0);
  const timeShare: Record<string, number> = {};
  const revenueShare: Record<string, number> = {};
  for (const s of segments) {
    timeShare[s.id] = totalHours > 0 ? (hours.field[s.id] + hours.inside[s.id]) / totalHours : 0;
    revenueShare[s.id] = totalRevenue > 0 ? safe(s.revenue) / totalRevenue : 0;
  }
  return {
    hours,
    hoursByRole,
    capacity,
    utilisation,
    fteNeeded,
    hoursPerFte,
    cost,
    costTotal: Object.values(cost).reduce((x, y) => x + y, 0),
    budget: safe(m.budget),
    timeShare,
    revenueShare,
    actionsPerYear,
    issues
  };
}

/** The textbook sizing check: reps needed = ceil(visits per year / visits a rep makes a year). */
export function repsNeededForVisits(
  segments: Array<{ accounts: number; visitsPerYear: number }>,
  visitsPerRep: number
): number | null {
  if (!(visitsPerRep > 0)) return null;
  const visits = segments.reduce((s, x) => s + x.accounts * x.visitsPerYear, 0);
  return Math.ceil(visits / visitsPerRep - 1e-9);
}

export type Finding =
  | { code: 'missingFte'; role: Role; fte: number }
  | { code: 'spareFte'; role: Role; fte: number }
  | { code: 'overBudget'; amount: number }
  | { code: 'timeVsRevenue'; segment: string; time: number; revenue: number }
  | { code: 'offTarget'; segment: string; time: number; target: number };

/** Plain findings: missing or spare FTE, budget, segments eating time for little revenue. */
export function findings(
  m: CoverageModel,
  r: CoverageResult,
  segments: SegmentCounts[]
): Finding[] {
  const out: Finding[] = [];
  for (const role of ['field', 'inside'] as const) {
    const per = r.hoursPerFte[role];
    if (per <= 0) continue;
    const gap = (r.hoursByRole[role] - r.capacity[role]) / per;
    if (gap > 0.05) out.push({ code: 'missingFte', role, fte: Math.round(gap * 10) / 10 });
    else if (gap < -0.5) out.push({ code: 'spareFte', role, fte: Math.round(-gap * 10) / 10 });
  }
  if (r.costTotal > r.budget + 0.5)
    out.push({ code: 'overBudget', amount: r.costTotal - r.budget });
  for (const s of segments) {
    const time = r.timeShare[s.id] ?? 0;
    const rev = r.revenueShare[s.id] ?? 0;
    if (time > 0.1 && time > 3 * rev)
      out.push({ code: 'timeVsRevenue', segment: s.name, time, revenue: rev });
    const target = m.target[s.id];
    if (target !== undefined && Math.abs(time - target) > 0.1)
      out.push({ code: 'offTarget', segment: s.name, time, target });
  }
  return out;
}

// ——— Normalisation (storage, backups) ———

const num = (v: unknown, d: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : d;
const CHANNELS: readonly Channel[] = ['field', 'inside', 'marketing', 'automated'];

function normalizeGrid(raw: unknown): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = Object.create(null);
  if (!raw || typeof raw !== 'object') return out;
  for (const [seg, row] of Object.entries(raw as Record<string, unknown>)) {
    if (!row || typeof row !== 'object') continue;
    const r: Record<string, number> = Object.create(null);
    for (const [a, f] of Object.entries(row as Record<string, unknown>))
      if (typeof f === 'number') r[a] = f;
    out[seg] = r;
  }
  return out;
}

/** Cleans a coverage model read from storage or a backup; `segmentIds` gives the defaults. */
export function normalizeCoverage(raw: unknown, segmentIds: string[]): CoverageModel {
  const d = defaultCoverage(segmentIds);
  if (!raw || typeof raw !== 'object') return d;
  const r = raw as Record<string, unknown>;
  const actions: ActionDef[] = Array.isArray(r.actions)
    ? r.actions
        .filter((a): a is Record<string, unknown> => !!a && typeof a === 'object')
        .slice(0, 40)
        .map((a, i) => ({
          id: typeof a.id === 'string' ? a.id : `a${i}`,
          name: typeof a.name === 'string' ? a.name.slice(0, 80) : `Action ${i + 1}`,
          channel: CHANNELS.includes(a.channel as Channel) ? (a.channel as Channel) : 'inside',
          minutes: num(a.minutes, 0),
          travelMinutes: num(a.travelMinutes, 0),
          unitCost: num(a.unitCost, 0),
          automatable:
            typeof a.automatable === 'boolean' ? a.automatable : a.channel === 'automated'
        }))
    : d.actions;
  const roles = (r.roles && typeof r.roles === 'object' ? r.roles : {}) as Record<
    string,
    Record<string, unknown>
  >;
  const role = (k: Role): RoleResources => {
    const x = roles[k] ?? {};
    return {
      fte: num(x.fte, d.roles[k].fte),
      workingDays: num(x.workingDays, d.roles[k].workingDays),
      hoursPerDay: num(x.hoursPerDay, d.roles[k].hoursPerDay),
      sellingShare: num(x.sellingShare, d.roles[k].sellingShare)
    };
  };
  const target: Record<string, number> = Object.create(null);
  const t = (r.target && typeof r.target === 'object' ? r.target : {}) as Record<string, unknown>;
  for (const id of segmentIds) target[id] = num(t[id], d.target[id] ?? 0);
  return {
    actions,
    grid: r.grid ? normalizeGrid(r.grid) : d.grid,
    prospectGrid: r.prospectGrid ? normalizeGrid(r.prospectGrid) : null,
    roles: { field: role('field'), inside: role('inside') },
    budget: num(r.budget, d.budget),
    target
  };
}
