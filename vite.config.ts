import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const buildId = process.env.PODIUM_BUILD_ID;

export default defineConfig({
  plugins: [sveltekit()],
  define: { __APP_VERSION__: JSON.stringify(buildId ? `${pkg.version}+${buildId}` : pkg.version) },
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['comlink', 'papaparse', '@e965/xlsx', 'dexie', 'chart.js', 'workbox-window']
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['tests/unit/**/*.spec.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    testTimeout: 30_000
  }
});
