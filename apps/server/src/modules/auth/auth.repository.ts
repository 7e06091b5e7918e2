import { and, eq, sql } from 'drizzle-orm';
import { auditLog, users } from '@veza/db';
import type { Queryable } from '@veza/db';

/**
 * Counts a failed sign-in on the account. It never locks: guessing is slowed per (account, address)
 * pair by the sign-in throttle (platform/auth/sign-in-throttle.ts), so a stranger cannot lock anyone out.
 */
export async function recordFailedAttempt(q: Queryable, userId: string): Promise<void> {
  await q
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(eq(users.id, userId));
}

/** The failed sign-ins on an account since its last successful one, for its owner to see. */
export async function failedSignInsSinceLastSignIn(
  q: Queryable,
  userId: string,
): Promise<{ count: number; lastAt: string } | null> {
  const [row] = await q
    .select({ count: sql<number>`count(*)::int`, lastAt: sql<string | null>`max(${auditLog.at})` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectId, userId),
        eq(auditLog.operation, 'sign_in_failed'),
        sql`${auditLog.at} > coalesce((select ${users.lastSignInAt} from ${users} where ${users.id} = ${userId}), '-infinity'::timestamptz)`,
      ),
    );
  if (!row || row.count === 0 || row.lastAt === null) return null;
  return { count: row.count, lastAt: new Date(row.lastAt).toISOString() };
}

export async function recordSuccessfulSignIn(
  q: Queryable,
  userId: string,
  at: Date,
  totpStep: number | null,
): Promise<void> {
  await q
    .update(users)
    .set({
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: at,
      ...(totpStep === null ? {} : { totpLastStep: totpStep }),
    })
    .where(eq(users.id, userId));
}
