import { eq } from 'drizzle-orm';
import { users } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { Locale } from '@veza/shared';

export async function updateLanguage(q: Queryable, userId: string, language: Locale): Promise<void> {
  await q.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function updatePassword(
  q: Queryable,
  userId: string,
  passwordHash: string,
  at: Date,
): Promise<void> {
  await q
    .update(users)
    .set({ passwordHash, passwordChangedAt: at, mustChangePassword: false, updatedAt: at })
    .where(eq(users.id, userId));
}

export async function savePendingTotpSecret(q: Queryable, userId: string, sealed: string): Promise<void> {
  await q.update(users).set({ totpPendingSecret: sealed, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function enableTotp(q: Queryable, userId: string, sealed: string, step: number): Promise<void> {
  await q
    .update(users)
    .set({ totpSecret: sealed, totpPendingSecret: null, totpLastStep: step, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function clearTotp(q: Queryable, userId: string): Promise<void> {
  await q
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
