import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER, type Db } from './client.ts';

interface Journal {
  entries: Array<{ tag: string; when: number }>;
}

/**
 * The migrations of this build not yet applied to the database, by tag. Drizzle records each applied
 * migration in drizzle.__drizzle_migrations with the journal's `when` as created_at.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const journal = JSON.parse(
    readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  let applied: Set<number>;
  try {
    const result = (await db.execute(
      sql`select created_at from drizzle.__drizzle_migrations`,
    )) as unknown as {
      rows: Array<{ created_at: string | number }>;
    };
    applied = new Set(result.rows.map((row) => Number(row.created_at)));
  } catch (error) {
    // No table yet: nothing was ever migrated. Anything else (the database is down) is the caller's.
    if ((error as { cause?: { code?: string }; code?: string }).cause?.code === '42P01') {
      return journal.entries.map((entry) => entry.tag);
    }
    throw error;
  }
  return journal.entries.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
}
