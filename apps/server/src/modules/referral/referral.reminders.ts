import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import type { ReminderRun } from '@veza/shared';
import { notify } from '../notifications/index.ts';
import {
  acknowledgementOverdue,
  appendEvent,
  coordinatorUnits,
  findProvider,
  reflectionEndingBetween,
  unitsOfAgency,
  type ReferralRow,
} from './referral.repository.ts';
import { addDays, REFLECTION_REMINDER_DAYS } from './referral.rules.ts';

/** The units on both sides of a referral: the sending unit first, then the receiving organisation or office. */
async function bothSides(q: Queryable, row: ReferralRow): Promise<string[]> {
  const receiving =
    row.kind === 'national'
      ? await (async () => {
          const provider = row.providerId ? await findProvider(q, row.providerId) : null;
          return provider?.agencyId ? unitsOfAgency(q, provider.agencyId) : [];
        })()
      : row.toJurisdictionCode
        ? await coordinatorUnits(q, row.toJurisdictionCode)
        : [];
  return [...new Set([row.fromUnitId, ...receiving])];
}

/**
 * Tells each unit once (the dedupe key names the referral, the occasion and the unit) and notes the
 * reminder in the timeline the first time it goes out. Returns whether anything new was sent.
 */
async function remind(
  q: Queryable,
  row: ReferralRow,
  unitIds: readonly string[],
  reminder: {
    kind: 'reflection_ending' | 'acknowledgement_due';
    occasion: string;
    payload: Record<string, string>;
  },
  now: Date,
): Promise<boolean> {
  let sent = false;
  for (const unitId of unitIds) {
    const fresh = await notify(q, {
      to: { unitId },
      kind: reminder.kind,
      payload: reminder.payload,
      link: `/referrals/${row.id}`,
      dedupeKey: `${reminder.kind}:${row.id}:${reminder.occasion}:${unitId}`,
    });
    sent ||= fresh;
  }
  if (sent)
    await appendEvent(q, {
      id: uuidv7(),
      referralId: row.id,
      type: 'reminder',
      note: reminder.kind,
      actorId: null,
      at: now,
    });
  return sent;
}

/**
 * The reminders sweep, run hourly by the server and by `veza reminders`: reflection periods ending
 * within 7 days, and transnational referrals not acknowledged by their due date. Running it again
 * sends nothing twice.
 */
export async function runReferralReminders(db: Queryable, now: Date = new Date()): Promise<ReminderRun> {
  return db.transaction(async (q) => {
    let reflectionEnding = 0;
    for (const row of await reflectionEndingBetween(q, now, addDays(now, REFLECTION_REMINDER_DAYS))) {
      const endsOn = (row.reflectionEndsAt ?? now).toISOString().slice(0, 10);
      const sent = await remind(
        q,
        row,
        await bothSides(q, row),
        { kind: 'reflection_ending', occasion: endsOn, payload: { referral: row.reference, endsOn } },
        now,
      );
      if (sent) reflectionEnding += 1;
    }
    let overdue = 0;
    for (const row of await acknowledgementOverdue(q, now)) {
      const dueOn = (row.acknowledgeBy ?? now).toISOString().slice(0, 10);
      const sent = await remind(
        q,
        row,
        await bothSides(q, row),
        { kind: 'acknowledgement_due', occasion: dueOn, payload: { referral: row.reference, dueOn } },
        now,
      );
      if (sent) overdue += 1;
    }
    return { reflectionEnding, acknowledgementOverdue: overdue };
  });
}
