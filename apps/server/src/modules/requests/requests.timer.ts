import type { Db } from '@veza/db';
import { startPeriodic } from '../../platform/periodic.ts';
import { runRequestClocks } from './requests.clock.ts';

/** A notice goes out at most a minute after its moment (issue 12, "Speed"). */
export const CLOCK_INTERVAL_MS = 60_000;

/**
 * Runs the clock sweep every minute, and once soon after start. What was sent is in the database, so
 * a restart sends nothing twice and misses nothing: the first sweep catches up.
 */
export function startRequestClock(
  db: Db,
  report: (error: unknown) => void,
  intervalMs: number = CLOCK_INTERVAL_MS,
): { stop(): Promise<void> } {
  return startPeriodic(() => runRequestClocks(db, new Date()), report, intervalMs, 5_000);
}
