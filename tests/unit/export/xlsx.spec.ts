import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../../src/lib/export/xlsx';

describe('XLSX export', () => {
  it('writes text as text (no formula), numbers as numbers, and re-reads exactly', async () => {
    const bytes = await toXlsx(
      'Comptes',
      ['Id', 'Nom', 'CA'],
      [
        ['012345678', '=HYPERLINK("http://x","clic")', 1234.5],
        ['000000001', 'Zoé', null]
      ]
    );
    const wb = XLSX.read(new Uint8Array(bytes));
    const ws = wb.Sheets.Comptes;
    expect(ws.B2.t).toBe('s');
    expect(ws.B2.f).toBeUndefined();
    expect(ws.A2).toMatchObject({ t: 's', v: '012345678' });
    expect(ws.C2).toMatchObject({ t: 'n', v: 1234.5 });
    expect(XLSX.utils.sheet_to_json(ws, { header: 1 })).toEqual([
      ['Id', 'Nom', 'CA'],
      ['012345678', '=HYPERLINK("http://x","clic")', 1234.5],
      ['000000001', 'Zoé']
    ]);
  });
});
