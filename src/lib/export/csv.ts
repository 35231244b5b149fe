/**
 * CSV writing for exports (accounts, reports, plans). Safe against formula injection: a text
 * cell starting with `= + - @`, a tab or a carriage return gets a leading `'` (even when the
 * formula hides behind a newline); numbers are written as numbers. Two dialects: French Excel
 * (`;`, decimal comma, UTF-8 BOM, CRLF) and standard CSV (`,`, decimal point, no BOM, CRLF).
 */
export type CsvDialect = 'excel-fr' | 'standard';

export type CsvCell = string | number | boolean | null | undefined;

const RISKY = /^[=+\-@\t\r]/;

/** Neutralises a text cell that a spreadsheet would run as a formula. */
export function neutralizeFormula(text: string): string {
  return RISKY.test(text) ? `'${text}` : text;
}

function formatCell(cell: CsvCell, dialect: CsvDialect, delimiter: string): string {
  if (cell === null || cell === undefined) return '';
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    text = String(cell);
    if (dialect === 'excel-fr') text = text.replace('.', ',');
    return text; // numbers are never quoted nor prefixed: -12,5 stays a number
  }
  if (typeof cell === 'boolean')
    text = dialect === 'excel-fr' ? (cell ? 'oui' : 'non') : cell ? 'true' : 'false';
  else text = neutralizeFormula(cell);
  if (
    text.includes('"') ||
    text.includes(delimiter) ||
    /[\r\n]/.test(text) ||
    text !== text.trim()
  ) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** Builds a whole CSV file (BOM included for French Excel). */
export function toCsv(
  header: string[],
  rows: Iterable<CsvCell[]>,
  dialect: CsvDialect = 'excel-fr'
): string {
  const delimiter = dialect === 'excel-fr' ? ';' : ',';
  const lines = [header.map((h) => formatCell(h, dialect, delimiter)).join(delimiter)];
  for (const row of rows)
    lines.push(row.map((c) => formatCell(c, dialect, delimiter)).join(delimiter));
  return (dialect === 'excel-fr' ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
