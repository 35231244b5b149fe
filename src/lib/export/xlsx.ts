/**
 * XLSX export with SheetJS (loaded on first use). Strings are always written as text cells
 * (type `s`, never formulas: a value starting with `=` stays text), numbers as numbers.
 */
import type { CsvCell } from './csv';

export async function toXlsx(
  sheetName: string,
  header: string[],
  rows: Iterable<CsvCell[]>
): Promise<ArrayBuffer> {
  const XLSX = await import('@e965/xlsx');
  const data: Array<Array<string | number | boolean | null>> = [header];
  for (const row of rows) data.push(row.map((c) => (c === undefined ? null : c)));
  const ws = XLSX.utils.aoa_to_sheet(data, { cellDates: false });
  // aoa_to_sheet never creates formulas from strings; make it explicit for every text cell.
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const cell = ws[key] as { t: string; f?: string };
    if (cell.t === 's') delete cell.f;
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return out;
}
