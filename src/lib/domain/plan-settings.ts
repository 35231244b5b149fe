/**
 * Plan settings kept in the scenario model (period, team, reassignments, hand changes), apart
 * from the planner itself so that the main bundle does not carry it.
 */
import { weekday } from './calendar';
import type { EpochDay } from './columns';
import type { Role } from './coverage';
import { ALL_WEEKDAYS, type PlanOverride, type PlanRep } from './plan';

/** What the manager sets for the plans of a scenario (kept in the scenario model). */
export interface PlanSettings {
  /** First day of the period. */
  start: EpochDay;
  /** Length of the period, 1–24 months. */
  months: number;
  /** Good Friday and 26 December are holidays too (Alsace-Moselle). */
  alsaceMoselle: boolean;
  reps: PlanRep[];
  /** Manual reassignments: account id → rep id per role. */
  assign: Record<string, Partial<Record<Role, string>>>;
  /** Actions moved or done by hand, by occurrence key. */
  overrides: Record<string, PlanOverride>;
}

/** Default: the next 12 months from next Monday. */
export function defaultPlanSettings(today: EpochDay): PlanSettings {
  return {
    start: today + ((7 - weekday(today)) % 7 || 7),
    months: 12,
    alsaceMoselle: false,
    reps: [],
    assign: {},
    overrides: {}
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
const int = (v: unknown, d: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : d;

/** Cleans plan settings read from storage or a backup; null when there are none. */
export function normalizePlanSettings(raw: unknown, today: EpochDay): PlanSettings | null {
  if (!isObj(raw)) return null;
  const d = defaultPlanSettings(today);
  const reps: PlanRep[] = Array.isArray(raw.reps)
    ? raw.reps
        .filter(isObj)
        .slice(0, 500)
        .map((r, i) => ({
          id: typeof r.id === 'string' ? r.id : `rep${i}`,
          name: typeof r.name === 'string' ? r.name.slice(0, 120) : `Commercial ${i + 1}`,
          role: r.role === 'inside' ? 'inside' : 'field',
          fte:
            typeof r.fte === 'number' && Number.isFinite(r.fte)
              ? Math.min(1, Math.max(0, r.fte))
              : 1,
          weekdays:
            Array.isArray(r.weekdays) && r.weekdays.length === 5
              ? r.weekdays.map((x) => x !== false)
              : [...ALL_WEEKDAYS],
          daysOff: Array.isArray(r.daysOff)
            ? r.daysOff
                .filter(isObj)
                .map((x) => ({ from: int(x.from, NaN), to: int(x.to, NaN) }))
                .filter((x) => Number.isFinite(x.from) && Number.isFinite(x.to) && x.to >= x.from)
                .slice(0, 100)
            : []
        }))
    : [];
  const assign: PlanSettings['assign'] = Object.create(null);
  if (isObj(raw.assign))
    for (const [id, v] of Object.entries(raw.assign)) {
      if (!isObj(v)) continue;
      const e: Partial<Record<Role, string>> = {};
      if (typeof v.field === 'string') e.field = v.field;
      if (typeof v.inside === 'string') e.inside = v.inside;
      assign[id] = e;
    }
  const overrides: PlanSettings['overrides'] = Object.create(null);
  if (isObj(raw.overrides))
    for (const [k, v] of Object.entries(raw.overrides)) {
      if (!isObj(v) || typeof v.accountId !== 'string' || typeof v.actionId !== 'string') continue;
      overrides[k] = {
        accountId: v.accountId,
        actionId: v.actionId,
        seq: int(v.seq, 0),
        rep: typeof v.rep === 'string' ? v.rep : null,
        day: typeof v.day === 'number' && Number.isFinite(v.day) ? Math.round(v.day) : null,
        moved: v.moved !== false,
        done: v.done === true
      };
    }
  return {
    start: int(raw.start, d.start),
    months: Math.min(24, Math.max(0, int(raw.months, d.months))),
    alsaceMoselle: raw.alsaceMoselle === true,
    reps,
    assign,
    overrides
  };
}
