// Fails early, in plain words, when no Chromium can be found for the browser tests.
import { chromiumPath } from './browser.mjs';
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const path = chromiumPath();
let bundled;
try {
  bundled = chromium.executablePath();
} catch {
  bundled = null;
}
if (!path && !(bundled && existsSync(bundled))) {
  console.error(`
No Chromium found for the browser tests.
  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  - elsewhere:      npx playwright install chromium
  - or point to one: CHROMIUM_BIN=/path/to/chromium npm test
`);
  process.exit(1);
}
