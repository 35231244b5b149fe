import * as XLSX from '@e965/xlsx';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { beforeAll } from 'vitest';
import { checkZip, isZip, loadSheetJs, readSheet } from '../../../src/lib/import/xlsx';
import { fixture } from './_fixtures';

/** A one-entry zip whose entry really inflates to `size` bytes (zeros). */
function zipOf(name: string, content: Uint8Array, declaredSize = content.length): Uint8Array {
  const data = deflateRawSync(content, { level: 9 });
  const nameBytes = new TextEncoder().encode(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const cdOffset = 30 + nameBytes.length + data.length;
  const cd = Buffer.concat([central, nameBytes]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, cd, eocd]));
}

describe('zip bomb guard', () => {
  it('refuses a 200 MB sheet packed into a few hundred KB, before inflating it, within 2 s', () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', new Uint8Array(200_000_000));
    expect(bomb.length).toBeLessThan(400_000);
    const t0 = performance.now();
    const check = checkZip(bomb);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(check).toMatchObject({ ok: false, reason: 'bomb' });
  });

  it('refuses ZIP64-sized declarations and accepts a real workbook', () => {
    const liar = zipOf('a.xml', new Uint8Array(10), 0xffffffff);
    expect(checkZip(liar)).toMatchObject({ ok: false, reason: 'bomb' });
    const real = fixture('dates_1900.xlsx');
    expect(isZip(real)).toBe(true);
    expect(checkZip(real).ok).toBe(true);
  });

  it('reports a truncated zip as corrupt', () => {
    const real = fixture('dates_1900.xlsx');
    expect(checkZip(real.slice(0, real.length - 30))).toMatchObject({
      ok: false,
      reason: 'corrupt'
    });
  });
});

describe('readSheet', () => {
  beforeAll(async () => {
    await loadSheetJs();
  });

  it('1900 date system: serials become ISO dates (Lotus leap-year bug handled)', () => {
    const r = readSheet(fixture('dates_1900.xlsx'));
    expect(r.date1904).toBe(false);
    expect(r.sheetNames).toEqual(['Clients']);
    expect(r.rows.slice(1).map((row) => row[1])).toEqual([
      '1900-01-01',
      '1900-02-28',
      '1900-03-01',
      '2023-03-15',
      '2023-03-15'
    ]);
    expect(r.rows[1][0]).toBe('000'); // text ids keep their zeros
  });

  it('1904 date system', () => {
    const r = readSheet(fixture('dates_1904.xlsx'));
    expect(r.date1904).toBe(true);
    expect(r.rows.slice(1).map((row) => row[1])).toEqual([
      '1904-01-01',
      '1904-01-02',
      '2023-03-15'
    ]);
  });

  it('keeps numbers as numbers, zero-padded numeric ids as displayed, and picks a sheet', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['SIREN', 'CA', 'Actif'],
      [12345678, 1234.5, true]
    ]);
    ws.A2 = { t: 'n', v: 12345678, z: '000000000', w: '012345678' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Notes']]), 'Notes');
    XLSX.utils.book_append_sheet(wb, ws, 'Clients');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    expect(readSheet(bytes).sheet).toBe('Notes');
    const r = readSheet(bytes, 'Clients');
    expect(r.rows[1]).toEqual(['012345678', 1234.5, 'oui']);
  });

  it('reads an ODS file too', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Nom', 'CA'],
        ['Zoé', 12.5]
      ]),
      'Feuille1'
    );
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'ods' }));
    expect(isZip(bytes)).toBe(true);
    expect(readSheet(bytes).rows).toEqual([
      ['Nom', 'CA'],
      ['Zoé', 12.5]
    ]);
  });
});

describe('XML entity bomb', () => {
  it('a sheet declaring nested entities ("billion laughs") is read as plain text, fast', async () => {
    await loadSheetJs();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Nom'], ['x']]), 'Feuille1');
    const bytes = XLSX.write(wb, {
      type: 'array',
      bookType: 'xlsx',
      bookSST: false
    }) as ArrayBuffer;
    const cfb = XLSX.CFB.read(new Uint8Array(bytes), { type: 'array' });
    const path = cfb.FullPaths.find((p: string) => /sheet1\.xml$/.test(p));
    expect(path).toBeTruthy();
    const entry = XLSX.CFB.find(cfb, path!);
    const xml = new TextDecoder().decode(entry!.content as Uint8Array);
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++)
      lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = xml
      .replace(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        `<?xml version="1.0"?><!DOCTYPE lolz [${lol.join('')}]>`
      )
      .replace('>x<', '>&lol9;<');
    expect(bomb).toContain('<!DOCTYPE lolz');
    expect(bomb).toContain('>&lol9;<');
    entry!.content = new TextEncoder().encode(bomb);
    const patched = new Uint8Array(
      XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip' }) as ArrayBuffer
    );
    expect(checkZip(patched).ok).toBe(true); // small declared sizes: the zip guard lets it through
    const t0 = performance.now();
    let rows: unknown[][];
    try {
      rows = readSheet(patched).rows;
    } catch {
      rows = []; // refusing is fine too; expanding is not
    }
    expect(performance.now() - t0).toBeLessThan(2000);
    // Entities are never expanded: no cell grows beyond the few characters written.
    const longest = rows.flat().reduce<number>((m, c) => Math.max(m, String(c).length), 0);
    expect(longest).toBeLessThan(100);
  });
});
