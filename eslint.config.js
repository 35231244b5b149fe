import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import svelteConfig from './svelte.config.js';

const layer = (group, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group, message }] }]
});

export default defineConfig(
  {
    ignores: [
      'build/',
      '.svelte-kit/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      'node_modules/'
    ]
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' }
    }
  },
  {
    files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Files kit's tsconfig leaves out: the service worker (webworker lib) and tool configs.
          allowDefaultProject: ['src/service-worker.ts', 'playwright.config.ts']
        },
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'svelte/no-at-html-tags': 'error',
      'svelte/button-has-type': 'error',
      'svelte/require-each-key': 'error',
      'svelte/no-navigation-without-resolve': 'off',
      // Dates here are values (formatting, timestamps), never mutated: no SvelteDate needed.
      'svelte/prefer-svelte-reactivity': 'off'
    }
  },
  // Layering (ARCHITECTURE.md): domain is pure; UI talks to state/, never to Dexie or Comlink.
  {
    files: ['src/lib/domain/**'],
    rules: layer(
      [
        '$lib/*',
        '!$lib/domain',
        '!$lib/domain/*',
        '../*',
        '!../domain/*',
        'dexie',
        'comlink',
        'svelte',
        'svelte/*',
        '$app/*'
      ],
      'domain/ is pure TypeScript: it imports only domain/.'
    )
  },
  {
    files: ['src/lib/import/**', 'src/lib/export/**'],
    rules: layer(
      [
        '$lib/db/*',
        '$lib/state/*',
        '$lib/components/*',
        '$lib/worker/*',
        'dexie',
        'comlink',
        'svelte',
        'svelte/*'
      ],
      'import/ and export/ may only use domain/ and libraries.'
    )
  },
  {
    files: ['src/routes/**', 'src/lib/components/**'],
    rules: layer(
      ['dexie', 'comlink', '$lib/db/*', '$lib/worker/*'],
      'Components and routes talk to state/ only, never to Dexie or Comlink.'
    )
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.*'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' }
  },
  {
    // The bench driver is a plain Node script over Playwright's API: not type-checked.
    files: ['tests/bench/run.mjs'],
    rules: { '@typescript-eslint/ban-ts-comment': 'off' }
  }
);
