import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig, startServer } from '@veza/server';
import { copyDatabase } from '@veza/server/testing';

export const DEMO_PASSWORD = 'e2e-demo-password-7731';

export interface RunningVeza {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real server (built web app, demo scenario) on a free port, from a copy of the scenario
 * seeded once for the run (support/seeded.ts): on PGlite a copy of the seeded data folder, on
 * PostgreSQL (TEST_DATABASE_URL) a new database made from the seeded one as a template, with the same
 * key that sealed its identities. `env` adds configuration, e.g. a higher VEZA_LOGIN_RATE_LIMIT for a
 * file that signs many accounts in; `webRoot` serves another copy of the built web app (a test that
 * publishes a new version).
 */
export async function startVeza(
  options: { env?: Record<string, string>; webRoot?: string } = {},
): Promise<RunningVeza> {
  const dataDir = mkdtempSync(join(tmpdir(), 'veza-e2e-'));
  cpSync(inject('seededDataDir'), dataDir, { recursive: true });
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    const copy = await copyDatabase(process.env.TEST_DATABASE_URL, inject('seededDatabase'), 'veza_e2e');
    databaseUrl = copy.url;
    dropDatabase = copy.drop;
  }
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    VEZA_DATA_DIR: dataDir,
    VEZA_DEMO_PASSWORD: DEMO_PASSWORD,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  // The server logs every request at 'info'; a test run wants only warnings and errors.
  process.env.LOG_LEVEL ??= 'warn';
  const started = await startServer(
    config,
    options.webRoot !== undefined ? { webRoot: options.webRoot } : {},
  );
  return {
    url: started.url,
    async close() {
      await started.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
