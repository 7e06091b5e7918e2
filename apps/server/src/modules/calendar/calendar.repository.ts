import { eq } from 'drizzle-orm';
import { calendarFeeds } from '@veza/db';
import type { Queryable } from '@veza/db';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

export async function feedOfUser(q: Queryable, userId: string): Promise<CalendarFeedRow | undefined> {
  const [row] = await q.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

export async function feedByTokenHash(q: Queryable, tokenHash: string): Promise<CalendarFeedRow | undefined> {
  const [row] = await q.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row;
}

/** Makes the user's feed address, replacing an earlier one (its token stops working at once). */
export async function replaceFeed(q: Queryable, row: CalendarFeedRow): Promise<void> {
  await q
    .insert(calendarFeeds)
    .values(row)
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash: row.tokenHash, createdAt: row.createdAt },
    });
}

/** Revokes the user's feed address; false when there was none. */
export async function deleteFeed(q: Queryable, userId: string): Promise<boolean> {
  const deleted = await q
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .returning({ userId: calendarFeeds.userId });
  return deleted.length > 0;
}
