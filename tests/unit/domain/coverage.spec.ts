import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  defaultCoverage,
  findings,
  repsNeededForVisits,
  type CoverageModel,
  type SegmentCounts
} from '../../../src/lib/domain/coverage';

/**
 * Hand-computed case.
 * Segments: OR 10 clients (revenue 800 €), BRONZE 100 clients + 50 prospects (revenue 200 €).
 * Actions: visit (field, 60 min + 30 min travel), call (inside, 15 min), mailing (automated, 2 €).
 * Grid: OR visit 4/yr, call 12/yr; BRONZE call 1/yr, mailing 12/yr (prospects follow clients).
 *   Field hours  OR 10·4·90/60 = 60 h.
 *   Inside hours OR 10·12·15/60 = 30 h; BRONZE 150·1·15/60 = 37.5 h → 67.5 h.
 *   Cost BRONZE 150·12·2 = 3 600 €.
 * Field: 1 FTE · 200 days · 7 h · 50 % = 700 h → utilisation 60/700, 1 FTE needed.
 * Inside: 0 FTE → no capacity (utilisation null), 1 FTE needed (67.5 / 700 → 1).
 * Time split: OR 90/127.5 = 70.6 %, BRONZE 37.5/127.5 = 29.4 %.
 */
function model(): CoverageModel {
  return {
    actions: [
      {
        id: 'visit',
        name: 'Visite',
        channel: 'field',
        minutes: 60,
        travelMinutes: 30,
        unitCost: 0,
        automatable: false
      },
      {
        id: 'call',
        name: 'Appel',
        channel: 'inside',
        minutes: 15,
        travelMinutes: 0,
        unitCost: 0,
        automatable: false
      },
      {
        id: 'mail',
        name: 'Mailing',
        channel: 'automated',
        minutes: 0,
        travelMinutes: 0,
        unitCost: 2,
        automatable: true
      }
    ],
    grid: { or: { visit: 4, call: 12, mail: 0 }, bronze: { visit: 0, call: 1, mail: 12 } },
    prospectGrid: null,
    roles: {
      field: { fte: 1, workingDays: 200, hoursPerDay: 7, sellingShare: 0.5 },
      inside: { fte: 0, workingDays: 200, hoursPerDay: 7, sellingShare: 0.5 }
    },
    budget: 3000,
    target: { or: 0.6, bronze: 0.4 }
  };
}
const segments: SegmentCounts[] = [
  { id: 'or', name: 'OR', clients: 10, prospects: 0, revenue: 800 },
  { id: 'bronze', name: 'BRONZE', clients: 100, prospects: 50, revenue: 200 }
];

describe('computeCoverage', () => {
  const r = computeCoverage(model(), segments);

  it('workload per role and segment, capacity, utilisation, FTE needed', () => {
    expect(r.hours.field).toEqual({ or: 60, bronze: 0 });
    expect(r.hours.inside).toEqual({ or: 30, bronze: 37.5 });
    expect(r.hoursByRole).toEqual({ field: 60, inside: 67.5 });
    expect(r.capacity).toEqual({ field: 700, inside: 0 });
    expect(r.utilisation.field).toBeCloseTo(60 / 700, 10);
    expect(r.utilisation.inside).toBeNull();
    expect(r.fteNeeded).toEqual({ field: 1, inside: 1 });
    expect(r.issues).toContainEqual({ code: 'noCapacity', role: 'inside' });
  });

  it('budget and time split', () => {
    expect(r.cost).toEqual({ or: 0, bronze: 3600 });
    expect(r.costTotal).toBe(3600);
    expect(r.timeShare.or).toBeCloseTo(90 / 127.5, 10);
    expect(r.timeShare.bronze).toBeCloseTo(37.5 / 127.5, 10);
    expect(r.actionsPerYear).toEqual({ or: 160, bronze: 1950 });
  });

  it('a separate prospect grid applies to prospects only', () => {
    const m = model();
    m.prospectGrid = { or: { visit: 0, call: 0, mail: 0 }, bronze: { visit: 0, call: 4, mail: 0 } };
    const r2 = computeCoverage(m, segments);
    // BRONZE inside: clients 100·1·15/60 = 25 h + prospects 50·4·15/60 = 50 h.
    expect(r2.hours.inside.bronze).toBe(75);
    expect(r2.cost.bronze).toBe(100 * 12 * 2);
  });

  it('findings in plain terms: missing FTE, over budget, off-target split', () => {
    const f = findings(model(), r, segments);
    expect(f).toContainEqual({ code: 'missingFte', role: 'inside', fte: 0.1 });
    expect(f).toContainEqual({ code: 'overBudget', amount: 600 });
    expect(f.find((x) => x.code === 'offTarget' && x.segment === 'OR')).toBeTruthy();
  });

  it('bad numbers never give NaN or Infinity, and are reported', () => {
    const m = model();
    m.actions[0].minutes = -5;
    m.grid.or.call = Number.NaN;
    m.roles.field.workingDays = 0;
    m.target = { or: 0.5, bronze: 0.2 };
    const r3 = computeCoverage(m, segments);
    const codes = r3.issues.map((i) => i.code);
    expect(codes).toContain('badNumber');
    expect(codes).toContain('targetSum');
    const numbers = JSON.stringify(r3).match(/-?\d+(\.\d+)?(e[+-]?\d+)?|null/g) ?? [];
    expect(JSON.stringify(r3)).not.toMatch(/NaN|Infinity/);
    expect(numbers.length).toBeGreaterThan(0);
    expect(r3.fteNeeded.field).toBeNull();
    expect(r3.utilisation.field).toBeNull();
  });
});

describe('sizing', () => {
  it('textbook: visits per year ÷ visits one rep makes → reps needed, rounded up', () => {
    // 20·12 + 100·4 + 300·1 = 940 visits; 400 a rep → 2.35 → 3 reps.
    expect(
      repsNeededForVisits(
        [
          { accounts: 20, visitsPerYear: 12 },
          { accounts: 100, visitsPerYear: 4 },
          { accounts: 300, visitsPerYear: 1 }
        ],
        400
      )
    ).toBe(3);
    expect(repsNeededForVisits([{ accounts: 10, visitsPerYear: 4 }], 40)).toBe(1);
    expect(repsNeededForVisits([{ accounts: 10, visitsPerYear: 4 }], 0)).toBeNull();
  });

  it('the default model covers OR / ARGENT / BRONZE with a 60/30/10 target', () => {
    const m = defaultCoverage(['or', 'argent', 'bronze']);
    expect(m.target).toEqual({ or: 0.6, argent: 0.3, bronze: 0.1 });
    expect(m.actions.map((a) => a.name)).toContain('Rendez-vous physique / démo');
    expect(m.roles.field.workingDays).toBe(218);
  });
});
