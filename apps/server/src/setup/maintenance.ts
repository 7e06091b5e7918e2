import { sql } from 'drizzle-orm';
import type { Database } from '@veza/db';
import { startPeriodic } from '../platform/periodic.ts';

/** How often the embedded database is vacuumed. */
export const MAINTENANCE_INTERVAL_MS = 6 * 3_600_000;

/**
 * PGlite runs PostgreSQL in one process without background workers, so nothing vacuums it: dead rows
 * left by updates, deletions and rolled-back transactions would pile up and slow every read, and the
 * planner's statistics would go stale. On PGlite this runs VACUUM (ANALYZE) over the database and
 * answers true; PostgreSQL's own autovacuum does this work there, so it does nothing and answers false.
 * The one connection is busy meanwhile: well under a second for a small installation.
 */
export async function vacuumEmbedded(database: Pick<Database, 'db' | 'kind'>): Promise<boolean> {
  if (database.kind !== 'pglite') return false;
  await database.db.execute(sql`VACUUM (ANALYZE)`);
  return true;
}

/**
 * Vacuums the embedded database every six hours, the first time ten minutes after start (not while a
 * server is still starting); see `startPeriodic` for how it stops and what a failure does.
 */
export function startMaintenanceTimer(
  database: Pick<Database, 'db' | 'kind'>,
  report: (error: unknown) => void,
  intervalMs: number = MAINTENANCE_INTERVAL_MS,
  firstAfterMs = 600_000,
): { stop(): Promise<void> } {
  return startPeriodic(() => vacuumEmbedded(database), report, intervalMs, firstAfterMs);
}
