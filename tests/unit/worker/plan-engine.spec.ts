import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { getWorkspace } from '../../../src/lib/db/repo';
import type { PodiumDB } from '../../../src/lib/db/schema';
import { epochDay } from '../../../src/lib/domain/calendar';
import { defaultCoverage } from '../../../src/lib/domain/coverage';
import { defaultPlanSettings, type PlanSettings } from '../../../src/lib/domain/plan-settings';
import { defaultSegmentation } from '../../../src/lib/domain/segmentation';
import { createEngine } from '../../../src/lib/worker/engine';
import { freshDb } from '../db/helpers';

let db: PodiumDB;
afterEach(() => db?.close());

const TODAY = epochDay(2026, 12, 4);

async function setup() {
  db = freshDb();
  const engine = createEngine(() => db);
  const { workspaceId } = await engine.createSampleWorkspace({
    name: 'E',
    scenarioName: 'S',
    size: 600,
    seed: 3
  });
  const ws = await getWorkspace(db, workspaceId);
  await engine.loadDataset({ datasetId: ws!.activeDatasetId });
  const segmentation = defaultSegmentation();
  segmentation.potential.criteria = await engine.proposeCriteria();
  const coverage = defaultCoverage(segmentation.segments.map((s) => s.id));
  const ctx = await engine.planContext();
  const settings: PlanSettings = {
    ...defaultPlanSettings(TODAY),
    reps: ctx!.reps.map((r, i) => ({
      id: `r${i}`,
      name: r.name,
      role: r.role,
      fte: 1,
      daysOff: []
    }))
  };
  const req = {
    scenarioId: ws!.activeScenarioId!,
    workspaceId,
    segmentation,
    coverage,
    settings,
    today: TODAY,
    modelKey: 'k1'
  };
  return { engine, req, ctx: ctx!, workspaceId };
}

describe('action plans through the engine', () => {
  it('proposes the reps of the file with their role from the geographic spread', async () => {
    const { ctx } = await setup();
    expect(ctx.area).toBe('postcode');
    const inside = ctx.reps.filter((r) => r.role === 'inside').map((r) => r.name);
    expect(inside.sort()).toEqual(['Antoine Roux', 'Chloé Garnier']);
    expect(ctx.reps.reduce((s, r) => s + r.accounts, 0)).toBe(600);
  });

  it('keeps the accepted plan intact until a new draft is accepted', async () => {
    const { engine, req } = await setup();
    const draft = await engine.generatePlan(req);
    expect(draft?.status).toBe('draft');
    expect(await db.plans.count()).toBe(0); // nothing stored before acceptance
    const accepted = await engine.acceptPlan();
    expect(accepted?.status).toBe('accepted');
    expect((await db.plans.get(req.scenarioId))?.items.length).toBe(
      draft!.totals.actions + draft!.totals.unplaced
    );

    // A new model: a draft, compared with the accepted plan; the stored plan does not change.
    const coverage = structuredClone(req.coverage);
    coverage.grid.or.suivi = 8;
    const second = await engine.generatePlan({ ...req, coverage, modelKey: 'k2' });
    expect(second?.diff?.added).toBeGreaterThan(0);
    const stored = await db.plans.get(req.scenarioId);
    expect(stored?.modelKey).toBe('k1');
    // A bad period is refused with a reason, and the accepted plan is still what is shown.
    const bad = await engine.generatePlan({
      ...req,
      settings: { ...req.settings, months: 0 },
      modelKey: 'k3'
    });
    expect(bad?.status).toBe('rejected');
    expect(bad?.issues).toEqual([{ code: 'periodEmpty' }]);
    const back = await engine.discardDraft();
    expect(back?.modelKey).toBe('k1');
    // A fresh engine (app reopened) reads the accepted plan back.
    const engine2 = createEngine(() => db);
    const again = await engine2.loadPlan({ scenarioId: req.scenarioId });
    expect(again?.status).toBe('accepted');
    expect(again?.totals.actions).toBe(accepted!.totals.actions);
  });

  it('serves a rep week, moves and marks actions, and keeps the change in the accepted plan', async () => {
    const { engine, req } = await setup();
    await engine.generatePlan(req);
    const sum = await engine.acceptPlan();
    const rep = sum!.reps.findIndex((r) => r.stats.actions > 0);
    const w = sum!.reps[rep].weekLoad.findIndex((h) => h > 0);
    // A restarted worker (cancel elsewhere) reads the accepted plan back on the first view.
    const restarted = createEngine(() => db);
    const w0 = sum!.reps[0].weekLoad.findIndex((h) => h > 0);
    const again = await restarted.planWeek({ scenarioId: req.scenarioId, rep: 0, week: w0 });
    expect(again?.items.length).toBeGreaterThan(0);
    const week = await engine.planWeek({ scenarioId: req.scenarioId, rep, week: w });
    expect(week!.items.length).toBeGreaterThan(0);
    const hours = week!.items.reduce((s, i) => s + i.minutes / 60, 0);
    expect(hours).toBeCloseTo(sum!.reps[rep].weekLoad[w], 6);
    const first = week!.items[0];
    const target = first.day + 7;
    const after = await engine.planSetItem({
      scenarioId: req.scenarioId,
      index: first.index,
      day: target,
      done: false
    });
    expect(after!.reps[rep].weekLoad[w]).toBeCloseTo(
      sum!.reps[rep].weekLoad[w] - first.minutes / 60,
      6
    );
    const nextWeek = await engine.planWeek({ scenarioId: req.scenarioId, rep, week: w + 1 });
    const moved = nextWeek!.items.find((i) => i.key === first.key);
    expect(moved?.day).toBe(target);
    expect(moved?.moved).toBe(true);
    const stored = await db.plans.get(req.scenarioId);
    expect(Array.from(stored!.items.day)).toContain(target);
    const accounts = await engine.planAccounts({
      scenarioId: req.scenarioId,
      rep,
      search: '',
      offset: 0,
      limit: 50,
      today: TODAY
    });
    expect(accounts!.total).toBe(sum!.reps[rep].stats.accounts);
    expect(accounts!.rows[0].next).not.toBeNull();
  });

  it('exports CSV, XLSX and ICS that read back with the same actions and stable UIDs', async () => {
    const { engine, req } = await setup();
    const sum = await engine.generatePlan(req);
    const rep = sum!.reps.findIndex((r) => r.stats.actions > 0);
    const csv = (await engine.exportPlan({
      scenarioId: req.scenarioId,
      rep,
      format: 'excel-fr',
      name: 'PAC'
    })) as string;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' });
    const rows = parsed.data.filter((r) => r.length > 1);
    const s = sum!.reps[rep].stats;
    expect(rows.length - 1).toBe(s.actions + s.unplaced);
    expect(rows[1][0]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // In the user's language when labels are given (English here).
    const { FRENCH_LABELS } = await import('../../../src/lib/worker/plan-session');
    const en = {
      ...FRENCH_LABELS,
      header: FRENCH_LABELS.header.map((h, k) => (k === 1 ? 'Time' : k === 11 ? 'Status' : h)),
      status: { planned: 'Planned', done: 'Done', moved: 'Moved', unplaced: 'Not planned' }
    };
    const english = (await engine.exportPlan({
      scenarioId: req.scenarioId,
      rep,
      format: 'standard',
      name: 'Plan',
      labels: en
    })) as string;
    const enRows = Papa.parse<string[]>(english.trim(), { delimiter: ',' }).data;
    expect(enRows[0][1]).toBe('Time');
    expect(enRows.slice(1).every((r) => /^(Planned|Done|Moved|Not planned)/.test(r[11]))).toBe(
      true
    );
    const std = (await engine.exportPlan({
      scenarioId: req.scenarioId,
      rep,
      format: 'standard',
      name: 'PAC'
    })) as string;
    expect(std.split('\r\n')[1]).toMatch(/^\d{4}-\d{2}-\d{2},/);

    const ics = (await engine.exportPlan({
      scenarioId: req.scenarioId,
      rep,
      format: 'ics',
      name: 'PAC'
    })) as string;
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(s.actions);
    const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(uids.length);
    // CSV UIDs are the ICS UIDs; a regeneration gives the same ones.
    const csvUids = new Set(rows.slice(1).map((r) => r[12]));
    for (const u of uids) expect(csvUids.has(u)).toBe(true);
    await engine.generatePlan(req);
    const ics2 = (await engine.exportPlan({
      scenarioId: req.scenarioId,
      rep,
      format: 'ics',
      name: 'PAC'
    })) as string;
    const uids2 = new ICAL.Component(ICAL.parse(ics2))
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('uid')));
    expect(uids2).toEqual(uids);

    const xlsx = (await engine.exportPlan({
      scenarioId: req.scenarioId,
      rep: null,
      format: 'xlsx',
      name: 'PAC'
    })) as ArrayBuffer;
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(new Uint8Array(xlsx), { type: 'array' });
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(sheet.length - 1).toBe(sum!.totals.actions + sum!.totals.unplaced);
  });
});

describe('action plans with an id repeated in the file', () => {
  it('plans both rows as separate accounts with distinct keys and UIDs, and says so', async () => {
    db = freshDb();
    const engine = createEngine(() => db);
    const { createWorkspace, writeDataset } = await import('../../../src/lib/db/repo');
    const ws = await createWorkspace(db, 'Doublons', 'S');
    const n = 40;
    const ids = Array.from({ length: n }, (_, i) => `C${String(i).padStart(5, '0')}`);
    ids[7] = ids[3]; // the file repeats C00003
    const table = {
      rowCount: n,
      columns: [
        { key: 'c0', name: 'Code client', type: 'id' as const, role: 'id' as const },
        { key: 'c1', name: 'Raison sociale', type: 'text' as const, role: 'name' as const },
        { key: 'c2', name: 'CA 2025', type: 'number' as const, role: 'revenue' as const },
        { key: 'c3', name: 'Commercial', type: 'text' as const, role: 'rep' as const }
      ],
      values: {
        c0: { kind: 'str' as const, values: ids },
        c1: { kind: 'str' as const, values: ids.map((_, i) => `Société ${i}`) },
        c2: { kind: 'f64' as const, values: Float64Array.from(ids, (_, i) => 1000 * (n - i)) },
        c3: { kind: 'str' as const, values: ids.map((_, i) => (i % 2 ? 'Ana' : 'Bob')) }
      }
    };
    const rec = await writeDataset(
      db,
      ws.id,
      table,
      { kind: 'file', fileName: 'd.csv' },
      { activate: true }
    );
    await engine.loadDataset({ datasetId: rec.id });
    const segmentation = defaultSegmentation();
    const coverage = defaultCoverage(segmentation.segments.map((s) => s.id));
    const settings: PlanSettings = {
      ...defaultPlanSettings(TODAY),
      reps: [
        { id: 'a', name: 'Ana', role: 'field', fte: 1, daysOff: [] },
        { id: 'b', name: 'Bob', role: 'inside', fte: 1, daysOff: [] }
      ]
    };
    const req = {
      scenarioId: ws.activeScenarioId!,
      workspaceId: ws.id,
      segmentation,
      coverage,
      settings,
      today: TODAY,
      modelKey: 'd'
    };
    const sum = await engine.generatePlan(req);
    expect(sum?.issues).toContainEqual({ code: 'duplicateIds', ids: 1, sample: ['C00003'] });
    const ics = (await engine.exportPlan({
      scenarioId: req.scenarioId,
      rep: null,
      format: 'ics',
      name: 'Tous'
    })) as string;
    const uids = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('uid')));
    expect(uids.length).toBeGreaterThan(0);
    expect(new Set(uids).size).toBe(uids.length);
    const accounts = await engine.planAccounts({
      scenarioId: req.scenarioId,
      rep: 1,
      search: 'C00003',
      offset: 0,
      limit: 10,
      today: TODAY
    });
    expect(accounts?.rows.map((r) => r.id).sort()).toEqual(['C00003', 'C00003#2']);
  });
});
