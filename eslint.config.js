// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads'];

/** Import boundaries: each folder may import only what its runtime offers. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', '*.config.*', 'electron.vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      ['electron', 'electron/*', 'better-sqlite3', 'kysely', 'react', 'react-dom', ...nodeBuiltins, '**/electron/**', '**/renderer/**'],
      'shared/ runs everywhere: no Node, no Electron, no React, no imports from electron/ or renderer/.',
    ),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/platform-server/**/*.ts'],
    rules: forbid(
      ['electron', 'electron/*', 'electron-updater', '**/main/**', '**/preload/**', '**/renderer/**'],
      'electron/core, electron/web and electron/platform-server run under plain Node: never import electron or the Electron shell.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        ['electron', 'electron/*', 'better-sqlite3', 'kysely', ...nodeBuiltins, '**/electron/**'],
        'The renderer is a sandboxed web page: no Node, no Electron, nothing from electron/.',
      ),
    },
  },
);
