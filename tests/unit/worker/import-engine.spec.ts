import { afterEach, describe, expect, it } from 'vitest';
import { getWorkspace, readDataset } from '../../../src/lib/db/repo';
import type { PodiumDB } from '../../../src/lib/db/schema';
import { generateSampleAccounts, sampleToFrenchCsv } from '../../../src/lib/domain/sample';
import { encodeSingleByte } from '../../../src/lib/import/decode';
import { createEngine } from '../../../src/lib/worker/engine';
import type { ImportAnalysis } from '../../../src/lib/worker/import-session';
import { freshDb } from '../db/helpers';

let db: PodiumDB;
afterEach(() => db?.close());

function frenchFile(count: number, seed: number, name = 'clients.csv'): File {
  const csv =
    'Export CRM du 01/12/2026\r\n\r\n' + sampleToFrenchCsv(generateSampleAccounts(count, seed));
  return new File([encodeSingleByte(csv, 'windows-1252') as Uint8Array<ArrayBuffer>], name, {
    type: 'text/csv'
  });
}

async function setup() {
  db = freshDb();
  const engine = createEngine(() => db);
  const { workspaceId } = await engine.createSampleWorkspace({
    name: 'E',
    scenarioName: 'S',
    size: 50,
    seed: 1
  });
  const ws = await getWorkspace(db, workspaceId);
  await engine.loadDataset({ datasetId: ws!.activeDatasetId });
  return { engine, workspaceId, first: ws!.activeDatasetId! };
}

describe('import through the engine (fake-indexeddb)', () => {
  it('stores exactly what the report announced: row count and column sums', async () => {
    const { engine, workspaceId } = await setup();
    const accounts = generateSampleAccounts(800, 5);
    const a = (await engine.importAnalyze({
      file: frenchFile(800, 5),
      options: {}
    })) as ImportAnalysis;
    expect(a.ok).toBe(true);
    expect(a.encoding?.name).toBe('windows-1252');
    expect(a.delimiter).toEqual({ value: ';', sure: true });
    expect(a.plan.headerLine).toBe(3);
    expect(a.report.rowsRead).toBe(800);
    expect(a.report.accepted).toBe(800);
    const expected = accounts.reduce((s, x) => s + x.revenue, 0);
    expect(a.report.revenueTotal).toBeCloseTo(expected, 2);

    const c = await engine.importCommit({ workspaceId });
    if (!c.ok) throw new Error(c.error);
    expect(c.rowCount).toBe(800);
    const stored = await readDataset(db, c.datasetId);
    expect(stored?.table.rowCount).toBe(a.report.accepted + a.report.withWarnings);
    const info = await engine.loadDataset({ datasetId: c.datasetId });
    expect(info?.summary.revenueTotal).toBeCloseTo(a.report.revenueTotal!, 6);
    const ids = stored!.table.values[stored!.table.columns.find((x) => x.role === 'id')!.key];
    if (ids.kind !== 'str') throw new Error('ids must be text');
    expect(ids.values).toEqual(accounts.map((x) => x.siren)); // leading zeros kept
  });

  it('a re-import shows the diff by account id, and revert goes back', async () => {
    const { engine, workspaceId, first } = await setup();
    // The sample workspace holds seed 1 × 50; re-import seed 1 × 60 with some revenue changed.
    const accounts = generateSampleAccounts(60, 1);
    accounts[0].revenue += 1000;
    const csv = sampleToFrenchCsv(accounts);
    const file = new File([csv], 'v2.csv');
    const a = (await engine.importAnalyze({ file, options: {} })) as ImportAnalysis;
    expect(a.diff).toMatchObject({ added: 10, removed: 0, changed: 1, unchanged: 49 });
    expect(a.diff?.fields).toEqual([{ field: 'CA 2025', count: 1 }]);
    const c = await engine.importCommit({ workspaceId });
    expect(c.ok).toBe(true);
    const { datasetId } = await engine.revertImport({ workspaceId });
    expect(datasetId).toBe(first);
    expect((await getWorkspace(db, workspaceId))?.activeDatasetId).toBe(first);
  });

  it('a failure while storing leaves the previous dataset active and intact', async () => {
    const { engine, workspaceId, first } = await setup();
    const before = await readDataset(db, first);
    await engine.importAnalyze({ file: frenchFile(300, 9), options: {} });
    db.chunks.hook('creating', () => {
      throw new Error('disque plein (injecté)');
    });
    await expect(engine.importCommit({ workspaceId })).rejects.toThrow();
    const ws = await getWorkspace(db, workspaceId);
    expect(ws?.activeDatasetId).toBe(first);
    expect((await readDataset(db, first))?.table.values).toEqual(before?.table.values);
    expect(await db.datasets.count()).toBe(1);
  });

  it('remembers a confirmed mapping for the next file with the same headers', async () => {
    const { engine, workspaceId } = await setup();
    const a = (await engine.importAnalyze({
      file: frenchFile(20, 2),
      options: {}
    })) as ImportAnalysis;
    const columns = a.plan.columns.map((c) => ({ role: c.role, type: c.type }));
    columns[9] = { role: null, type: 'text' }; // "Ville": the user removes the city role
    const b = (await engine.importAnalyze({ options: { columns } })) as ImportAnalysis;
    expect(b.plan.columns[9]).toMatchObject({ role: null, type: 'text' });
    expect((await engine.importCommit({ workspaceId })).ok).toBe(true);
    const again = (await engine.importAnalyze({
      file: frenchFile(30, 3, 'autre.csv'),
      options: {}
    })) as ImportAnalysis;
    expect(again.remembered).toBe(true);
    expect(again.plan.columns[9]).toMatchObject({ role: null, type: 'text' });
  });

  it('refuses an empty file and a zip that is not a workbook, storing nothing', async () => {
    const { engine } = await setup();
    expect(
      await engine.importAnalyze({ file: new File([], 'vide.csv'), options: {} })
    ).toMatchObject({
      ok: false,
      error: 'empty'
    });
    const notZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(
      await engine.importAnalyze({ file: new File([notZip], 'x.xlsx'), options: {} })
    ).toMatchObject({
      ok: false,
      error: 'unreadable'
    });
    expect(await db.datasets.count()).toBe(1);
  });

  it('exports the table as French-Excel CSV with formula injection neutralised', async () => {
    const { engine, workspaceId } = await setup();
    const file = new File(['Nom;CA\n=1+1;12,5\nZoé;3\n'], 'x.csv');
    await engine.importAnalyze({ file, options: {} });
    const c = await engine.importCommit({ workspaceId });
    if (!c.ok) throw new Error(c.error);
    await engine.loadDataset({ datasetId: c.datasetId });
    const csv = await engine.exportAccounts({ dialect: 'excel-fr', search: '', sort: null });
    expect(csv).toBe("\uFEFFNom;CA\r\n'=1+1;12,5\r\nZoé;3\r\n");
  });
});

describe('pins survive a re-import (matched by account id)', () => {
  it('a pinned account stays in its segment after a newer export is imported', async () => {
    const { engine, workspaceId } = await setup();
    const { defaultSegmentation } = await import('../../../src/lib/domain/segmentation');
    const model = defaultSegmentation();
    model.potential.criteria = await engine.proposeCriteria();
    const accounts = generateSampleAccounts(50, 1);
    const target = accounts.find((a) => a.type === 'Prospect')!;
    model.pins = [
      { accountId: target.siren, segment: 'or', reason: 'Appel d’offres en cours', at: 1 }
    ];
    const before = (await engine.explain({ query: target.siren, model }))!;
    expect(model.segments[before.segment].id).toBe('or');
    // Newer export: the same accounts in another order, plus ten new ones.
    const newer = generateSampleAccounts(60, 1).reverse();
    await engine.importAnalyze({
      file: new File([sampleToFrenchCsv(newer)], 'v2.csv'),
      options: {}
    });
    const c = await engine.importCommit({ workspaceId });
    if (!c.ok) throw new Error(c.error);
    const after = (await engine.explain({ query: target.siren, model }))!;
    expect(after.row).not.toBe(before.row);
    expect(model.segments[after.segment].id).toBe('or');
    expect(after.pin?.reason).toBe('Appel d’offres en cours');
  });
});
