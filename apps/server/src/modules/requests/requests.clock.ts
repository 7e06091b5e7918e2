import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { notify } from '../notifications/index.ts';
import { unitMembersWithRole } from '../users/index.ts';
import { appendEvent, openWithClock, updateRequest, type RequestRow } from './requests.repository.ts';

/** The notices of a request's clock, in order: half the period gone, four fifths, the deadline passed. */
export const CLOCK_NOTICES = [
  { notice: '50', fraction: 0.5 },
  { notice: '80', fraction: 0.8 },
  { notice: 'breach', fraction: 1 },
] as const;
export type ClockNotice = (typeof CLOCK_NOTICES)[number]['notice'];

/**
 * The notice a record is due now, if any: the latest threshold the clock has passed that was not sent
 * yet. When the server was down across several thresholds only the latest goes out (a 50 % notice
 * after the breach tells nobody anything) and the earlier ones count as sent.
 */
export function noticeDue(
  row: Pick<RequestRow, 'receivedAt' | 'dueAt' | 'noticesSent'>,
  now: Date,
): ClockNotice | null {
  if (!row.receivedAt || !row.dueAt) return null;
  const period = row.dueAt.getTime() - row.receivedAt.getTime();
  if (period <= 0) return null;
  const elapsed = (now.getTime() - row.receivedAt.getTime()) / period;
  const passed = CLOCK_NOTICES.filter((step) => elapsed >= step.fraction).map((step) => step.notice);
  const latest = passed.at(-1);
  return latest && !row.noticesSent.includes(latest) ? latest : null;
}

/** The moment of the first notice not yet sent, or null when every one was (`nextNoticeAt`). */
export function nextNoticeAt(receivedAt: Date, dueAt: Date, noticesSent: readonly string[]): Date | null {
  const next = CLOCK_NOTICES.find((step) => !noticesSent.includes(step.notice));
  if (!next) return null;
  return new Date(receivedAt.getTime() + (dueAt.getTime() - receivedAt.getTime()) * next.fraction);
}

/**
 * The clock sweep, run every minute by the server: tells the requested contact point at 50 % and 80 %
 * of the period and at breach, and at breach its supervisors too. Each notice once: the record notes
 * what was sent, the notifications' dedupe keys refuse a repeat, and the rows are locked with SKIP
 * LOCKED, so several servers sweeping at once share the work rather than double it.
 */
export async function runRequestClocks(db: Queryable, now: Date = new Date()): Promise<{ notices: number }> {
  return db.transaction(async (q) => {
    let notices = 0;
    for (const row of await openWithClock(q, now)) {
      const notice = noticeDue(row, now);
      if (!notice) {
        // Its moment came but nothing is due (the clock was changed): look again at the next one.
        if (row.receivedAt && row.dueAt)
          await updateRequest(q, row.id, {
            nextNoticeAt: nextNoticeAt(row.receivedAt, row.dueAt, row.noticesSent),
          });
        continue;
      }
      const payload = { request: row.reference, notice, dueAt: row.dueAt?.toISOString() ?? null };
      const link = `/requests/${row.id}`;
      await notify(q, {
        to: { unitId: row.holderUnitId },
        kind: 'request_deadline',
        payload,
        link,
        dedupeKey: `request_deadline:${row.id}:${notice}`,
      });
      if (notice === 'breach') {
        for (const userId of await unitMembersWithRole(q, row.holderUnitId, 'supervisor'))
          await notify(q, {
            to: { userId },
            kind: 'request_deadline',
            payload: { ...payload, supervisor: true },
            link,
            dedupeKey: `request_deadline:${row.id}:breach:${userId}`,
          });
      }
      const upTo = CLOCK_NOTICES.findIndex((step) => step.notice === notice);
      const noticesSent = CLOCK_NOTICES.slice(0, upTo + 1).map((step) => step.notice);
      await updateRequest(q, row.id, {
        noticesSent,
        nextNoticeAt:
          row.receivedAt && row.dueAt ? nextNoticeAt(row.receivedAt, row.dueAt, noticesSent) : null,
      });
      await appendEvent(q, {
        id: uuidv7(),
        requestId: row.id,
        type: 'notice',
        note: notice,
        actorId: null,
        at: now,
      });
      notices += 1;
    }
    return { notices };
  });
}
