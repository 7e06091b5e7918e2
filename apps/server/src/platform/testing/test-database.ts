import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS_FOLDER, migratedPgliteDump, openDatabase } from '@veza/db';
import type { Database } from '@veza/db';

export type TestDatabase = Database & { dispose(): Promise<void> };

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or — when
 * TEST_DATABASE_URL is set — a new randomly named database on that PostgreSQL server, dropped on
 * dispose, so tests never share state with each other or with a developer's data.
 *
 * Migrating is done once per set of migration files, not once per file: PGlite starts from a dump of
 * a migrated data directory, PostgreSQL copies a migrated template database. Both are named by a hash
 * of the migration files, so a changed or added migration builds a new one, and a fresh clone builds
 * its first on demand.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot() });
    return { ...database, dispose: () => database.close() };
  }
  const copy = await createMigratedDatabase(serverUrl, 'veza_t');
  const database = await openDatabase({ url: copy.url, poolSize: 4 });
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await copy.drop();
    },
  };
}

/**
 * A new, randomly named, migrated database on the PostgreSQL server of `serverUrl` (a copy of the
 * migrated template): its URL, and how to drop it. The browser tests start their servers on one.
 */
export async function createMigratedDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  return copyDatabase(serverUrl, await templateDatabase(serverUrl), prefix);
}

/**
 * A new, randomly named database on the PostgreSQL server of `serverUrl`, made from `template` (which
 * nobody may be connected to): its URL, and how to drop it. The browser tests copy the seeded demo.
 */
export async function copyDatabase(
  serverUrl: string,
  template: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!/^[a-z0-9_]+$/.test(template)) throw new Error(`not a test database name: ${template}`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await administer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => administer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A short hash of every migration file (SQL and drizzle's journal), the key of the migrated copies. */
export function migrationsKey(): string {
  const hash = createHash('sha256');
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
      )
      .sort();
  for (const file of files(MIGRATIONS_FOLDER)) {
    hash.update(file.slice(MIGRATIONS_FOLDER.length)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

let snapshot: Promise<Blob> | undefined;

/**
 * A migrated PGlite data directory as a tarball, cached in the system's temporary folder so that the
 * test files of one run (and the next run) load it instead of migrating. Two workers that find it
 * missing both build it; each writes to its own file and renames, so a reader never sees half a file.
 */
function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const folder = join(tmpdir(), 'veza-test-snapshots');
    const file = join(folder, `pglite-${migrationsKey()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const dump = await migratedPgliteDump();
    mkdirSync(folder, { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  })();
  return snapshot;
}

/**
 * The migrated template database on the PostgreSQL server, built if missing. An advisory lock makes
 * parallel test workers build it once; PostgreSQL refuses to copy a template while anyone is
 * connected to it, so it is built under a temporary name and renamed when complete.
 */
async function templateDatabase(serverUrl: string): Promise<string> {
  const name = `veza_tmpl_${migrationsKey()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(7305512)');
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_b${randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${building}`);
      const database = await openDatabase({ url: databaseUrl(serverUrl, building), poolSize: 1 });
      try {
        await database.migrate();
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(7305512)').catch(() => undefined);
    await admin.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
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
