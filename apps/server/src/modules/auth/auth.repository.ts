import { eq, sql } from 'drizzle-orm';
import { users } from '@veza/db';
import type { Queryable } from '@veza/db';

/** Counts a failed sign-in; the attempt that reaches the limit locks the account and restarts the count. */
export async function recordFailedAttempt(
  q: Queryable,
  userId: string,
  lockout: { maxFailures: number; lockedUntil: Date },
): Promise<{ locked: boolean }> {
  const [row] = await q
    .update(users)
    .set({
      failedAttempts: sql`case when ${users.failedAttempts} + 1 >= ${lockout.maxFailures} then 0 else ${users.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${lockout.maxFailures} then ${lockout.lockedUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return { locked: row?.lockedUntil?.getTime() === lockout.lockedUntil.getTime() };
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
