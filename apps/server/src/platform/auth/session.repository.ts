import { and, desc, eq, ne } from 'drizzle-orm';
import { sessionJustifications, sessions } from '@veza/db';
import type { Queryable } from '@veza/db';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(q: Queryable, row: typeof sessions.$inferInsert): Promise<void> {
  await q.insert(sessions).values(row);
}

export async function findSession(q: Queryable, id: string): Promise<SessionRow | null> {
  const [row] = await q.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row ?? null;
}

export async function touchSession(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user, or every one but `exceptId` (the session that asked). */
export async function deleteSessionsOfUser(
  q: Queryable,
  userId: string,
  exceptId?: string | null,
): Promise<number> {
  const where = exceptId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId))
    : eq(sessions.userId, userId);
  const deleted = await q.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

export async function deleteSessionByHandle(q: Queryable, userId: string, handle: string): Promise<boolean> {
  const deleted = await q
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.handle, handle)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

export async function listSessionsOfUser(q: Queryable, userId: string): Promise<SessionRow[]> {
  return q.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
}

export async function loadJustifications(q: Queryable, sessionId: string): Promise<Map<string, string>> {
  const rows = await q
    .select({ scope: sessionJustifications.scope, text: sessionJustifications.text })
    .from(sessionJustifications)
    .where(eq(sessionJustifications.sessionId, sessionId));
  return new Map(rows.map((r) => [r.scope, r.text]));
}

export async function saveJustification(
  q: Queryable,
  sessionId: string,
  scope: string,
  text: string,
): Promise<void> {
  await q
    .insert(sessionJustifications)
    .values({ sessionId, scope, text })
    .onConflictDoUpdate({
      target: [sessionJustifications.sessionId, sessionJustifications.scope],
      set: { text, createdAt: new Date() },
    });
}
