import type { Db } from '@veza/db';
import { runReferralReminders } from './referral.reminders.ts';

export const REMINDER_INTERVAL_MS = 3_600_000;

/**
 * Runs the reminders sweep every hour, and once soon after start. The timers do not keep the process
 * alive (unref); `stop` ends them and waits for a sweep under way, so the database closes after it.
 * A failed sweep is reported and tried again at the next hour: the dedupe keys make a repeat harmless.
 */
export function startReminderTimer(
  db: Db,
  report: (error: unknown) => void,
  intervalMs: number = REMINDER_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const sweep = () => {
    if (stopped) return;
    running = running.then(() => runReferralReminders(db, new Date()).then(() => undefined, report));
  };
  const first = setTimeout(sweep, 5_000);
  const timer = setInterval(sweep, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
