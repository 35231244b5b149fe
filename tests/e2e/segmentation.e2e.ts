import type { Locator } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { createSample, expect, expectAccessible, test } from './fixtures';

const count = async (loc: Locator) => Number((await loc.innerText()).replace(/\s/g, ''));

test('segmentation: tune weights and thresholds, see moves, pin an account, reload, export', async ({
  page,
  watch
}, info) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Segmentation' })
    .click();
  const or = page.getByTestId('segment-or-accounts');
  await expect(or).toHaveText(/\d/);
  const total = async () =>
    (await count(or)) +
    (await count(page.getByTestId('segment-argent-accounts'))) +
    (await count(page.getByTestId('segment-bronze-accounts')));
  expect(await total()).toBe(2000); // segments partition the accounts
  await expectAccessible(page, 'segmentation');

  // The scatter's revenue axis starts at or below the smallest account (none cut off).
  const scatter = page.getByTestId('scatter');
  await expect(scatter).toHaveAttribute('data-axis-min', /\d/);
  const axisMin = Number(await scatter.getAttribute('data-axis-min'));
  const dataMin = Number(await scatter.getAttribute('data-data-min'));
  expect(axisMin).toBeLessThanOrEqual(dataMin + 0.05);
  // Clicking a bubble explains one of its accounts.
  await expect(scatter).toHaveAttribute('data-first-point', /\d+,\d+/);
  const [px, py] = (await scatter.getAttribute('data-first-point'))!.split(',').map(Number);
  await expect(page.getByTestId('explanation')).toHaveCount(0);
  await scatter.locator('canvas').click({ position: { x: px, y: py } });
  await expect(page.getByTestId('explanation')).toBeVisible();

  // A criterion weight: head count from 2 to 8.
  const before = await count(or);
  await page.getByLabel('Pondération de « Effectif »').fill('8');
  await page.getByLabel('Pondération de « Effectif »').press('Tab');
  await expect(page.getByTestId('moved')).toContainText('comptes ont changé de cible');
  expect(await total()).toBe(2000);

  // A list of band limits with a word in it is refused in plain words and put back; the
  // segmentation is not recomputed with a NaN limit.
  const bounds = page.getByLabel('Limites des tranches (croissantes, séparées par ;)').first();
  const kept = await bounds.inputValue();
  await bounds.fill('10 ; 50 ; beaucoup');
  await bounds.press('Tab');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Valeur invalide' }).first()
  ).toBeVisible();
  await expect(bounds).toHaveValue(kept);
  expect(await total()).toBe(2000);

  // A threshold: the high weight band up to 50 % of cumulative revenue instead of 80 %.
  await page.getByLabel('Haute jusqu’à (% du CA cumulé)').fill('50');
  await page.getByLabel('Haute jusqu’à (% du CA cumulé)').press('Tab');
  await expect(page.getByTestId('moved')).toContainText('comptes ont changé de cible');
  await expect(page.getByRole('table').filter({ hasText: 'Avant ↓ / Après →' })).toBeVisible();
  const after = await count(or);
  expect(after).not.toBe(before);

  // Undo restores the previous figures, redo re-applies.
  await page.getByRole('button', { name: /Annuler la modification/ }).click();
  await expect(page.getByLabel('Haute jusqu’à (% du CA cumulé)')).toHaveValue('80');
  await page.getByRole('button', { name: /Rétablir/ }).click();
  await expect(page.getByLabel('Haute jusqu’à (% du CA cumulé)')).toHaveValue('50');
  await expect(or).toHaveText(String(after).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f'));

  // Explain the first BRONZE-looking account, then pin it to OR with a reason.
  await page.getByLabel('Identifiant ou raison sociale').fill('Atelier');
  await page.getByRole('button', { name: 'Expliquer', exact: true }).click();
  const explanation = page.getByTestId('explanation');
  await expect(explanation).toContainText('bande de poids');
  await expect(explanation).toContainText('Potentiel');
  const heading = await explanation.locator('h4').innerText();
  const id = /\((\d{9})\)/.exec(heading)?.[1];
  expect(id).toBeTruthy();
  await page.getByLabel('Cible imposée').selectOption({ label: 'OR' });
  await page.getByLabel('Motif', { exact: true }).fill('Compte stratégique en reprise');
  await page.getByRole('button', { name: 'Épingler', exact: true }).click();
  await expect(page.getByText(`${id} → OR — « Compte stratégique en reprise »`)).toBeVisible();
  await expect(explanation).toContainText('Épinglé en OR');

  // Reload: everything kept.
  await page.reload();
  await expect(page.getByLabel('Pondération de « Effectif »')).toHaveValue('8');
  await expect(page.getByLabel('Haute jusqu’à (% du CA cumulé)')).toHaveValue('50');
  await expect(page.getByText(`${id} → OR — « Compte stratégique en reprise »`)).toBeVisible();
  await expect(or).toHaveText(/\d/);

  // Export and re-read: every account, the pinned one in OR with its reason.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV (Excel français)' }).last().click();
  const file = info.outputPath('segmentation.csv');
  await (await download).saveAs(file);
  const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').slice(1).trim(), {
    delimiter: ';'
  }).data;
  expect(rows[0]).toEqual([
    'Identifiant',
    'Raison sociale',
    'CA',
    'Poids (%)',
    'Bande poids',
    'Potentiel (0-100)',
    'Bande potentiel',
    'Segment',
    'Épinglé',
    'Motif'
  ]);
  expect(rows).toHaveLength(2001);
  const pinned = rows.find((r) => r[0] === id);
  expect(pinned?.[7]).toBe('OR');
  expect(pinned?.[8]).toBe('oui');
  expect(pinned?.[9]).toBe('Compte stratégique en reprise');
  const orRows = rows.slice(1).filter((r) => r[7] === 'OR').length;
  expect(orRows).toBe(await count(or));
});

test('segmentation: bad input is explained, nothing breaks', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.goto('/segmentation');
  await expect(page.getByTestId('segment-or-accounts')).toHaveText(/\d/);
  // Contradictory cuts.
  await page.getByLabel('Haute jusqu’à (% du CA cumulé)').fill('99');
  await page.getByLabel('Haute jusqu’à (% du CA cumulé)').press('Tab');
  await expect(
    page.getByRole('status').filter({ hasText: 'limites des bandes de poids se contredisent' })
  ).toBeVisible();
  // All criterion weights at zero.
  for (const col of ['Effectif', 'CA entreprise (€)', 'Secteur']) {
    await page.getByLabel(`Pondération de « ${col} »`).fill('0');
    await page.getByLabel(`Pondération de « ${col} »`).press('Tab');
  }
  await expect(
    page.getByRole('status').filter({ hasText: 'Toutes les pondérations sont à 0' })
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: /Potentiel \(indisponible\)/ })).toBeVisible();
  const sum =
    Number((await page.getByTestId('segment-or-accounts').innerText()).replace(/\s/g, '')) +
    Number((await page.getByTestId('segment-argent-accounts').innerText()).replace(/\s/g, '')) +
    Number((await page.getByTestId('segment-bronze-accounts').innerText()).replace(/\s/g, ''));
  expect(sum).toBe(2000);
});

test('segmentation: rename and add segments, XLSX export, accounts to complete', async ({
  page,
  watch
}, info) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.goto('/segmentation');
  await expect(page.getByTestId('segment-or-accounts')).toHaveText(/\d/);

  await page.getByLabel('Nom de la cible 2').fill('ARGENT+');
  await page.getByLabel('Nom de la cible 2').press('Tab');
  await expect(page.getByTestId('segment-argent')).toContainText('ARGENT+');
  await page.getByRole('button', { name: 'Ajouter une cible' }).click();
  await expect(page.getByLabel('Nom de la cible 4')).toHaveValue('Cible 4');
  await page.getByRole('button', { name: 'Retirer la cible « Cible 4 »' }).click();
  await expect(page.getByLabel('Nom de la cible 4')).toHaveCount(0);

  // XLSX export, re-read with SheetJS: one row per account, text cells stay text.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel (XLSX)' }).click();
  const file = info.outputPath('segmentation.xlsx');
  await (await download).saveAs(file);
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(readFileSync(file));
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Segmentation, { header: 1 });
  expect(rows).toHaveLength(2001);
  expect(rows[0][7]).toBe('Segment');
  const segs = new Set(rows.slice(1).map((r) => r[7]));
  expect([...segs].sort()).toEqual(['ARGENT+', 'BRONZE', 'OR']);
  expect(typeof rows[1][0]).toBe('string'); // SIREN kept as text

  // Completeness: the sample has every criterion filled → no account to complete.
  await page.getByRole('button', { name: 'Exporter les comptes à compléter' }).click();
  await expect(page.getByText('0 comptes à compléter.')).toBeVisible();
});
