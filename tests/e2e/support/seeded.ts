import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig, openConfiguredDatabase, seedDemo } from '@veza/server';
import { createMigratedDatabase } from '@veza/server/testing';
import { DEMO_PASSWORD } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder (secret key, and the PGlite files on PGlite) holding the seeded demo scenario. */
    seededDataDir: string;
    /** On PostgreSQL: the database holding the seeded demo scenario, for `CREATE DATABASE ... TEMPLATE`. */
    seededDatabase: string;
  }
}

/**
 * Vitest's global set-up of the browser suite: the demo scenario is seeded once per run, and every test
 * file's server starts from a copy of it (tests/e2e/support/server.ts), instead of each file migrating
 * and seeding its own. Each file still has a database of its own: one file's changes never reach
 * another. The copy is made per run, not cached, because the scenario's dates are relative to today.
 */
export default async function seedOnce(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'veza-e2e-seeded-'));
  let database: { url: string; drop(): Promise<void> } | undefined;
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (serverUrl) database = await createMigratedDatabase(serverUrl, 'veza_e2e_seeded');
  const config = loadConfig({
    VEZA_DATA_DIR: dataDir,
    VEZA_DEMO_PASSWORD: DEMO_PASSWORD,
    ...(database ? { DATABASE_URL: database.url } : {}),
  });
  const opened = await openConfiguredDatabase(config);
  try {
    await seedDemo(opened, { password: DEMO_PASSWORD, secretKey: config.secretKey });
  } finally {
    await opened.close();
  }
  project.provide('seededDataDir', dataDir);
  project.provide('seededDatabase', database ? new URL(database.url).pathname.slice(1) : '');
  return async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
