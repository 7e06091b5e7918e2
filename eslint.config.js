import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { tableOwners } from './packages/db/ownership.mjs';

const MODULES_FOLDER = 'apps/server/src/modules';
const modules = readdirSync(new URL(`./${MODULES_FOLDER}`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const owners = tableOwners();

const INTERNALS_MESSAGE = "Another module's internals: import its index.ts instead.";

/** Another module's files other than its index.ts, seen from a file `depth` folders inside a module. */
function foreignInternals(module, depth) {
  const up = '\\.\\./'.repeat(depth + 1);
  return [
    { regex: `^${up}(?!\\.\\.|${module}/)[^/]+/(?!index\\.ts$)`, message: INTERNALS_MESSAGE },
    { regex: '(^|/)modules/[^/]+/(?!index\\.ts$)', message: INTERNALS_MESSAGE },
    { group: ['@veza/db/*'], message: 'Import tables from @veza/db; its schema files are not an entry.' },
  ];
}

function foreignTables(module) {
  const tables = Object.entries(owners)
    .filter(([, owner]) => owner !== module)
    .map(([table]) => table);
  return {
    name: '@veza/db',
    importNames: tables,
    message: `A table ${module} does not own (packages/db/ownership.mjs): use the owning module's index.ts.`,
  };
}

function restrict(module, depth) {
  return ['error', { paths: [foreignTables(module)], patterns: foreignInternals(module, depth) }];
}

// One owner per table (docs/architecture.md, "Who owns which table"): inside a module, another
// module is reached only through its index.ts, and another module's tables not at all. Tests may
// read any table to assert on it, but still reach other modules through their index.ts.
const moduleBoundaries = modules.flatMap((module) => [
  { files: [`${MODULES_FOLDER}/${module}/*.ts`], rules: { 'no-restricted-imports': restrict(module, 0) } },
  {
    files: [`${MODULES_FOLDER}/${module}/*/**/*.ts`],
    rules: { 'no-restricted-imports': restrict(module, 1) },
  },
  {
    files: [`${MODULES_FOLDER}/${module}/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: foreignInternals(module, 0) }] },
  },
  {
    files: [`${MODULES_FOLDER}/${module}/*/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: foreignInternals(module, 1) }] },
  },
]);

// The command line and the benchmarks use the server's package entry and module indexes only.
const serverClients = {
  files: ['apps/cli/**/*.ts', 'bench/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^@veza/server/modules/[^/]+/',
            message: 'Import @veza/server/modules/<module> (its index.ts).',
          },
          { regex: '(^|/)apps/server/src/modules/[^/]+/(?!index\\.ts$)', message: INTERNALS_MESSAGE },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'packages/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...moduleBoundaries,
  serverClients,
);
