import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Import boundaries: each cloud function deploys alone, so it imports only its own folder,
 * cloudfunctions/_shared/ and contract/; the mini program ships only files under miniprogram/, so
 * nothing outside it imports from it (the build copies contract/ in instead). A relative import
 * that climbs out of a folder (`../`…) and names another function's folder is what is refused.
 */
const FUNCTION_FOLDERS = fs
  .readdirSync(new URL('./cloudfunctions/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name);

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const climbsInto = (folder) => `^(\\.\\./)+(cloudfunctions/)?${escape(folder)}(/|$)`;
const MINIPROGRAM_IMPORT = {
  // A path into the top-level folder (climbing to it, or from the root); `./miniprogram` files elsewhere are fine.
  regex: '^(\\.\\./)*miniprogram/',
  message: 'Nothing outside miniprogram/ imports from it: put shared code in contract/.',
};

function boundaries(ownFolder) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...FUNCTION_FOLDERS.filter((folder) => folder !== ownFolder).map((folder) => ({
            regex: climbsInto(folder),
            message: `A cloud function imports only its own folder, cloudfunctions/_shared/ and contract/: move what ${folder} shares into cloudfunctions/_shared/.`,
          })),
          MINIPROGRAM_IMPORT,
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'miniprogram/miniprogram_npm/',
      'miniprogram/contract/',
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/lazy.*.js',
      '.local-cloud/',
      '.build/',
      'bench/results/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/**/*.ts'],
    languageOptions: {
      globals: {
        wx: 'readonly',
        App: 'readonly',
        Page: 'readonly',
        Component: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
        Behavior: 'readonly',
      },
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.js', 'packages/*/test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // The mini program's own tests exercise its code; everything else stays out of it.
    files: ['**/*.{ts,js,mjs,cjs}'],
    ignores: ['miniprogram/**', 'test/miniprogram/**', 'cloudfunctions/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MINIPROGRAM_IMPORT] }] },
  },
  { files: ['cloudfunctions/_shared/**'], rules: boundaries(null) },
  ...FUNCTION_FOLDERS.map((folder) => ({
    files: [`cloudfunctions/${folder}/**`],
    rules: boundaries(folder),
  })),
);
