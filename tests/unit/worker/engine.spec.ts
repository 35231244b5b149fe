import { afterEach, describe, expect, it } from 'vitest';
import type { PodiumDB } from '../../../src/lib/db/schema';
import { getWorkspace } from '../../../src/lib/db/repo';
import { generateSampleAccounts } from '../../../src/lib/domain/sample';
import { createEngine } from '../../../src/lib/worker/engine';
import { LatestWins, isStale } from '../../../src/lib/worker/latest';
import { freshDb } from '../db/helpers';

let db: PodiumDB;
afterEach(() => db?.close());

describe('engine (the worker API, called directly)', () => {
  it('creates the sample workspace and summarises the stored dataset', async () => {
    db = freshDb();
    const engine = createEngine(() => db);
    const progress: string[] = [];
    const { workspaceId } = await engine.createSampleWorkspace(
      { name: 'Exemple', scenarioName: 'S1' },
      (p) => progress.push(p.stage)
    );
    expect(progress).toContain('store');
    const ws = await getWorkspace(db, workspaceId);
    const info = await engine.loadDataset({ datasetId: ws!.activeDatasetId });
    const accounts = generateSampleAccounts();
    expect(info?.summary.rowCount).toBe(2000);
    expect(info?.summary.revenueTotal).toBeCloseTo(
      accounts.reduce((s, a) => s + a.revenue, 0),
      2
    );
    expect(info?.summary.prospects).toBe(accounts.filter((a) => a.type === 'Prospect').length);
    expect(info?.source.kind).toBe('sample');
  });

  it('serves sorted, searched pages without shipping the whole table', async () => {
    db = freshDb();
    const engine = createEngine(() => db);
    const { workspaceId } = await engine.createSampleWorkspace({
      name: 'E',
      scenarioName: 'S',
      size: 500,
      seed: 9
    });
    const ws = await getWorkspace(db, workspaceId);
    await engine.loadDataset({ datasetId: ws!.activeDatasetId });
    const page = await engine.page({
      offset: 0,
      limit: 20,
      sort: { key: 'c12', dir: 'desc' },
      search: '',
      filters: []
    });
    expect(page.total).toBe(500);
    expect(page.rows).toHaveLength(20);
    const revenues = page.rows.map((r) => r.cells[12] as number);
    expect([...revenues].sort((a, b) => b - a)).toEqual(revenues);
    const max = Math.max(...generateSampleAccounts(500, 9).map((a) => a.revenue));
    expect(revenues[0]).toBe(max);

    const lyon = await engine.page({
      offset: 0,
      limit: 500,
      sort: null,
      search: 'LYON',
      filters: []
    });
    const expected = generateSampleAccounts(500, 9).filter((a) =>
      Object.values(a).some((v) => typeof v === 'string' && v.toLowerCase().includes('lyon'))
    ).length;
    expect(lyon.total).toBe(expected);
    expect(lyon.total).toBeGreaterThan(0);
    expect(
      lyon.rows.every((r) => r.cells.some((c) => String(c).toLowerCase().includes('lyon')))
    ).toBe(true);
  });

  it('has nothing resident after unloading', async () => {
    db = freshDb();
    const engine = createEngine(() => db);
    expect(await engine.loadDataset({ datasetId: null })).toBeNull();
    expect(
      (await engine.page({ offset: 0, limit: 10, sort: null, search: '', filters: [] })).total
    ).toBe(0);
  });
});

describe('latest wins', () => {
  it('drops the reply of an older call that settles after a newer one', async () => {
    const latest = new LatestWins();
    let releaseSlow: (v: string) => void = () => undefined;
    const slow = latest.run('page', () => new Promise<string>((r) => (releaseSlow = r)));
    const fast = latest.run('page', async () => 'new');
    releaseSlow('old');
    await expect(fast).resolves.toBe('new');
    await slow.then(
      () => expect.unreachable('stale reply must not be delivered'),
      (e) => expect(isStale(e)).toBe(true)
    );
  });

  it('keeps channels independent', async () => {
    const latest = new LatestWins();
    const a = latest.run('a', async () => 1);
    const b = latest.run('b', async () => 2);
    await expect(Promise.all([a, b])).resolves.toEqual([1, 2]);
  });
});

describe('segmentation through the engine', () => {
  it('segments and bins 200,000 accounts (no per-row recursion or spread), counts partition', async () => {
    db = freshDb();
    const engine = createEngine(() => db);
    const { workspaceId } = await engine.createSampleWorkspace({
      name: 'E',
      scenarioName: 'S',
      size: 200_000,
      seed: 4
    });
    const ws = await getWorkspace(db, workspaceId);
    await engine.loadDataset({ datasetId: ws!.activeDatasetId });
    const { defaultSegmentation } = await import('../../../src/lib/domain/segmentation');
    const model = defaultSegmentation();
    model.potential.criteria = await engine.proposeCriteria();
    expect(model.potential.criteria.map((c) => c.id)).toEqual([
      'headcount',
      'companyRevenue',
      'sector'
    ]);
    const view = await engine.segment({ model });
    expect(view?.segments.reduce((s, x) => s + x.accounts, 0)).toBe(200_000);
    const scatter = await engine.scatter({ xBins: 120, yBins: 50 });
    expect(scatter!.plotted + scatter!.skipped).toBe(200_000);
    expect(scatter!.bins.reduce((s, b) => s + b.count, 0)).toBe(scatter!.plotted);
    // A second computation after one weight change reports the moves.
    model.potential.criteria[0].weight = 8;
    const again = await engine.segment({ model });
    expect(again?.transitions).not.toBeNull();
    const moved = again!
      .transitions!.flatMap((row, i) => row.filter((_, j) => j !== i))
      .reduce((s, n) => s + n, 0);
    expect(again!.moved).toBe(moved);
  }, 60_000);
});

describe('segmentation export', () => {
  it('names the bands of each axis by its own number of bands', async () => {
    db = freshDb();
    const engine = createEngine(() => db);
    const { workspaceId } = await engine.createSampleWorkspace({
      name: 'E',
      scenarioName: 'S',
      size: 300,
      seed: 2
    });
    const ws = await getWorkspace(db, workspaceId);
    await engine.loadDataset({ datasetId: ws!.activeDatasetId });
    const { defaultSegmentation, normalizeSegmentation } =
      await import('../../../src/lib/domain/segmentation');
    const model = defaultSegmentation();
    model.potential.criteria = await engine.proposeCriteria();
    model.weight.bands = 2;
    const two = normalizeSegmentation(model);
    await engine.segment({ model: two });
    const csv = (await engine.exportSegmentation({
      model: two,
      format: 'standard',
      bandNames: { weight: ['High', 'Low'], potential: ['High', 'Mid', 'Low'] }
    })) as string;
    const rows = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const weightBands = new Set(rows.map((r) => r[4]));
    const potentialBands = new Set(rows.map((r) => r[6]));
    expect([...weightBands].sort()).toEqual(['High', 'Low']);
    expect(potentialBands.has('Mid')).toBe(true);
  });
});
