// @ts-nocheck — a Node script driving Chromium; its types are Playwright's.
// `npm run bench`: builds the app, serves it, drives Chromium and prints a table of measured
// figures (medians of BENCH_RUNS runs, default 3), then writes bench-results/bench.json.
// BENCH_SIZES (default "100000,1000000") chooses the import sizes.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { syntheticCsv } from './synthetic.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number).filter(Boolean);
const PORT = 4199;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtInt = (n) => new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f|\u00a0/g, ' ');

if (!process.env.BENCH_NO_BUILD) {
  console.log('bench: building…');
  execSync('npx vite build', { stdio: 'ignore' });
}
const server = await serve('build', PORT);
const rows = [];
const work = mkdtempSync(join(tmpdir(), 'podium-bench-'));

async function launch(options = {}) {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(work, 'profile-')), {
    executablePath: chromiumPath() ?? undefined,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...options
  });
  return { ctx, page: ctx.pages()[0] ?? (await ctx.newPage()) };
}

/** Peak resident memory of the browser's renderer processes while `fn` runs (MiB). */
async function withRendererPeak(fn) {
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const out = execSync(
        "ps -eo rss,args | grep -- '--type=renderer' | grep -v grep || true"
      ).toString();
      const total = out
        .split('\n')
        .filter(Boolean)
        .reduce((s, l) => s + Number(l.trim().split(/\s+/)[0] || 0), 0);
      peak = Math.max(peak, total / 1024);
    } catch {
      // ps missing: no figure
    }
  }, 150);
  try {
    const result = await fn();
    return { result, peak };
  } finally {
    clearInterval(poll);
  }
}

// ——— 1. First load ———
{
  const { ctx, page } = await launch();
  const paths = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === ORIGIN) paths.add(u.pathname === '/' ? '/index.html' : u.pathname);
  });
  await page.goto(ORIGIN + '/');
  await page.getByRole('button', { name: 'Essayer avec des données d’exemple' }).waitFor();
  let gz = 0;
  let js = 0;
  let worker = 0;
  for (const p of paths) {
    if (p === '/service-worker.js') continue;
    try {
      const z = gzipSync(readFileSync(join('build', p)), { level: 9 }).length;
      // The engine worker starts right after the first paint, off the main thread: counted apart.
      if (p.includes('/workers/')) {
        worker += z;
        continue;
      }
      gz += z;
      if (p.endsWith('.js')) js += z;
    } catch {
      // an SPA route, not a file
    }
  }
  rows.push({
    metric: 'first load, all files (gzip)',
    value: gz / 1024,
    unit: 'KiB',
    note: `${paths.size} requests, JS ${(js / 1024).toFixed(1)} KiB`
  });
  rows.push({
    metric: 'engine worker, loaded after first paint (gzip)',
    value: worker / 1024,
    unit: 'KiB',
    note: 'parsers, PapaParse; SheetJS only on a spreadsheet'
  });
  await ctx.close();
}

// ——— 2. Sample workspace ———
{
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page } = await launch();
    await page.goto(ORIGIN + '/');
    const button = page.getByRole('button', { name: 'Essayer avec des données d’exemple' });
    await button.waitFor();
    const t0 = Date.now();
    await button.click();
    await page.getByTestId('kpi-accounts').filter({ hasText: '2 000' }).waitFor();
    times.push(Date.now() - t0);
    await ctx.close();
  }
  rows.push({
    metric: 'sample workspace (2 000): click → dashboard',
    value: median(times),
    unit: 'ms',
    note: `runs ${times.join(', ')}`
  });
}

// ——— 3. Import N rows: file chosen → stored, active, first page shown ———
const INIT = () => {
  window.__bench = { longTasks: [], progress: [], t0: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (e) => {
      if (e.target && e.target.type === 'file') window.__bench.t0 = performance.now();
    },
    true
  );
  new MutationObserver(() => {
    // Moments the user sees the report and the first page of the stored table.
    if (!window.__bench.tReport && document.getElementById('report-title'))
      window.__bench.tReport = performance.now();
    if (
      !window.__bench.tShown &&
      window.__bench.tClick &&
      /^1–50 sur /m.test(document.body.innerText)
    )
      window.__bench.tShown = performance.now();
    const p = document.getElementById('import-progress');
    if (p) {
      const v = p.getAttribute('value') ?? String(p.value);
      const last = window.__bench.progress.at(-1);
      if (!last || last.v !== v) window.__bench.progress.push({ t: performance.now(), v });
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['value']
  });
};

for (const size of SIZES) {
  const file = join(work, `clients-${size}.csv`);
  const text = syntheticCsv(size, 42);
  writeFileSync(file, text);
  const mb = Buffer.byteLength(text) / 1e6;
  const label = fmtInt(size);
  const analyse = [];
  const commit = [];
  const total = [];
  const reopen = [];
  const longest = [];
  const gaps = [];
  const heap = [];
  const rss = [];
  let resident = 0;
  const stages = [];
  const segMs = [];
  const coverageMs = [];
  const segLong = [];
  const scatterMs = [];
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page } = await launch();
    await page.addInitScript(INIT);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    let heapPeak = 0;
    const heapPoll = setInterval(async () => {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        heapPeak = Math.max(heapPeak, used / 1048576);
      } catch {
        // page navigating
      }
    }, 200);
    await page.goto(ORIGIN + '/donnees');
    await page
      .getByRole('button', { name: 'Choisir un fichier' })
      .or(page.getByText('Choisir un fichier'))
      .first()
      .waitFor();
    const { peak } = await withRendererPeak(async () => {
      await page.getByLabel('Choisir un fichier').setInputFiles(file);
      await page
        .getByRole('heading', { name: 'Rapport de validation' })
        .waitFor({ timeout: 120_000 });
      const tAnalysed = await page.evaluate(() => window.__bench.tReport - window.__bench.t0);
      const button = page.getByRole('button', { name: /^Importer .* comptes$/ });
      await page.evaluate(() => {
        const b = [...document.querySelectorAll('button')].find((x) =>
          /^Importer .* comptes$/.test(x.textContent.trim())
        );
        b.addEventListener('click', () => (window.__bench.tClick = performance.now()), {
          capture: true,
          once: true
        });
      });
      await button.click();
      await page.getByText(`1–50 sur ${label}`).waitFor({ timeout: 120_000 });
      const { tClick, tShown } = await page.evaluate(() => ({
        tClick: window.__bench.tClick,
        tShown: window.__bench.tShown
      }));
      analyse.push(tAnalysed);
      commit.push(tShown - tClick);
      total.push(tAnalysed + (tShown - tClick));
      const b = await page.evaluate(() => window.__bench);
      longest.push(Math.max(0, ...b.longTasks));
      const times = b.progress.map((p) => p.t);
      let gap = 0;
      for (let k = 1; k < times.length; k++)
        if (times[k] < tClick || times[k - 1] > tClick)
          gap = Math.max(gap, times[k] - times[k - 1]);
      gaps.push(gap);
    });
    clearInterval(heapPoll);
    heap.push(heapPeak);
    rss.push(peak);
    resident =
      Number(await page.locator('[data-resident-bytes]').getAttribute('data-resident-bytes')) /
      1048576;
    stages.push(
      JSON.parse((await page.locator('[data-timings]').getAttribute('data-timings')) ?? '{}')
    );
    const t0 = Date.now();
    await page.reload();
    await page.getByText(`1–50 sur ${label}`).waitFor({ timeout: 60_000 });
    reopen.push(Date.now() - t0);
    if (i === 0) {
      // Segmentation: change one criterion weight → new counts; worker time as shown on screen.
      await page.goto(ORIGIN + '/segmentation');
      await page.getByTestId('scatter-ms').waitFor({ timeout: 120_000 });
      const weight = page.getByLabel('Pondération de « Effectif »');
      await page.evaluate(() => (window.__bench.longTasks = []));
      for (const w of ['5', '1', '3']) {
        const before = await page.getByText(/^Calculé en /).innerText();
        await weight.fill(w);
        await weight.press('Tab');
        await page.waitForFunction((b) => {
          const el = [...document.querySelectorAll('p')].find((p) =>
            p.textContent?.startsWith('Calculé en ')
          );
          return el && el.textContent !== b;
        }, before);
        await page.waitForTimeout(300);
        const text = await page.getByText(/^Calculé en /).innerText();
        segMs.push(Number(text.replace(/[^\d,]/g, '').replace(',', '.')));
        segLong.push(await page.evaluate(() => Math.max(0, ...window.__bench.longTasks)));
        const sc = await page.getByTestId('scatter-ms').innerText();
        scatterMs.push(Number(sc.replace(/[^\d]/g, '')));
      }
    }
    if (i === 0) {
      // Coverage: one frequency changed → utilisation updated on screen (measured in the page).
      await page.goto(ORIGIN + '/couverture');
      await page.getByTestId('utilisation-field').waitFor({ timeout: 120_000 });
      for (const f of ['6', '3', '9']) {
        const ms = await page.evaluate(async (value) => {
          const input = document.querySelector(
            'input[aria-label^="Fréquence de « Rendez-vous de suivi » pour OR"]'
          );
          const target = document.querySelector('[data-testid="utilisation-field"]');
          const before = target.textContent;
          const t0 = performance.now();
          input.value = value;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise((ok) => {
            const check = () =>
              target.textContent !== before ? ok() : requestAnimationFrame(check);
            check();
          });
          return performance.now() - t0;
        }, f);
        coverageMs.push(Math.round(ms * 10) / 10);
      }
    }
    await ctx.close();
  }

  // Bare PapaParse of the same file (string → arrays, no typing), same browser, CSP bypassed to
  // inject the library into a page of the origin that does not run the app.
  const bare = [];
  {
    copyFileSync(file, join('build', 'bench-file.csv'));
    const { ctx, page } = await launch({ bypassCSP: true, serviceWorkers: 'block' });
    await page.goto(ORIGIN + '/favicon.svg');
    const papa = readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8');
    for (let i = 0; i < RUNS; i++) {
      const ms = await page.evaluate(async (src) => {
        if (!window.Papa) (0, eval)(src);
        const text = await (await fetch('/bench-file.csv')).text();
        const t = performance.now();
        window.Papa.parse(text, { delimiter: ';' });
        return performance.now() - t;
      }, papa);
      bare.push(ms);
    }
    await ctx.close();
    rmSync(join('build', 'bench-file.csv'));
  }
  const ratio = median(total) / median(bare);
  rows.push({
    metric: `import ${label} rows (${mb.toFixed(1)} MB): file → report`,
    value: median(analyse),
    unit: 'ms',
    note: `runs ${analyse.map(Math.round).join(', ')}`
  });
  rows.push({
    metric: `import ${label}: « Importer » → stored, first page`,
    value: median(commit),
    unit: 'ms',
    note: `runs ${commit.map(Math.round).join(', ')}`
  });
  rows.push({
    metric: `import ${label}: total (without the user's pause)`,
    value: median(total),
    unit: 'ms',
    note: `runs ${total.map(Math.round).join(', ')}`
  });
  rows.push({
    metric: `bare PapaParse of the same file`,
    value: median(bare),
    unit: 'ms',
    note: `runs ${bare.map(Math.round).join(', ')}`
  });
  rows.push({
    metric: `import ${label}: ratio total / bare parse`,
    value: ratio,
    unit: '×',
    note: ''
  });
  rows.push({
    metric: `import ${label}: longest main-thread task`,
    value: median(longest),
    unit: 'ms',
    note: `runs ${longest.map(Math.round).join(', ')}`
  });
  rows.push({
    metric: `import ${label}: longest gap between progress updates`,
    value: median(gaps),
    unit: 'ms',
    note: ''
  });
  rows.push({
    metric: `import ${label}: peak JS heap of the page (CDP)`,
    value: median(heap),
    unit: 'MiB',
    note: 'main thread'
  });
  rows.push({
    metric: `import ${label}: peak renderer RSS (page + worker)`,
    value: median(rss),
    unit: 'MiB',
    note: 'ps, all renderer processes'
  });
  rows.push({
    metric: `import ${label}: resident dataset in the worker`,
    value: resident,
    unit: 'MiB',
    note: 'typed columns, strings counted 2 B/char'
  });
  const keys = [...new Set(stages.flatMap((x) => Object.keys(x)))];
  rows.push({
    metric: `import ${label}: worker stages (ms, median)`,
    value: 0,
    unit: '',
    note: keys.map((k) => `${k} ${median(stages.map((x) => x[k] ?? 0))}`).join(', ')
  });
  if (segMs.length) {
    rows.push({
      metric: `segmentation ${label}: one criterion weight changed (worker)`,
      value: median(segMs),
      unit: 'ms',
      note: `runs ${segMs.join(', ')}`
    });
    rows.push({
      metric: `segmentation ${label}: longest main-thread task while editing`,
      value: Math.max(0, ...segLong),
      unit: 'ms',
      note: 'max over the edits'
    });
    rows.push({
      metric: `segmentation ${label}: scatter recomputed + redrawn`,
      value: median(scatterMs),
      unit: 'ms',
      note: `runs ${scatterMs.join(', ')}`
    });
  }
  if (coverageMs.length) {
    rows.push({
      metric: `coverage ${label}: one frequency changed → utilisation on screen`,
      value: median(coverageMs),
      unit: 'ms',
      note: `runs ${coverageMs.join(', ')}`
    });
  }
  rows.push({
    metric: `reopen with ${label} stored → first page`,
    value: median(reopen),
    unit: 'ms',
    note: `runs ${reopen.join(', ')}`
  });
  rmSync(file);
}

// ——— 4. Action plans: 10 reps (6 field, 4 inside), N accounts, generate → draft on screen ———
const PLAN_SIZES = (process.env.BENCH_PLAN_SIZES ?? '20000,100000')
  .split(',')
  .map(Number)
  .filter(Boolean);
for (const size of PLAN_SIZES) {
  const label = fmtInt(size);
  const file = join(work, `plans-${size}.csv`);
  writeFileSync(file, syntheticCsv(size, 7));
  const { ctx, page } = await launch();
  await page.addInitScript(() => {
    window.__plan = { longTasks: [], progress: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__plan.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(ORIGIN + '/donnees');
  await page.getByLabel('Choisir un fichier').setInputFiles(file);
  await page.getByRole('heading', { name: 'Rapport de validation' }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: /^Importer .* comptes$/ }).click();
  await page.getByText(`1–50 sur ${label}`).waitFor({ timeout: 120_000 });
  await page
    .getByRole('navigation', { name: 'Étapes de la méthode' })
    .getByRole('link', { name: 'Plans d’action' })
    .click();
  await page.getByRole('button', { name: 'Générer les plans' }).waitFor({ timeout: 60_000 });
  // The file names 6 reps; make them field reps and add 4 inside reps: 10 in all.
  const names = await page.getByRole('textbox', { name: /^Nom du commercial/ }).count();
  for (let k = names; k < 10; k++)
    await page.getByRole('button', { name: 'Ajouter un commercial' }).click();
  for (let k = 1; k <= 10; k++) {
    const name = await page.getByLabel(`Nom du commercial ${k}`, { exact: true }).inputValue();
    await page
      .getByRole('combobox', { name: `Rôle : ${name}` })
      .selectOption(k <= 6 ? 'field' : 'inside');
  }
  const gen = [];
  const progress = [];
  const longest = [];
  let actions = 0;
  let unplacedCount = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => {
      window.__plan.longTasks = [];
      window.__plan.progress = [];
    });
    const result = await page.evaluate(async () => {
      const status = () => document.querySelector('[data-testid="plan-status"]');
      const before = status()?.getAttribute('data-created') ?? '';
      const button = [...document.querySelectorAll('button')].find((b) =>
        /^(Générer|Régénérer) les plans$/.test(b.textContent.trim())
      );
      const seen = [];
      const obs = new MutationObserver(() => {
        const p = document.querySelector('[role="progressbar"], progress');
        if (p) seen.push(performance.now());
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      const t0 = performance.now();
      button.click();
      await new Promise((ok) => {
        const check = () => {
          const s = status();
          if (s && s.getAttribute('data-created') !== before && /Brouillon/.test(s.textContent))
            ok();
          else requestAnimationFrame(check);
        };
        check();
      });
      obs.disconnect();
      const ms = performance.now() - t0;
      const text = status().textContent;
      return { ms, text, updates: seen.length };
    });
    gen.push(result.ms);
    progress.push(result.updates);
    longest.push(await page.evaluate(() => Math.max(0, ...window.__plan.longTasks)));
    const grab = (re) => Number((re.exec(result.text)?.[1] ?? '0').replace(/\D/g, ''));
    actions = grab(/: ([\d\s\u202f\u00a0]+) actions planifiées/);
    unplacedCount = grab(/; ([\d\s\u202f\u00a0]+) non planifiées/);
  }
  // Measured in the page, from the click to « Plan accepté » on screen.
  const acceptMs = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent.trim() === 'Accepter ce plan'
    );
    const t0 = performance.now();
    button.click();
    await new Promise((ok) => {
      const check = () =>
        /Plan accepté/.test(
          document.querySelector('[data-testid="plan-status"]')?.textContent ?? ''
        )
          ? ok()
          : requestAnimationFrame(check);
      check();
    });
    return performance.now() - t0;
  });
  const t1 = Date.now();
  const download = page.waitForEvent('download');
  await page
    .getByRole('region', { name: 'Plan d’un commercial' })
    .getByRole('button', { name: 'Agenda (.ics)' })
    .click();
  await download;
  const icsMs = Date.now() - t1;
  await ctx.close();
  rmSync(file);
  rows.push({
    metric: `plans ${label} accounts, 10 reps: « Générer » → draft on screen`,
    value: median(gen),
    unit: 'ms',
    note: `runs ${gen.map(Math.round).join(', ')}; ${fmtInt(actions)} actions placed, ${fmtInt(unplacedCount)} listed as not fitting; target ${size <= 20_000 ? '2 000' : '10 000'}`
  });
  rows.push({
    metric: `plans ${label}: longest main-thread task while generating`,
    value: median(longest),
    unit: 'ms',
    note: 'the work runs in the worker'
  });
  rows.push({
    metric: `plans ${label}: « Accepter » → stored`,
    value: acceptMs,
    unit: 'ms',
    note: 'IndexedDB, typed columns'
  });
  rows.push({
    metric: `plans ${label}: one rep's ICS export → download`,
    value: icsMs,
    unit: 'ms',
    note: 'ical-generator, one event per action'
  });
}

server.close();
rmSync(work, { recursive: true, force: true });
console.log('');
console.log('| metric | median | unit | note |');
console.log('| --- | ---: | --- | --- |');
for (const r of rows)
  console.log(
    `| ${r.metric} | ${r.value.toFixed(r.unit === '×' ? 2 : 0)} | ${r.unit} | ${r.note} |`
  );
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2)
);
console.log('\nwritten: bench-results/bench.json');
