import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { startMaintenanceTimer, vacuumEmbedded } from './maintenance.ts';
import { upsertJurisdictions } from './setup.repository.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await upsertJurisdictions(database.db);
  // An update leaves the old row versions behind as dead rows.
  await database.db.execute(sql`UPDATE jurisdictions SET default_language = default_language`);
});

afterAll(async () => {
  await database.dispose();
});

async function lastVacuum(): Promise<unknown> {
  const result = (await database.db.execute(
    sql`SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'jurisdictions'`,
  )) as unknown as { rows: { last_vacuum: unknown }[] };
  return result.rows[0]?.last_vacuum ?? null;
}

describe('maintenance of the embedded database', () => {
  it('vacuums PGlite, which has no autovacuum, and leaves PostgreSQL to its own', async () => {
    const before = await lastVacuum();
    const vacuumed = await vacuumEmbedded(database);
    expect(vacuumed).toBe(database.kind === 'pglite');
    if (database.kind === 'pglite') expect(await lastVacuum()).not.toBeNull();
    else expect(await lastVacuum()).toEqual(before);
  });

  it('runs on its timer and lets the server close after a run under way', async () => {
    const before = await lastVacuum();
    const failures: unknown[] = [];
    // The timer's clock is faked: the first run is due at 10 ms and the next ones every 50 ms.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let timer: { stop(): Promise<void> };
    try {
      timer = startMaintenanceTimer(database, (error) => failures.push(error), 50, 10);
      vi.advanceTimersByTime(110);
    } finally {
      // The runs the clock started go on with real timers (the database may use them).
      vi.useRealTimers();
    }
    // Stopping while those runs are under way waits for them.
    await timer.stop();
    expect(failures).toEqual([]);
    if (database.kind === 'pglite') expect(await lastVacuum()).not.toEqual(before);
    else expect(await lastVacuum()).toEqual(before);
  });
});
