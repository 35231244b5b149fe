// Where Chromium is: CHROMIUM_BIN, else Debian's /usr/bin/chromium, else `chromium` on PATH,
// else null (then Playwright's own downloaded browsers are used, if any).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumPath() {
  if (process.env.CHROMIUM_BIN) return process.env.CHROMIUM_BIN;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const p = execSync('command -v chromium || command -v chromium-browser', {
      stdio: ['ignore', 'pipe', 'ignore']
    })
      .toString()
      .trim();
    return p || null;
  } catch {
    return null;
  }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
