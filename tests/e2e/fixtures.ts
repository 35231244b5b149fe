/**
 * Shared e2e fixtures: every test watches for console errors, CSP violations and requests that
 * leave the origin, and fails if any happened. Page helpers act as a person would (roles, labels).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface Watch {
  consoleErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

export function watchPage(page: Page, origin: string): Watch {
  const w: Watch = { consoleErrors: [], cspViolations: [], foreignRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) w.foreignRequests.push(url);
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      list.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}

export async function expectClean(page: Page, w: Watch): Promise<void> {
  const csp = await page
    .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
    .catch(() => []);
  w.cspViolations.push(...csp);
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.cspViolations, 'CSP violations').toEqual([]);
  expect(w.foreignRequests, 'requests leaving the origin').toEqual([]);
}

export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

/** Clicks "Essayer avec des données d'exemple" and waits for the dashboard. */
export async function createSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Essayer avec des données d’exemple' }).click();
  await expect(page.getByTestId('kpi-accounts')).toHaveText('2 000');
}

export const ROUTES: Array<{ path: string; heading: RegExp }> = [
  { path: '/', heading: /Exemple — PME industrielle|Bienvenue/ },
  { path: '/donnees', heading: /Données/ },
  { path: '/segmentation', heading: /Segmentation/ },
  { path: '/couverture', heading: /Couverture/ },
  { path: '/ressources', heading: /Ressources/ },
  { path: '/optimisation', heading: /Optimisation/ },
  { path: '/plans', heading: /Plans d’action/ },
  { path: '/suivi', heading: /Suivi/ },
  { path: '/parametres', heading: /Paramètres/ }
];

export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page, baseURL }, use) => {
    const w = watchPage(page, new URL(baseURL ?? 'http://127.0.0.1:4173').origin);
    await use(w);
    await expectClean(page, w);
  }
});

export { expect };
