import ICAL from 'ical.js';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createSample, expect, expectAccessible, test } from './fixtures';

const num = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** A Tuesday or Wednesday two weeks or more after `start` that is no fixed public holiday. */
function workingDayAfter(start: string): string {
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 14);
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    if ([2, 3].includes(d.getUTCDay()) && !fixed.includes(iso.slice(5))) return iso;
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

/** A fixed French public holiday on a weekday within the year after `start` (YYYY-MM-DD). */
function weekdayHoliday(start: string): string {
  const y = Number(start.slice(0, 4));
  for (const year of [y, y + 1])
    for (const md of ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']) {
      const iso = `${year}-${md}`;
      const d = new Date(`${iso}T00:00:00Z`);
      const day = d.getUTCDay();
      if (iso > start && day >= 1 && day <= 5) return iso;
    }
  throw new Error('no weekday holiday found');
}

async function openPlans(page: Page) {
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Plans d’action' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plans d’action' })).toBeVisible();
}

/** Stats of the rep shown in the rep view: accounts, actions, hours, capacity, not planned. */
async function repStats(page: Page) {
  const dd = page.getByTestId('rep-stats').locator('dd');
  return {
    accounts: num(await dd.nth(0).innerText()),
    actions: num(await dd.nth(1).innerText()),
    unplaced: num(await dd.nth(4).innerText())
  };
}

test('plans: generate on the sample, accept, open a rep, mark done, reassign, export and re-read', async ({
  page,
  watch
}, info) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await openPlans(page);

  // The team comes from the file's rep column, inside reps guessed from their spread.
  await expect(page.getByLabel('Nom du commercial 1')).toHaveValue(/.+/);
  const chloeIndex = await page
    .getByRole('textbox', { name: /Nom du commercial/ })
    .evaluateAll((els) => els.findIndex((e) => (e as HTMLInputElement).value === 'Chloé Garnier'));
  expect(chloeIndex).toBeGreaterThanOrEqual(0);
  await expect(page.getByRole('combobox', { name: 'Rôle : Chloé Garnier' })).toHaveValue('inside');
  await expect(page.getByRole('combobox', { name: 'Rôle : Camille Martin' })).toHaveValue('field');

  // Removing a rep can be undone for a few seconds.
  const names = page.getByRole('textbox', { name: /^Nom du commercial/ });
  await expect(names).toHaveCount(8);
  await page.getByRole('button', { name: 'Retirer de l’équipe : Thomas Dubois' }).click();
  await expect(names).toHaveCount(7);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(names).toHaveCount(8);
  await expect(page.getByRole('combobox', { name: 'Rôle : Thomas Dubois' })).toHaveValue('field');

  // Generate: a draft, then accept it.
  await page.getByRole('button', { name: 'Générer les plans' }).click();
  const status = page.getByTestId('plan-status');
  await expect(status).toContainText('Brouillon — pas encore accepté');
  await expectAccessible(page, 'plans (draft)');
  await page.getByRole('button', { name: 'Accepter ce plan' }).click();
  await expect(status).toContainText('Plan accepté');
  await page.screenshot({ path: info.outputPath('plans-desktop.png'), fullPage: true });

  // Manager view: one row per rep; open Camille Martin's plan from it.
  const team = page.getByTestId('team-table');
  await expect(team.locator('tbody tr')).toHaveCount(8);
  await team.getByRole('button', { name: 'Camille Martin' }).click();
  await expect(page.getByRole('combobox', { name: 'Commercial', exact: true })).toHaveValue(
    await page
      .getByRole('combobox', { name: 'Commercial', exact: true })
      .locator('option', { hasText: 'Camille Martin' })
      .getAttribute('value')
      .then((v) => v ?? '')
  );
  const before = await repStats(page);
  expect(before.actions).toBeGreaterThan(10);

  // The week list: mark the first action done; it stays done after a reload.
  const week = page.getByTestId('week-table');
  await expect(week.locator('tbody tr').first()).toBeVisible();
  const firstDone = week.getByRole('checkbox').first();
  const label = await firstDone.getAttribute('aria-label');
  await firstDone.check();
  await expect(page.getByRole('checkbox', { name: label ?? '' })).toBeChecked();

  // Reassign one of Camille's accounts to Julien Bernard (field): a draft, accepted.
  const accounts = page.getByTestId('rep-accounts');
  const firstRow = accounts.locator('tbody tr').first();
  const accountName = (await firstRow.locator('td').nth(1).innerText()).split('\n')[0].trim();
  await page
    .getByRole('combobox', { name: `Réaffecter : ${accountName}` })
    .selectOption({ label: 'Julien Bernard' });
  await expect(status).toContainText('Brouillon');
  await expect(status).toContainText(/déplacées ou réaffectées : [1-9]/);
  await expect(page.getByText('Comptes réaffectés à la main : 1.')).toBeVisible();
  await page.getByRole('button', { name: 'Accepter ce plan' }).click();
  await expect(status).toContainText('Plan accepté');
  const after = await repStats(page);
  expect(after.accounts).toBe(before.accounts - 1);

  // Another reassignment, then the draft is dropped: that reassignment goes with it.
  const second = (await accounts.locator('tbody tr').first().locator('td').nth(1).innerText())
    .split('\n')[0]
    .trim();
  await page
    .getByRole('combobox', { name: `Réaffecter : ${second}` })
    .selectOption({ label: 'Julien Bernard' });
  await expect(page.getByText('Comptes réaffectés à la main : 2.')).toBeVisible();
  await page.getByRole('button', { name: 'Abandonner le brouillon' }).click();
  await expect(status).toContainText('Plan accepté');
  await expect(page.getByText('Comptes réaffectés à la main : 1.')).toBeVisible();
  expect((await repStats(page)).accounts).toBe(after.accounts);
  await page
    .getByRole('combobox', { name: 'Commercial', exact: true })
    .selectOption({ label: 'Julien Bernard — Terrain' });
  await page.getByLabel('Rechercher un compte').fill(accountName);
  await expect(page.getByTestId('rep-accounts')).toContainText(accountName);

  // Exports of Julien's plan: CSV (French Excel), XLSX and ICS, each re-read.
  const julien = await repStats(page);
  const save = async (button: string, name: string) => {
    const download = page.waitForEvent('download');
    await page
      .getByRole('region', { name: 'Plan d’un commercial' })
      .getByRole('button', { name: button })
      .click();
    const file = info.outputPath(name);
    await (await download).saveAs(file);
    return file;
  };
  const csv = readFileSync(await save('CSV (Excel FR)', 'pac.csv'), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data;
  expect(rows[0].slice(0, 6)).toEqual([
    'Date',
    'Heure',
    'Durée (min)',
    'Commercial',
    'Rôle',
    'Action'
  ]);
  expect(rows.length - 1).toBe(julien.actions + julien.unplaced);
  expect(rows.some((r) => r[7] === accountName)).toBe(true);
  expect(rows[1][0]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(readFileSync(await save('Excel (.xlsx)', 'pac.xlsx')), { type: 'buffer' });
  const sheet = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
  expect(sheet.length - 1).toBe(julien.actions + julien.unplaced);

  const ics = readFileSync(await save('Agenda (.ics)', 'pac.ics'), 'utf8');
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  expect(events).toHaveLength(julien.actions);
  const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
  expect(new Set(uids).size).toBe(uids.length);
  expect(events.some((e) => String(e.getFirstPropertyValue('summary')).includes(accountName))).toBe(
    true
  );
  // Exporting again gives the same UIDs (a calendar updates instead of duplicating).
  const ics2 = readFileSync(await save('Agenda (.ics)', 'pac2.ics'), 'utf8');
  const uids2 = new ICAL.Component(ICAL.parse(ics2))
    .getAllSubcomponents('vevent')
    .map((e) => String(e.getFirstPropertyValue('uid')));
  expect(uids2).toEqual(uids);

  // A hand move onto a public holiday is refused in plain words.
  await page
    .getByRole('combobox', { name: 'Commercial', exact: true })
    .selectOption({ label: 'Camille Martin — Terrain' });
  const moveField = page
    .getByTestId('week-table')
    .getByLabel(/^Déplacer au/)
    .first();
  const holiday = weekdayHoliday(await page.getByLabel('Début de la période').inputValue());
  await moveField.fill(holiday);
  await moveField.dispatchEvent('change');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Ce jour est férié' }).first()
  ).toBeVisible();

  // An action that did not fit can be placed by hand on a working day: one fewer not planned.
  const unplacedBefore = (await repStats(page)).unplaced;
  expect(unplacedBefore).toBeGreaterThan(0);
  const place = page
    .getByTestId('unplaced')
    .getByLabel(/^Placer au/)
    .first();
  await place.fill(workingDayAfter(await page.getByLabel('Début de la période').inputValue()));
  await place.dispatchEvent('change');
  await expect.poll(async () => (await repStats(page)).unplaced).toBe(unplacedBefore - 1);

  // Bad input: a zero-length period is refused at the field; a period already over is refused
  // at generation; the accepted plan stays.
  const months = page.getByLabel('Durée (mois, 1 à 24)');
  await months.fill('0');
  await months.press('Tab');
  await expect(
    page.getByRole('alert').filter({ hasText: 'La période est vide' }).first()
  ).toBeVisible();
  await expect(months).toHaveValue('12');
  const start = page.getByLabel('Début de la période');
  const acceptedStart = await start.inputValue();
  await start.fill('2020-01-06');
  await start.dispatchEvent('change');
  await page.getByRole('button', { name: 'Régénérer les plans' }).click();
  await expect(page.getByText(/La période s’est terminée le/)).toBeVisible();
  await expect(status).toContainText('Plan accepté');
  await expect(page.getByText(/Le modèle, l’équipe ou le fichier ont changé/)).toBeVisible();

  // Reload: the accepted plan and the hand change are still there.
  await start.fill(acceptedStart);
  await start.dispatchEvent('change');
  await page.reload();
  await expect(page.getByTestId('plan-status')).toContainText('Plan accepté');
  await page
    .getByRole('combobox', { name: 'Commercial', exact: true })
    .selectOption({ label: 'Camille Martin — Terrain' });
  await expect(page.getByTestId('rep-stats')).toBeVisible();
  await expectAccessible(page, 'plans (accepted)');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: info.outputPath('plans-phone.png'), fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(1);
});
