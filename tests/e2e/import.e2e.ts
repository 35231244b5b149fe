import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { generateSampleAccounts, sampleToFrenchCsv } from '../../src/lib/domain/sample';
import { encodeSingleByte } from '../../src/lib/import/decode';
import { createSample, expect, expectAccessible, test } from './fixtures';

/** What a French CRM export through Excel looks like: cp1252, title rows, a Total line, traps. */
function frenchExport(): Buffer {
  const lines = [
    'Export clients — Société Exemple au 01/12/2026;;;;;;',
    ';;;;;;',
    'SIREN;Raison sociale;CA 2025;CA 2024;Effectif;Commercial;Type',
    '012345678;Boulangerie Dupré;1 234,56 €;1 000,00 €;12;Hélène Roux;Client',
    '552100554;Crème & Cœur SARL;12 500,00;9 800,00;48;Jérôme Petit;Client',
    '1,23457E+13;Café « Le Zénith »;(250,00);0;5;Hélène Roux;Client',
    '001234567;<img src=x onerror="window.__xss=1">;0;0;n.c.;Jérôme Petit;Prospect',
    '402345678;Atelier Évry;quarante;1 500,00;250;Hélène Roux;Client',
    'TOTAL;;13 484,56 €;;;;'
  ];
  return Buffer.from(encodeSingleByte(lines.join('\r\n') + '\r\n', 'windows-1252')!);
}

test('import a French Excel CSV: report, commit, table and revenue on screen', async ({
  page,
  watch
}) => {
  void watch;
  await page.goto('/donnees');
  await page.getByLabel('Choisir un fichier').setInputFiles({
    name: 'export-crm.csv',
    mimeType: 'text/csv',
    buffer: frenchExport()
  });
  await expect(page.getByRole('heading', { name: 'Rapport de validation' })).toBeVisible();
  await expect(page.getByLabel('Encodage')).toHaveValue('windows-1252');
  await expect(page.getByLabel('Séparateur')).toHaveValue(';');
  await expect(page.getByLabel('Ligne d’en-tête')).toHaveValue('3');
  await expect(page.getByTestId('report-read')).toHaveText('6');
  // Lines 4, 5, 7 accepted (`n.c.` is an empty head count); line 6 (E+13 id) and 8 (`quarante`) warned.
  await expect(page.getByTestId('report-accepted')).toHaveText('3');
  await expect(page.getByTestId('report-warnings')).toHaveText('2');
  await expect(page.getByTestId('report-rejected')).toHaveText('1');
  // 1 234,56 + 12 500 − 250 + 0 + (empty) = 13 484,56
  await expect(page.getByTestId('report-revenue')).toHaveText(/13\s484,56\s€/);
  await expect(page.getByText('ligne 8 : « quarante »')).toBeVisible();
  await expect(page.getByText(/1 identifiants abîmés par Excel/)).toBeVisible();
  await expect(page.getByText('Ligne 9 : ligne de total')).toBeVisible();
  // Failed cells are highlighted in the preview.
  await expect(page.getByRole('cell', { name: /quarante — non reconnu/ })).toBeVisible();
  await expectAccessible(page, 'import review');

  await page.getByRole('button', { name: 'Importer 5 comptes' }).click();
  await expect(page.getByText('Import terminé : 5 comptes enregistrés.')).toBeVisible();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('5');
  await expect(page.getByTestId('kpi-revenue')).toHaveAttribute('title', /13\s484,56\s€/);
  const table = page.getByRole('region', { name: 'Comptes' });
  await expect(table.getByRole('cell', { name: '012345678' })).toBeVisible();
  // Hostile text is shown as text and never runs.
  await expect(
    table.getByRole('cell', { name: '<img src=x onerror="window.__xss=1">' })
  ).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
  ).toBeUndefined();
  // Reload: stored.
  await page.reload();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('5');
});

test('import an XLSX with two sheets, choosing the sheet', async ({ page, watch }) => {
  void watch;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([['Lisez-moi'], ['Export du CRM']]),
    'Notes'
  );
  const ws = XLSX.utils.aoa_to_sheet([
    ['Code client', 'Raison sociale', 'CA 2025', 'Date de création'],
    ['C001', 'Zoé Conseil', 1234.5, 45000],
    ['C002', 'Éts Martin', 20000, 45292]
  ]);
  ws.D2.z = 'dd/mm/yyyy';
  ws.D3.z = 'dd/mm/yyyy';
  XLSX.utils.book_append_sheet(wb, ws, 'Clients');
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  await page.goto('/donnees');
  await page.getByLabel('Choisir un fichier').setInputFiles({
    name: 'clients.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer
  });
  await expect(page.getByLabel('Feuille')).toHaveValue('Notes');
  await page.getByLabel('Feuille').selectOption('Clients');
  await expect(page.getByTestId('report-read')).toHaveText('2');
  await expect(page.getByTestId('report-revenue')).toHaveText(/21\s234,50\s€/);
  await expect(page.getByRole('cell', { name: '15/03/2023' })).toBeVisible();
  await page.getByRole('button', { name: 'Importer 2 comptes' }).click();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2');
});

test('cancel mid-import, undo an import, and re-import with a diff', async ({ page, watch }) => {
  void watch;
  test.setTimeout(120_000);
  await page.goto('/');
  await createSample(page);
  await page.goto('/donnees');

  // A big file: cancel while it is being analysed; the sample data stays.
  const big = sampleToFrenchCsv(generateSampleAccounts(300_000, 77));
  await page
    .getByLabel('Choisir un fichier')
    .setInputFiles({ name: 'gros.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
  await page.getByRole('status').getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('heading', { name: 'Rapport de validation' })).toHaveCount(0);
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');

  // A newer export of the same accounts: 2,100 accounts, one revenue changed.
  const accounts = generateSampleAccounts(2100);
  accounts[0].revenue += 5000;
  await page.getByLabel('Choisir un fichier').setInputFiles({
    name: 'export-v2.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(sampleToFrenchCsv(accounts))
  });
  const diff = page.getByTestId('import-diff');
  await expect(diff).toContainText('100 nouveaux comptes');
  await expect(diff).toContainText('0 comptes absents du nouveau fichier');
  await expect(diff).toContainText('1 comptes modifiés');
  await expect(diff).toContainText('CA 2025 (1)');
  await page.getByRole('button', { name: 'Importer 2 100 comptes' }).click();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 100');

  await page.getByRole('button', { name: 'Revenir à l’import précédent' }).click();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');
  await page.reload();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');
});

test('filter, sort and export the accounts table; the CSV re-reads with formulas neutralised', async ({
  page,
  watch
}, info) => {
  void watch;
  await page.goto('/donnees');
  const csv =
    'Code;Nom;CA;Ville\r\nA1;"=HYPERLINK(""http://x"";""clic"")";1500;Lyon\r\nA2;Zoé;250,5;Évry\r\nA3;Bâti;800;Lyon\r\n';
  await page
    .getByLabel('Choisir un fichier')
    .setInputFiles({ name: 'mini.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Importer 3 comptes' }).click();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('3');

  await page.getByLabel('Filtrer Ville').fill('lyon');
  await expect(page.getByText('1–2 sur 2')).toBeVisible();
  await page.getByLabel('Filtrer CA').fill('>1000');
  await expect(page.getByText('1–1 sur 1')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(page.getByText('1–3 sur 3')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV (Excel français)' }).click();
  const file = info.outputPath('comptes.csv');
  await (await download).saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' }).data;
  expect(rows[0]).toEqual(['Code', 'Nom', 'CA', 'Ville']);
  expect(rows).toHaveLength(4);
  expect(rows[1]).toEqual(['A1', `'=HYPERLINK("http://x";"clic")`, '1500', 'Lyon']);
  expect(rows[2]).toEqual(['A2', 'Zoé', '250,5', 'Évry']);
});

test('bad files: empty, no identity column — clear messages, nothing lost', async ({
  page,
  watch
}) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.goto('/donnees');
  await page
    .getByLabel('Choisir un fichier')
    .setInputFiles({ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert').filter({ hasText: 'Le fichier est vide.' })).toBeVisible();

  await page.getByLabel('Choisir un fichier').setInputFiles({
    name: 'villes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Ville;CA\nLyon;10\nParis;20\n')
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'Indiquez la colonne identifiant' })
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Importer \d+ comptes$/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');
});
