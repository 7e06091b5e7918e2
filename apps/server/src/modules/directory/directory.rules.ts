import { CONFIRMATION_PERIOD_MONTHS } from '@veza/shared';

/**
 * `at` moved by whole months in UTC, the day kept or, past the end of a shorter month, its last day
 * (31 August + 6 months = 28 February), as PostgreSQL adds an interval of months.
 */
export function addMonths(at: Date, months: number): Date {
  const result = new Date(at.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** When an entry confirmed at `confirmedAt` must be confirmed again. */
export function confirmationDue(confirmedAt: Date): Date {
  return addMonths(confirmedAt, CONFIRMATION_PERIOD_MONTHS);
}

/**
 * Entries confirmed before this moment are overdue at `now`. The one definition the list flag, the
 * overdue filter and the reminders share.
 */
export function overdueBefore(now: Date): Date {
  return addMonths(now, -CONFIRMATION_PERIOD_MONTHS);
}
