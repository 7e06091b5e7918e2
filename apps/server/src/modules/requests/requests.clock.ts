import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { notifyAll, type NewNotification } from '../notifications/index.ts';
import { unitMembersWithRole } from '../users/index.ts';
import {
  appendEvents,
  markNotices,
  openWithClock,
  type NewRequestEventRow,
  type NoticeMark,
  type RequestRow,
} from './requests.repository.ts';

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
    // Gathered and written in bulk: a moment many deadlines share (the end of a day) stays one run.
    const told: NewNotification[] = [];
    const marks: NoticeMark[] = [];
    const events: NewRequestEventRow[] = [];
    const supervisors = new Map<string, string[]>();
    for (const row of await openWithClock(q, now)) {
      if (!row.receivedAt || !row.dueAt) continue;
      const notice = noticeDue(row, now);
      if (!notice) {
        // Its moment came but nothing is due (the clock was changed): look again at the next one.
        marks.push({
          id: row.id,
          noticesSent: row.noticesSent,
          nextNoticeAt: nextNoticeAt(row.receivedAt, row.dueAt, row.noticesSent),
        });
        continue;
      }
      const payload = { request: row.reference, notice, dueAt: row.dueAt.toISOString() };
      const link = `/requests/${row.id}`;
      told.push({
        to: { unitId: row.holderUnitId },
        kind: 'request_deadline',
        payload,
        link,
        dedupeKey: `request_deadline:${row.id}:${notice}`,
      });
      if (notice === 'breach') {
        let ofUnit = supervisors.get(row.holderUnitId);
        if (!ofUnit) {
          ofUnit = await unitMembersWithRole(q, row.holderUnitId, 'supervisor');
          supervisors.set(row.holderUnitId, ofUnit);
        }
        for (const userId of ofUnit)
          told.push({
            to: { userId },
            kind: 'request_deadline',
            payload: { ...payload, supervisor: true },
            link,
            dedupeKey: `request_deadline:${row.id}:breach:${userId}`,
          });
      }
      const upTo = CLOCK_NOTICES.findIndex((step) => step.notice === notice);
      const noticesSent = CLOCK_NOTICES.slice(0, upTo + 1).map((step) => step.notice);
      marks.push({
        id: row.id,
        noticesSent,
        nextNoticeAt: nextNoticeAt(row.receivedAt, row.dueAt, noticesSent),
      });
      events.push({ id: uuidv7(), requestId: row.id, type: 'notice', note: notice, actorId: null, at: now });
    }
    await notifyAll(q, told);
    await markNotices(q, marks);
    await appendEvents(q, events);
    return { notices: events.length };
  });
}
