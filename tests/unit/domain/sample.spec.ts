import { describe, expect, it } from 'vitest';
import {
  generateSampleAccounts,
  SAMPLE_COLUMNS,
  sampleToColumns,
  sampleToFrenchCsv
} from '../../../src/lib/domain/sample';
import { paretoShare } from '../../../src/lib/domain/summary';

describe('sample customer file', () => {
  const accounts = generateSampleAccounts();

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSampleAccounts(50, 7)).toEqual(generateSampleAccounts(50, 7));
    expect(generateSampleAccounts(50, 7)).not.toEqual(generateSampleAccounts(50, 8));
  });

  it('has 2,000 accounts with unique 9-digit SIRENs, some with leading zeros', () => {
    expect(accounts).toHaveLength(2000);
    expect(new Set(accounts.map((a) => a.siren)).size).toBe(2000);
    expect(accounts.every((a) => /^\d{9}$/.test(a.siren))).toBe(true);
    expect(accounts.filter((a) => a.siren.startsWith('0')).length).toBeGreaterThan(50);
  });

  it('mixes clients and prospects; prospects have no current revenue', () => {
    const prospects = accounts.filter((a) => a.type === 'Prospect');
    expect(prospects.length).toBeGreaterThan(400);
    expect(prospects.length).toBeLessThan(1200);
    expect(prospects.every((a) => a.revenue === 0)).toBe(true);
    expect(accounts.filter((a) => a.type === 'Client').every((a) => a.revenue > 0)).toBe(true);
  });

  it('has a Pareto-like revenue spread (a minority of accounts makes 80 % of revenue)', () => {
    const share = paretoShare(Float64Array.from(accounts, (a) => a.revenue));
    expect(share).not.toBeNull();
    expect(share!).toBeGreaterThan(0.05);
    expect(share!).toBeLessThan(0.3);
  });

  it('uses accented French names and several reps, sectors and regions', () => {
    expect(accounts.some((a) => /[éèêàçô]/i.test(a.name))).toBe(true);
    expect(new Set(accounts.map((a) => a.rep)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(accounts.map((a) => a.sector)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(accounts.map((a) => a.region)).size).toBeGreaterThanOrEqual(10);
  });

  it('becomes typed columns that keep every value', () => {
    const cols = sampleToColumns(accounts);
    expect(Object.keys(cols).sort()).toEqual(SAMPLE_COLUMNS.map((c) => c.key).sort());
    const siren = cols.c0;
    expect(siren.kind).toBe('str');
    if (siren.kind === 'str') expect(siren.values[0]).toBe(accounts[0].siren);
    const revenue = cols.c12;
    if (revenue.kind !== 'f64') throw new Error('revenue must be numeric');
    const total = revenue.values.reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(
      accounts.reduce((s, a) => s + a.revenue, 0),
      2
    );
  });

  it('exports as a French Excel CSV: semicolons, decimal commas, dd/mm/yyyy, CRLF', () => {
    const csv = sampleToFrenchCsv(accounts.slice(0, 3));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(SAMPLE_COLUMNS.map((c) => c.name).join(';'));
    expect(lines).toHaveLength(5); // header, 3 rows, trailing empty
    const cells = lines[1].split(';');
    expect(cells[0]).toBe(accounts[0].siren);
    expect(cells[12]).toMatch(/^\d+,\d{2}$/);
    expect(cells[14]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});
