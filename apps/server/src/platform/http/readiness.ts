import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import { pendingMigrations, type Database } from '@veza/db';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

export const DEFAULT_MIN_FREE_DISK_BYTES = 256 * 1024 * 1024;

export interface Readiness {
  status: 'ready';
  database: Database['kind'];
  checks: { database: 'ok'; migrations: 'ok'; freeDiskBytes: number | null };
}

/**
 * Whether this server can serve: the database answers, every migration of this build is applied,
 * and (PGlite) the disk under the data directory has room. Throws AppError('not_ready') naming the
 * failed checks, or 'storage_full' when only the disk is short. Nothing is cached: the answer turns
 * back to ready as soon as the cause is gone.
 */
export async function checkReadiness(database: Database, config: Config): Promise<Readiness> {
  const failures: string[] = [];
  let reachable = true;
  try {
    await database.db.execute(sql`select 1`);
  } catch {
    reachable = false;
    failures.push('database: unreachable');
  }
  if (reachable) {
    try {
      const pending = await pendingMigrations(database.db);
      if (pending.length > 0)
        failures.push(`migrations: ${pending.length} not applied (${pending.join(', ')})`);
    } catch {
      failures.push('migrations: cannot be read');
    }
  }
  let freeDiskBytes: number | null = null;
  let diskShort = false;
  if (database.kind === 'pglite') {
    freeDiskBytes = await freeBytesAt(config.pgliteDir);
    const minimum = config.minFreeDiskBytes ?? DEFAULT_MIN_FREE_DISK_BYTES;
    if (freeDiskBytes < minimum) {
      diskShort = true;
      failures.push(
        `disk: ${freeDiskBytes} bytes free, at least ${minimum} required (VEZA_MIN_FREE_DISK_MB)`,
      );
    }
  }
  if (failures.length > 0) {
    const code = diskShort && failures.length === 1 ? 'storage_full' : 'not_ready';
    throw new AppError(code, { message: failures.join('; ') });
  }
  return {
    status: 'ready',
    database: database.kind,
    checks: { database: 'ok', migrations: 'ok', freeDiskBytes },
  };
}

/** Free bytes for an unprivileged writer on the file system holding `path` (or its nearest parent). */
async function freeBytesAt(path: string): Promise<number> {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const stats = await statfs(existing);
  return stats.bavail * stats.bsize;
}
