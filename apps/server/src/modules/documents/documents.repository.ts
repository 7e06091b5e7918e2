import { and, eq, inArray } from 'drizzle-orm';
import { instrumentVersions, persons, referrals, screenings, serviceProviders, users } from '@veza/db';
import type { Queryable } from '@veza/db';

export type ScreeningRow = typeof screenings.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type ProviderRow = typeof serviceProviders.$inferSelect;

export async function findScreening(q: Queryable, id: string): Promise<ScreeningRow | undefined> {
  const [row] = await q.select().from(screenings).where(eq(screenings.id, id));
  return row;
}

export async function findReferral(q: Queryable, id: string): Promise<ReferralRow | undefined> {
  const [row] = await q.select().from(referrals).where(eq(referrals.id, id));
  return row;
}

export async function findPerson(q: Queryable, id: string): Promise<PersonRow | undefined> {
  const [row] = await q.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function findProvider(q: Queryable, id: string): Promise<ProviderRow | undefined> {
  const [row] = await q.select().from(serviceProviders).where(eq(serviceProviders.id, id));
  return row;
}

export async function screeningReference(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q
    .select({ reference: screenings.reference })
    .from(screenings)
    .where(eq(screenings.id, id));
  return row?.reference ?? null;
}

export async function displayName(q: Queryable, userId: string): Promise<string> {
  const [row] = await q
    .select({ name: users.displayName })
    .from(users)
    .where(inArray(users.id, [userId]));
  return row?.name ?? '';
}

/** The content of the instrument version a screening used (title and indicators in every language). */
export async function instrumentContent(
  q: Queryable,
  instrumentId: string,
  version: number,
): Promise<Record<string, unknown> | null> {
  const [row] = await q
    .select({ content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.instrumentId, instrumentId), eq(instrumentVersions.version, version)));
  return row?.content ?? null;
}
