/**
 * Offline, installability and the update flow, each in a persistent Chromium profile against a
 * server this test starts and stops itself.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { createSample, expect, expectClean, ROUTES, test, watchPage } from './fixtures';

async function profile(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'podium-profile-')), {
    executablePath: chromiumPath() ?? undefined,
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 800 }
  });
}

async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000
  });
}

function copyBuild(to: string, from = 'build'): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

test('offline: after one visit, every route reloads and works with the server stopped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-site-'));
  copyBuild(dir);
  const port = 4191;
  const server = (await serve(dir, port)) as Server;
  const ctx = await profile();
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const origin = `http://127.0.0.1:${port}`;
    const w = watchPage(page, origin);
    await page.goto(`${origin}/`);
    await waitForController(page);
    await createSample(page);
    await new Promise<void>((r) => server.close(() => r()));
    server.closeAllConnections();
    for (const route of ROUTES) {
      const response = await page.goto(`${origin}${route.path}`);
      expect(response?.fromServiceWorker(), route.path).toBe(true);
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    }
    // The worker and IndexedDB still work offline: the accounts table pages.
    await page.goto(`${origin}/donnees`);
    await expect(page.getByText('1–50 sur 2 000')).toBeVisible();
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await expect(page.getByText('51–100 sur 2 000')).toBeVisible();
    // A failed network fetch is not a console error here: nothing is fetched at all.
    await expectClean(page, w);
  } finally {
    await ctx.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('installable: Chromium reports no installability error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-site-'));
  copyBuild(dir);
  const port = 4192;
  const server = (await serve(dir, port)) as Server;
  const ctx = await profile();
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    await waitForController(page);
    const cdp = await ctx.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ lang: 'fr', display: 'standalone', short_name: 'Podium' });
    expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
  } finally {
    await ctx.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('update: a new build waits for the user; nothing activates before “Recharger”', async () => {
  test.setTimeout(180_000);
  const v2 = mkdtempSync(join(tmpdir(), 'podium-v2-'));
  // A second build with a changed file (the version string), as a deploy would produce.
  execSync('npx vite build', {
    env: { ...process.env, PODIUM_BUILD_ID: 'e2e-v2', PODIUM_OUT: v2 },
    stdio: 'ignore'
  });
  const dir = mkdtempSync(join(tmpdir(), 'podium-site-'));
  copyBuild(dir);
  const port = 4193;
  const server = (await serve(dir, port)) as Server;
  const ctx = await profile();
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const origin = `http://127.0.0.1:${port}`;
    const w = watchPage(page, origin);
    await page.goto(`${origin}/parametres`);
    await waitForController(page);
    const v1 = (await page.getByTestId('app-version').textContent())?.trim();
    expect(v1).toMatch(/^Version \d+\.\d+\.\d+$/);

    copyBuild(dir, v2); // deploy v2
    await page.reload();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Nouvelle version disponible' })
    ).toBeVisible({
      timeout: 30_000
    });
    // Still the old version on screen, and the old worker still in control.
    await expect(page.getByTestId('app-version')).toHaveText(v1!);
    await page.reload();
    await expect(page.getByTestId('app-version')).toHaveText(v1!);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Nouvelle version disponible' })
    ).toBeVisible({
      timeout: 30_000
    });

    await page.getByRole('button', { name: 'Recharger' }).click();
    await expect(page.getByTestId('app-version')).toHaveText(/\+e2e-v2$/, { timeout: 30_000 });
    await expect(page.getByText('Nouvelle version disponible')).toHaveCount(0);
    await expectClean(page, w);
  } finally {
    await ctx.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(v2, { recursive: true, force: true });
  }
});
