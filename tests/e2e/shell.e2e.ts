import { createSample, expect, expectAccessible, ROUTES, test } from './fixtures';

test('first visit: one click creates the sample workspace, a reload keeps it', async ({
  page,
  watch
}) => {
  void watch;
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Podium' })).toBeVisible();
  await createSample(page);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Exemple — PME industrielle' })
  ).toBeVisible();
  await expect(page.getByTestId('kpi-revenue')).toHaveText(/^\d+,\d\s?M\s?€$/);
  await page.reload();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');
  await expect(page.getByRole('combobox', { name: 'Espace de travail' })).toHaveValue(/.+/);
});

test('every screen of the method has its heading, no serious axe violation', async ({
  page,
  watch
}) => {
  void watch;
  await page.goto('/');
  await expectAccessible(page, 'welcome');
  await createSample(page);
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    if (route.path === '/donnees') await expect(page.getByRole('cell').first()).toBeVisible();
    await expectAccessible(page, route.path);
  }
});

test('the data screen pages, sorts and searches the accounts through the worker', async ({
  page,
  watch
}) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Données' })
    .click();
  await expect(page.getByText('1–50 sur 2 000')).toBeVisible();
  await page.getByRole('button', { name: 'Page suivante' }).click();
  await expect(page.getByText('51–100 sur 2 000')).toBeVisible();
  // Sort by current revenue, descending: the first row has the largest revenue.
  const sortRevenue = page.getByRole('button', { name: /CA 2025/ });
  await sortRevenue.click();
  await sortRevenue.click();
  await expect(page.getByRole('columnheader', { name: /CA 2025/ })).toHaveAttribute(
    'aria-sort',
    'descending'
  );
  await page.getByLabel('Rechercher dans les comptes').fill('Grenoble');
  await expect(page.getByText(/^1–\d+ sur \d+$/)).toBeVisible();
  const rows = page.getByRole('region', { name: 'Comptes' }).locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText('Grenoble');
  // SIRENs keep their leading zeros on screen.
  await page.getByLabel('Rechercher dans les comptes').fill('');
  await page.getByRole('button', { name: /^SIREN/ }).click();
  await expect(rows.first().locator('td').first()).toHaveText(/^0\d{8}$/);
});

test('language switch to English is applied everywhere and remembered', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await createSample(page);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Langue de l’interface').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Home' }).click();
  // English number formatting: 2,000 accounts.
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2,000');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Interface language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
});

test('phone width: the menu opens and navigates', async ({ page, watch }) => {
  void watch;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await createSample(page);
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await menu.click();
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Couverture' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Couverture' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // No screen scrolls sideways at 360 px (wide tables scroll inside their own region).
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth
    );
    expect(overflow, route.path).toBeLessThanOrEqual(0);
  }
});
