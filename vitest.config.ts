import { defineConfig } from 'vitest/config';

// Three suites: unit tests beside the code, integration tests on a real database
// (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set), browser tests in tests/e2e.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Every module's policy registered with the engine, as at the server's start.
          setupFiles: ['apps/server/src/testing/register-policies.ts'],
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/web/src/**/*.test.tsx'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          setupFiles: ['apps/server/src/testing/register-policies.ts'],
          include: ['packages/*/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has its own database (a loaded PGlite snapshot, or a copy of the migrated
          // template on PostgreSQL), so two files run at once: one per core of the CI machine.
          maxWorkers: 2,
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The demo scenario is seeded once per run; each file's server starts from its own copy.
          globalSetup: ['tests/e2e/support/seeded.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
          isolate: false,
        },
      },
    ],
  },
});
