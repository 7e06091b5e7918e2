import type { Db } from '@veza/db';
import { startPeriodic } from '../../platform/periodic.ts';
import { runReferralReminders } from './referral.reminders.ts';

export const REMINDER_INTERVAL_MS = 3_600_000;

/**
 * Runs the reminders sweep every hour, and once soon after start. A failed sweep is reported and tried
 * again at the next hour: the dedupe keys make a repeat harmless.
 */
export function startReminderTimer(
  db: Db,
  report: (error: unknown) => void,
  intervalMs: number = REMINDER_INTERVAL_MS,
): { stop(): Promise<void> } {
  return startPeriodic(() => runReferralReminders(db, new Date()), report, intervalMs, 5_000);
}
