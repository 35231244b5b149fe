// `npm start`: builds the app if needed, serves it locally and prints the URL (opening the
// built-in sample data on first visit).
import { execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.mjs';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
if (!built || newest('src') > built || newest('static') > built) {
  console.log('Podium: building…');
  execSync('npx vite build', { stdio: 'inherit' });
}
const port = Number(process.env.PORT ?? 4173);
await serve('build', port);
console.log(`\nPodium is running: http://127.0.0.1:${port}/?exemple\n(Ctrl+C to stop)`);
