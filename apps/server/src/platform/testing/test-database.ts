import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '@veza/db';
import type { Database } from '@veza/db';

export type TestDatabase = Database & { dispose(): Promise<void> };

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or — when
 * TEST_DATABASE_URL is set — a new randomly named database on that PostgreSQL server, dropped on
 * dispose, so tests never share state with each other or with a developer's data.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { ...database, dispose: () => database.close() };
  }
  const name = `veza_t_${randomBytes(6).toString('hex')}`;
  await administer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  await database.migrate();
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await administer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function administer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
