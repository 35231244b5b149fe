import { readFileSync } from 'node:fs';
import { createSample, expect, test } from './fixtures';

test('workspace and scenario CRUD persists across reload', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.getByRole('link', { name: 'Paramètres' }).click();

  // Create an empty workspace, then switch back to the sample.
  await page.getByLabel('Nom du nouvel espace').fill('Agence Lyon');
  await page.getByRole('button', { name: 'Créer' }).first().click();
  await expect(page.getByRole('combobox', { name: 'Espace de travail' })).toHaveValue(/.+/);
  await expect(page.getByRole('heading', { name: 'Scénarios de « Agence Lyon »' })).toBeVisible();

  // Rename it.
  await page.getByRole('button', { name: 'Renommer « Agence Lyon »' }).click();
  await page.getByLabel('Nouveau nom de « Agence Lyon »').fill('Agence Rhône');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Scénarios de « Agence Rhône »' })).toBeVisible();

  // Scenarios: create, duplicate, rename, delete.
  await page.getByLabel('Nom du nouveau scénario').fill('Prudent');
  await page.getByRole('button', { name: 'Créer' }).nth(1).click();
  await page.getByRole('button', { name: 'Dupliquer « Prudent »' }).click();
  await page.getByRole('button', { name: 'Renommer « Prudent (copie) »' }).click();
  await page.getByLabel('Nouveau nom de « Prudent (copie) »').fill('Ambitieux');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('button', { name: 'Supprimer « Scénario 1 »' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByRole('button', { name: 'Supprimer « Scénario 1 »' })).toHaveCount(0);

  // Duplicate the sample workspace.
  await page.getByRole('button', { name: 'Dupliquer « Exemple — PME industrielle »' }).click();
  await expect(
    page.getByRole('combobox', { name: 'Espace de travail' }).locator('option')
  ).toHaveText([
    'Exemple — PME industrielle (copie)',
    'Agence Rhône',
    'Exemple — PME industrielle'
  ]);

  await page.reload();
  const ws = page.getByRole('combobox', { name: 'Espace de travail' });
  await expect(ws.locator('option')).toHaveCount(3);
  await ws.selectOption({ label: 'Agence Rhône' });
  await expect(
    page.getByRole('combobox', { name: 'Scénario', exact: true }).locator('option')
  ).toHaveText(['Prudent', 'Ambitieux']);
  await expect(page.getByRole('combobox', { name: 'Scénario', exact: true })).toHaveValue(/.+/);
  // The copy has the sample's data.
  await ws.selectOption({ label: 'Exemple — PME industrielle (copie)' });
  await page.getByRole('link', { name: 'Accueil' }).click();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');
});

test('delete a workspace, undo, delete again; it stays gone after reload', async ({
  page,
  watch
}) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Nom du nouvel espace').fill('À jeter');
  await page.getByRole('button', { name: 'Créer' }).first().click();
  await expect(page.getByRole('heading', { name: 'Scénarios de « À jeter »' })).toBeVisible();

  await page.getByRole('button', { name: 'Supprimer « À jeter »' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByText('Espace « À jeter » supprimé.')).toBeVisible();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(
    page
      .getByRole('combobox', { name: 'Espace de travail' })
      .locator('option', { hasText: 'À jeter' })
  ).toHaveCount(1);

  await page.getByRole('button', { name: 'Supprimer « À jeter »' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(
    page
      .getByRole('combobox', { name: 'Espace de travail' })
      .locator('option', { hasText: 'À jeter' })
  ).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByRole('combobox', { name: 'Espace de travail' }).locator('option')
  ).toHaveText(['Exemple — PME industrielle']);
});

test('backup → delete → restore gives identical data; a bad file changes nothing', async ({
  page,
  watch
}, info) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Nom du nouveau scénario').fill('Variante');
  await page.getByRole('button', { name: 'Créer' }).nth(1).click();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter une sauvegarde' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(
    /^Exemple-PME-industrielle-\d{4}-\d{2}-\d{2}\.podium$/
  );
  const file = info.outputPath('backup.podium');
  await download.saveAs(file);
  const original = JSON.parse(readFileSync(file, 'utf8'));
  expect(original.dataset.rowCount).toBe(2000);
  await expect(page.getByText(/Dernière sauvegarde de cet espace/)).toBeVisible();

  // A damaged file: clear message, nothing changes.
  await page.getByLabel('Restaurer une sauvegarde…').setInputFiles({
    name: 'abime.podium',
    mimeType: 'application/json',
    buffer: Buffer.from(readFileSync(file, 'utf8').slice(0, 5000))
  });
  await expect(page.getByRole('alert')).toContainText('endommagé');
  await expect(
    page.getByRole('combobox', { name: 'Espace de travail' }).locator('option')
  ).toHaveCount(1);
  await page.getByRole('alert').getByRole('button', { name: 'Fermer' }).click();

  // Delete the workspace for good, then restore.
  await page.getByRole('button', { name: 'Supprimer « Exemple — PME industrielle »' }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Podium' })).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Podium' })).toBeVisible();
  await page.getByLabel('Restaurer une sauvegarde').setInputFiles(file);
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');
  await expect(page.getByRole('combobox', { name: 'Scénario', exact: true })).toHaveValue(/.+/);
  await expect(
    page.getByRole('combobox', { name: 'Scénario', exact: true }).locator('option')
  ).toHaveText(['Scénario 1', 'Variante']);

  // Export again: the data is identical.
  await page.getByRole('link', { name: 'Paramètres' }).click();
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter une sauvegarde' }).click();
  const file2 = info.outputPath('backup2.podium');
  await (await again).saveAs(file2);
  const restored = JSON.parse(readFileSync(file2, 'utf8'));
  expect(restored.dataset).toEqual(original.dataset);
  expect(
    restored.scenarios.map((s: { name: string; model: unknown }) => [s.name, s.model])
  ).toEqual(original.scenarios.map((s: { name: string; model: unknown }) => [s.name, s.model]));
});
