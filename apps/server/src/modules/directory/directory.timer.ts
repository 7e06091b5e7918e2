import type { Db } from '@veza/db';
import { startPeriodic } from '../../platform/periodic.ts';
import { runDirectoryReminders } from './directory.reminders.ts';

export const DIRECTORY_REMINDER_INTERVAL_MS = 3_600_000;

/**
 * Reminds the keepers of overdue entries every hour, and once soon after start. A failed sweep is
 * reported and tried again at the next hour; the dedupe keys make a repeat harmless.
 */
export function startDirectoryReminderTimer(
  db: Db,
  report: (error: unknown) => void,
  intervalMs: number = DIRECTORY_REMINDER_INTERVAL_MS,
): { stop(): Promise<void> } {
  return startPeriodic(
    () => db.transaction((tx) => runDirectoryReminders(tx, new Date())),
    report,
    intervalMs,
    7_000,
  );
}
