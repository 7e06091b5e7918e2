import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite, PgliteDatabase } from 'drizzle-orm/pglite';
import { PgliteTransaction } from 'drizzle-orm/pglite/session';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDirectory } from './directory-lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type the application codes against, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or a transaction inside it. */
export type Queryable = Db | Tx;

/**
 * Whether queries on `q` run in the embedded PGlite: one connection in this process, so while a
 * transaction runs nothing else reads or writes the database.
 */
export function isEmbedded(q: Queryable): boolean {
  return q instanceof PgliteDatabase || q instanceof PgliteTransaction;
}

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies every migration not yet applied; the same SQL files on both engines. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Tells a second process that finds the PGlite directory locked which port this one serves. */
  announce?(details: { port: number }): void;
  /**
   * PGlite only: the whole data directory as a gzipped tarball, taken while no query runs (a
   * consistent copy, as after a crash: committed transactions are in it). `veza backup` uses it.
   */
  dumpDataDir?(): Promise<Blob>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

export interface OpenOptions {
  /** postgres://... selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  url?: string | undefined;
  /** Folder for PGlite's files; 'memory://' keeps the database in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
  /** A data directory made by `migratedPgliteDump` to start from (PGlite only; tests). */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection that the server ends (a restart, a failover, an administrator) is reported
    // here; without a listener Node would stop the whole app server. The pool replaces the connection.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
    });
    // Surface a wrong URL at start-up rather than on the first request.
    const probe = await pool.connect();
    probe.release();
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgresql',
      migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // One writer per directory: a second process gets DataDirectoryLockedError naming the first.
  const lock = inMemory ? undefined : lockDataDirectory(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
    announce: (details) => lock?.annotate(details),
    dumpDataDir: async () => {
      // Dirty pages to the files first, so a restore has little WAL to replay.
      await client.exec('CHECKPOINT');
      return client.dumpDataDir('gzip');
    },
  };
}

/**
 * A freshly migrated PGlite data directory as an uncompressed tarball: tests load it instead of
 * running initdb and every migration again for each test file.
 */
export async function migratedPgliteDump(): Promise<Blob> {
  const client = await PGlite.create('memory://');
  try {
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}
