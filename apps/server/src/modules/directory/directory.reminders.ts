import type { Queryable } from '@veza/db';
import type { DirectoryReminderRun } from '@veza/shared';
import { notifyAll, type NewNotification } from '../notifications/index.ts';
import { overdueEntries } from './directory.repository.ts';
import { confirmationDue, overdueBefore } from './directory.rules.ts';

/**
 * The confirmation sweep, run hourly by the server: every entry not confirmed for six months
 * reminds the unit that keeps it. The dedupe key names the entry and the confirmation it falls due
 * after, so each unit is told once per overdue period however often the sweep runs; once confirmed,
 * the next period reminds again.
 */
export async function runDirectoryReminders(
  q: Queryable,
  now: Date = new Date(),
): Promise<DirectoryReminderRun> {
  const rows = await overdueEntries(q, overdueBefore(now));
  const reminders: NewNotification[] = rows.map((row) => {
    const confirmed = row.lastConfirmedAt.toISOString();
    return {
      to: { unitId: row.ownerUnitId },
      kind: 'directory_confirmation_due',
      payload: {
        function: row.function,
        jurisdiction: row.jurisdictionCode,
        dueOn: confirmationDue(row.lastConfirmedAt).toISOString().slice(0, 10),
      },
      link: `/directory?overdue=true&jurisdiction=${row.jurisdictionCode}`,
      dedupeKey: `directory_confirmation_due:${row.id}:${confirmed}:${row.ownerUnitId}`,
    };
  });
  // One insert per thousand: 10,000 overdue entries stay a handful of statements.
  let reminded = 0;
  for (let i = 0; i < reminders.length; i += 1_000)
    reminded += await notifyAll(q, reminders.slice(i, i + 1_000));
  return { overdue: rows.length, reminded };
}
