import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { createSample, expect, expectAccessible, test } from './fixtures';

const pct = async (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));

test('coverage: edit the grid and the team, see utilisation and the time split change; reload keeps it', async ({
  page,
  watch
}, info) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Couverture' })
    .click();
  const field = page.getByTestId('utilisation-field');
  await expect(field).toContainText('%');
  const before = await pct(await field.innerText());
  const orTime = await pct(await page.getByTestId('time-or').innerText());
  await expectAccessible(page, 'coverage');

  // OR gets a monthly on-site meeting instead of half-yearly: more field hours, more OR time.
  const cell = page.getByLabel('Fréquence de « Rendez-vous physique / démo » pour OR');
  await cell.fill('12');
  await cell.press('Tab');
  await expect.poll(async () => pct(await field.innerText())).toBeGreaterThan(before);
  await expect
    .poll(async () => pct(await page.getByTestId('time-or').innerText()))
    .toBeGreaterThan(orTime);
  await expect(page.getByTestId('findings')).toContainText('ETP terrain');

  // A bad value is refused and the last valid model kept.
  const minutes = page.getByLabel('Durée de « Appel de qualification » (min)');
  await minutes.fill('-5');
  await minutes.press('Tab');
  await expect(page.getByTestId('utilisation-inside')).not.toContainText('NaN');

  // Resources: doubling the field team lowers its utilisation.
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Ressources' })
    .click();
  const high = await pct(await page.getByTestId('utilisation-field').innerText());
  const fte = page.getByLabel('ETP — Commerciaux terrain');
  await fte.fill('20');
  await fte.press('Tab');
  await expect
    .poll(async () => pct(await page.getByTestId('utilisation-field').innerText()))
    .toBeLessThan(high);
  await expectAccessible(page, 'resources');

  // A French decimal is read as such; garbage is refused with a message and the field restored.
  await fte.fill('2,5');
  await fte.press('Tab');
  await expect(page.getByTestId('role-field')).toContainText('(2,5 ETP)');
  await fte.fill('douze');
  await fte.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'Valeur invalide' })).toBeVisible();
  await expect(fte).toHaveValue('2,5');
  await expect(page.getByTestId('role-field')).toContainText('(2,5 ETP)');
  await page.getByRole('alert').getByRole('button', { name: 'Fermer' }).first().click();

  // A target split that does not sum to 100 % is reported.
  const target = page.getByLabel('Part du temps visée pour OR (%)');
  await target.fill('70');
  await target.press('Tab');
  await expect(
    page.getByRole('status').filter({ hasText: 'La répartition cible totalise' })
  ).toBeVisible();

  // Zero field reps: no division by zero on screen.
  await fte.fill('0');
  await fte.press('Tab');
  await expect(page.getByTestId('utilisation-field')).toContainText('sans capacité');
  await expect(page.locator('main')).not.toContainText('NaN');
  await expect(page.locator('main')).not.toContainText('Infinity');

  await page.reload();
  await expect(page.getByLabel('ETP — Commerciaux terrain')).toHaveValue('0');
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Couverture' })
    .click();
  await expect(page.getByLabel('Fréquence de « Rendez-vous physique / démo » pour OR')).toHaveValue(
    '12'
  );

  // Export: the grid and the team as French-Excel CSV, re-read.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le modèle (CSV)' }).click();
  const file = info.outputPath('couverture.csv');
  await (await download).saveAs(file);
  const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').slice(1).trim(), {
    delimiter: ';'
  }).data;
  const header = rows.find((r) => r[0] === 'Cible' && r.includes('Rendez-vous physique / démo'));
  expect(header).toBeTruthy();
  const orRow = rows.find((r) => r[0] === 'OR');
  expect(orRow?.[header!.indexOf('Rendez-vous physique / démo')]).toBe('12');
  expect(rows.find((r) => r[0] === 'Commerciaux terrain')?.[1]).toBe('0');
});

test('coverage: duplicate a scenario, change it, compare both side by side', async ({
  page,
  watch
}) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.goto('/couverture');
  await expect(page.getByTestId('utilisation-field')).toContainText('%');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('button', { name: 'Dupliquer « Scénario 1 »' }).click();
  await expect(page.getByRole('combobox', { name: 'Scénario', exact: true })).toHaveValue(/.+/);
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Couverture' })
    .click();
  // In the copy (now active), OR gets a weekly follow-up meeting.
  const cell = page.getByLabel('Fréquence de « Rendez-vous de suivi » pour OR');
  await cell.fill('52');
  await cell.press('Tab');
  await page.getByRole('button', { name: 'Comparer', exact: true }).click();
  const table = page.getByTestId('compare');
  await expect(table.getByRole('columnheader')).toHaveText([
    '',
    'Scénario 1',
    'Scénario 1 (copie)'
  ]);
  const row = table.getByRole('row', { name: /Heures Commerciaux terrain/ });
  const cells = row.getByRole('cell');
  const hours = async (i: number) => Number((await cells.nth(i).innerText()).replace(/[^\d]/g, ''));
  expect(await hours(1)).toBeGreaterThan(await hours(0));
  await expect(
    page.getByRole('figure', { name: 'Heures nécessaires par rôle et par scénario' })
  ).toBeVisible();
  await expectAccessible(page, 'coverage with comparison');
});

test('coverage: a separate grid for prospects, and the model as XLSX', async ({
  page,
  watch
}, info) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.goto('/couverture');
  const inside = page.getByTestId('utilisation-inside');
  await expect(inside).toContainText('%');
  const before = await pct(await inside.innerText());
  await page.getByLabel('Grille distincte pour les prospects').check();
  const cell = page.getByLabel('Fréquence de « Appel de qualification » pour BRONZE (prospects)');
  await expect(cell).toHaveValue('1');
  await cell.fill('12');
  await cell.press('Tab');
  await expect.poll(async () => pct(await inside.innerText())).toBeGreaterThan(before);
  // Reorder: the webinar moves up one place in the catalogue (and in the grid).
  await page.getByRole('button', { name: 'Monter « Webinar »' }).click();
  await expect(page.getByLabel('Nom de l’action 5')).toHaveValue('Webinar');
  // Lever: an action marked automatable can be moved to the automated channel in one click.
  await page.getByLabel('« Webinar » automatisable').uncheck();
  await page.getByLabel('« Appel de qualification » automatisable').check();
  const beforeAuto = await pct(await inside.innerText());
  await page
    .getByRole('row', { name: /Appel de qualification/ })
    .getByRole('button', { name: 'Automatiser' })
    .click();
  await expect(page.getByLabel('Canal de « Appel de qualification »')).toHaveValue('automated');
  await expect.poll(async () => pct(await inside.innerText())).toBeLessThan(beforeAuto);
  // The client grid is unchanged.
  await expect(
    page.getByLabel('Fréquence de « Appel de qualification » pour BRONZE', { exact: true })
  ).toHaveValue('1');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le modèle (XLSX)' }).click();
  const file = info.outputPath('couverture.xlsx');
  await (await download).saveAs(file);
  const XLSX = await import('@e965/xlsx');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(
    XLSX.read(readFileSync(file)).Sheets.Couverture,
    { header: 1 }
  );
  expect(rows.some((r) => r[0] === 'Commerciaux terrain')).toBe(true);
  expect(rows.some((r) => r[0] === 'OR')).toBe(true);
});
