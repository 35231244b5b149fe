import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import svelteConfig from './svelte.config.js';

const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }]
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
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
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
      'svelte/no-navigation-without-resolve': 'off'
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
  }
);
