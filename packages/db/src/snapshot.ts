import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from './client.ts';
import * as schema from './schema/index.ts';

export interface ExportedSnapshot {
  /** Queries on this see the database as of the snapshot, and only that. */
  db: Db;
  /** For `pg_dump --snapshot=`: the dump then sees exactly what `db` sees. */
  snapshotId: string;
  /** Ends the snapshot's transaction; call after pg_dump has finished. */
  close(): Promise<void>;
}

/**
 * A read-only REPEATABLE READ transaction on PostgreSQL with its snapshot exported: `veza backup`
 * counts the rows and reads the audit anchor in it and hands it to pg_dump, so the header's figures
 * describe exactly the dumped data even while app servers keep writing.
 */
export async function exportSnapshot(url: string): Promise<ExportedSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const result = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const snapshotId = result.rows[0]?.id;
    if (!snapshotId) throw new Error('PostgreSQL exported no snapshot');
    return {
      db: drizzlePg(client, { schema }) as unknown as Db,
      snapshotId,
      close: async () => {
        try {
          await client.query('COMMIT');
        } finally {
          await client.end();
        }
      },
    };
  } catch (error) {
    await client.end();
    throw error;
  }
}
