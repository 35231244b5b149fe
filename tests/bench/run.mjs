// `npm run bench`: builds the app, serves it, drives Chromium and prints a table of measured
// figures (medians of 3 runs), then writes bench-results/bench.json. Later issues add rows.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = 4199;
const ORIGIN = `http://127.0.0.1:${PORT}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('bench: building…');
execSync('npx vite build', { stdio: 'ignore' });
const server = await serve('build', PORT);
const rows = [];

async function freshPage() {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'podium-bench-')), {
    executablePath: chromiumPath() ?? undefined,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 }
  });
  return { ctx, page: ctx.pages()[0] ?? (await ctx.newPage()) };
}

// 1. First load: what the browser downloads to show the welcome screen, gzipped.
{
  const { ctx, page } = await freshPage();
  const paths = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === ORIGIN) paths.add(u.pathname === '/' ? '/index.html' : u.pathname);
  });
  await page.goto(ORIGIN + '/');
  await page.getByRole('button', { name: 'Essayer avec des données d’exemple' }).waitFor();
  let raw = 0;
  let gz = 0;
  let js = 0;
  for (const p of paths) {
    if (p === '/service-worker.js') continue;
    try {
      const buf = readFileSync(join('build', p));
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
      if (p.endsWith('.js')) js += gzipSync(buf, { level: 9 }).length;
    } catch {
      // not a file of the build (e.g. an SPA route)
    }
  }
  rows.push({
    metric: 'first load, all files (gzip)',
    value: gz / 1024,
    unit: 'KiB',
    note: `${paths.size} requests, ${(raw / 1024).toFixed(0)} KiB raw`
  });
  rows.push({ metric: 'first load, JavaScript (gzip)', value: js / 1024, unit: 'KiB', note: '' });
  await ctx.close();
}

// 2. One click → sample workspace (2,000 accounts) generated, stored and summarised on screen.
{
  const times = [];
  const reopen = [];
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page } = await freshPage();
    await page.goto(ORIGIN + '/');
    const button = page.getByRole('button', { name: 'Essayer avec des données d’exemple' });
    await button.waitFor();
    const t0 = Date.now();
    await button.click();
    await page.getByTestId('kpi-accounts').filter({ hasText: '2 000' }).waitFor();
    times.push(Date.now() - t0);
    const t1 = Date.now();
    await page.goto(ORIGIN + '/donnees');
    await page.getByText('1–50 sur 2 000').waitFor();
    reopen.push(Date.now() - t1);
    await ctx.close();
  }
  rows.push({
    metric: 'sample workspace: click → dashboard',
    value: median(times),
    unit: 'ms',
    note: `runs: ${times.join(', ')}`
  });
  rows.push({
    metric: 'reopen → first table page (2k)',
    value: median(reopen),
    unit: 'ms',
    note: `runs: ${reopen.join(', ')}`
  });
}

server.close();
console.log('');
console.log('| metric | median | unit | note |');
console.log('| --- | ---: | --- | --- |');
for (const r of rows)
  console.log(`| ${r.metric} | ${r.value.toFixed(1)} | ${r.unit} | ${r.note} |`);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2)
);
console.log('\nwritten: bench-results/bench.json');
