import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { userRoles, users } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { Locale, Role } from '@veza/shared';
import { unitPlacements } from '../organisation/index.ts';

// What other modules read and write of a user account (sign-in counts for auth, the user's own
// settings for me, display names for screenings and persons): the users table has one owner.

/** Counts a failed sign-in; the attempt that reaches the limit locks the account and restarts the count. */
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

/** When the account last signed in successfully; null for never. */
export async function lastSignInOf(q: Queryable, userId: string): Promise<Date | null> {
  const [row] = await q.select({ at: users.lastSignInAt }).from(users).where(eq(users.id, userId));
  return row?.at ?? null;
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

export async function displayNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The users of a unit who hold a role (the supervisors a breached deadline is reported to, say). */
export async function unitMembersWithRole(q: Queryable, unitId: string, role: Role): Promise<string[]> {
  const rows = await q
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.unitId, unitId), eq(userRoles.role, role), eq(users.status, 'active')));
  return rows.map((r) => r.id).sort();
}

/** Each user's name with the name of their unit: who asks to join a case, as the owner reads it. */
export async function namesWithUnits(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, { displayName: string; unitName: string }>> {
  if (ids.length === 0) return new Map();
  const placement = unitPlacements(q);
  const rows = await q
    .select({ id: users.id, displayName: users.displayName, unitName: placement.unitName })
    .from(users)
    .innerJoin(placement, eq(placement.unitId, users.unitId))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { displayName: r.displayName, unitName: r.unitName }]));
}

export async function userExists(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}

/** The units of a jurisdiction where someone holding `role` works (whose shared inbox is told). */
export async function unitsWithRole(q: Queryable, jurisdiction: string, role: Role): Promise<string[]> {
  const placement = unitPlacements(q);
  const rows = await q
    .selectDistinct({ id: users.unitId })
    .from(users)
    .innerJoin(placement, eq(placement.unitId, users.unitId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(placement.jurisdiction, jurisdiction), eq(userRoles.role, role)));
  return rows.map((r) => r.id);
}

/**
 * Users with their unit and jurisdiction, as a subquery named `alias` for a list that must show who
 * did something in the same query (linkage's hits). Columns: userId, displayName, unitName, jurisdiction.
 */
export function userPlacements(q: Queryable, alias: string) {
  const placement = unitPlacements(q);
  return q
    .select({
      userId: sql<string>`${users.id}`.as('placed_user_id'),
      displayName: sql<string>`${users.displayName}`.as('placed_display_name'),
      unitName: placement.unitName,
      jurisdiction: placement.jurisdiction,
    })
    .from(users)
    .innerJoin(placement, eq(placement.unitId, users.unitId))
    .as(alias);
}

/** How many users work in the units `unitIds` (a subquery or a unit id column), for organisation's lists. */
export function usersInUnits(unitIds: SQL) {
  return sql<number>`(SELECT count(*) FROM users u WHERE u.unit_id IN (${unitIds}))`.mapWith(Number);
}
