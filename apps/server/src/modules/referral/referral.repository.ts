import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { referralEvents, referrals, serviceProviders } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { ProviderListFilter } from '@veza/shared';
import type { JurisdictionScope, ScopePart } from '../../platform/policy/index.ts';
import { RECEIVED_STATUSES } from './referral.policy.ts';
import { displayNames, unitsWithRole } from '../users/index.ts';
export { agencyJurisdiction, unitsOfAgency } from '../organisation/index.ts';

export type ProviderRow = typeof serviceProviders.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect;
export type NewProvider = typeof serviceProviders.$inferInsert;

// --- Providers -------------------------------------------------------------------------------------

export async function listProviders(
  q: Queryable,
  filter: ProviderListFilter & { includeInactiveIn?: readonly string[] | 'all' },
): Promise<ProviderRow[]> {
  const inactiveShown =
    filter.includeInactiveIn === 'all'
      ? undefined
      : filter.includeInactiveIn && filter.includeInactiveIn.length > 0
        ? or(
            eq(serviceProviders.active, true),
            inArray(serviceProviders.jurisdictionCode, [...filter.includeInactiveIn]),
          )
        : eq(serviceProviders.active, true);
  return q
    .select()
    .from(serviceProviders)
    .where(
      and(
        inactiveShown,
        filter.jurisdiction ? eq(serviceProviders.jurisdictionCode, filter.jurisdiction) : undefined,
        filter.service
          ? sql`${serviceProviders.services} @> ${JSON.stringify([filter.service])}::jsonb`
          : undefined,
        filter.language
          ? sql`${serviceProviders.languages} @> ${JSON.stringify([filter.language])}::jsonb`
          : undefined,
        filter.open24h === 'true' ? eq(serviceProviders.open24h, true) : undefined,
        filter.children === 'true' ? eq(serviceProviders.acceptsChildren, true) : undefined,
      ),
    )
    .orderBy(asc(serviceProviders.jurisdictionCode), asc(serviceProviders.city), asc(serviceProviders.name));
}

export async function findProvider(q: Queryable, id: string): Promise<ProviderRow | null> {
  const [row] = await q.select().from(serviceProviders).where(eq(serviceProviders.id, id));
  return row ?? null;
}

export async function insertProviders(q: Queryable, rows: NewProvider[]): Promise<void> {
  if (rows.length > 0) await q.insert(serviceProviders).values(rows);
}

export async function updateProvider(
  q: Queryable,
  id: string,
  changes: Partial<NewProvider>,
): Promise<ProviderRow | null> {
  const [row] = await q
    .update(serviceProviders)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(serviceProviders.id, id))
    .returning();
  return row ?? null;
}

// --- Referrals -------------------------------------------------------------------------------------

export async function insertReferral(q: Queryable, row: typeof referrals.$inferInsert): Promise<void> {
  await q.insert(referrals).values(row);
}

export async function findReferral(q: Queryable, id: string): Promise<ReferralRow | null> {
  const [row] = await q.select().from(referrals).where(eq(referrals.id, id));
  return row ?? null;
}

/** Locks the referral for the rest of the transaction: two answers at once are applied one after the other. */
export async function lockReferral(q: Queryable, id: string): Promise<ReferralRow | null> {
  const [row] = await q.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return row ?? null;
}

export async function updateReferral(
  q: Queryable,
  id: string,
  changes: Partial<typeof referrals.$inferInsert>,
): Promise<ReferralRow> {
  const [row] = await q
    .update(referrals)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(referrals.id, id))
    .returning();
  if (!row) throw new Error(`referral ${id} vanished inside its transaction`);
  return row;
}

export async function referenceTaken(q: Queryable, reference: string): Promise<boolean> {
  const [row] = await q
    .select({ id: referrals.id })
    .from(referrals)
    .where(eq(referrals.reference, reference));
  return row !== undefined;
}

/**
 * The reflection period already running for the person (from an earlier referral): the clock is
 * the person's, not the referral's, so a second referral does not restart or extend it.
 */
export async function runningReflection(
  q: Queryable,
  personId: string,
  now: Date,
): Promise<{ startsAt: Date; endsAt: Date } | null> {
  const [row] = await q
    .select({ startsAt: referrals.reflectionStartsAt, endsAt: referrals.reflectionEndsAt })
    .from(referrals)
    .where(
      and(
        eq(referrals.personId, personId),
        // A proposal holds only the length it asks for; its clock has not started.
        ne(referrals.status, 'proposed'),
        sql`${referrals.reflectionStartsAt} is not null`,
        gte(referrals.reflectionEndsAt, now),
      ),
    )
    .orderBy(asc(referrals.reflectionStartsAt))
    .limit(1);
  return row?.startsAt && row.endsAt ? { startsAt: row.startsAt, endsAt: row.endsAt } : null;
}

/**
 * The referrals a list scope of the referral policy reaches (`referral.policy.ts`, ReferralSide): each
 * part of a union by its side, a plain scope by the sender. `direction` keeps the receiving side
 * ('incoming') or the sending side ('outgoing'). Null: the scope reaches nothing.
 */
function inScope(scope: JurisdictionScope, direction: 'incoming' | 'outgoing' | undefined): SQL | null {
  if (scope.kind === 'none') return null;
  const parts = scope.kind === 'union' ? scope.parts : [{ via: 'sender', scope }];
  const wanted = direction === undefined ? null : direction === 'incoming' ? 'receiver' : 'sender';
  const sides = parts
    .filter((part) => wanted === null || part.via === wanted)
    .map((part) => reachedVia(part.via, part.scope))
    .filter((side): side is SQL => side !== undefined);
  return sides.length === 0 ? null : (or(...sides) ?? null);
}

function reachedVia(via: string, scope: ScopePart['scope']): SQL | undefined {
  if (scope.kind === 'none') return undefined;
  if (via === 'sender') {
    if (scope.kind === 'all') return sql`true`;
    if (scope.kind === 'units') return inArray(referrals.fromUnitId, scope.unitIds);
    if (scope.kind === 'jurisdictions') return inArray(referrals.fromJurisdictionCode, scope.codes);
  }
  if (via === 'receiver') {
    const received = inArray(referrals.status, [...RECEIVED_STATUSES]);
    if (scope.kind === 'all') return received;
    if (scope.kind === 'agencies')
      return and(
        received,
        eq(referrals.kind, 'national'),
        inArray(
          referrals.providerId,
          sql`(select ${serviceProviders.id} from ${serviceProviders} where ${inArray(serviceProviders.agencyId, scope.agencyIds)})`,
        ),
      );
    if (scope.kind === 'jurisdictions')
      return and(
        received,
        eq(referrals.kind, 'transnational'),
        inArray(referrals.toJurisdictionCode, scope.codes),
      );
  }
  throw new Error(`A referral is not reached by its ${via}'s ${scope.kind}`);
}

export async function listVisibleReferrals(
  q: Queryable,
  scope: JurisdictionScope,
  filter: {
    status?: string | undefined;
    direction?: 'incoming' | 'outgoing' | undefined;
    personId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ReferralRow[]; total: number }> {
  const reach = inScope(scope, filter.direction);
  if (!reach) return { rows: [], total: 0 };
  const where = and(
    reach,
    filter.status ? eq(referrals.status, filter.status) : undefined,
    filter.personId ? eq(referrals.personId, filter.personId) : undefined,
  );
  const rows = await q
    .select()
    .from(referrals)
    .where(where)
    .orderBy(desc(referrals.updatedAt), desc(referrals.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await q.select({ n: count() }).from(referrals).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function providersByIds(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, ProviderRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select()
    .from(serviceProviders)
    .where(inArray(serviceProviders.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

// --- Timeline --------------------------------------------------------------------------------------

export async function appendEvent(q: Queryable, row: typeof referralEvents.$inferInsert): Promise<void> {
  await q.insert(referralEvents).values(row);
}

export async function timelineOf(
  q: Queryable,
  referralId: string,
): Promise<(ReferralEventRow & { actorName: string | null })[]> {
  const events = await q
    .select()
    .from(referralEvents)
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
  const names = await displayNames(
    q,
    events.flatMap((event) => (event.actorId ? [event.actorId] : [])),
  );
  return events.map((event) => ({
    ...event,
    actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
  }));
}

export async function displayName(q: Queryable, userId: string): Promise<string> {
  return (await displayNames(q, [userId])).get(userId) ?? '';
}

// --- Who is told -----------------------------------------------------------------------------------

/** The units where a jurisdiction's national coordinators work. */
export function coordinatorUnits(q: Queryable, jurisdiction: string): Promise<string[]> {
  return unitsWithRole(q, jurisdiction, 'national_coordinator');
}

// --- Reminders -------------------------------------------------------------------------------------

const OPEN = ['sent', 'accepted', 'in_service'];

/** Open referrals whose reflection period ends between now and `until`. */
export async function reflectionEndingBetween(q: Queryable, now: Date, until: Date): Promise<ReferralRow[]> {
  return q
    .select()
    .from(referrals)
    .where(
      and(
        inArray(referrals.status, OPEN),
        gte(referrals.reflectionEndsAt, now),
        lte(referrals.reflectionEndsAt, until),
      ),
    );
}

/** Transnational referrals sent and not acknowledged by their due date. */
export async function acknowledgementOverdue(q: Queryable, now: Date): Promise<ReferralRow[]> {
  return q
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.kind, 'transnational'),
        eq(referrals.status, 'sent'),
        isNull(referrals.acknowledgedAt),
        lt(referrals.acknowledgeBy, now),
      ),
    );
}

/** Referrals that open their person to the receiver: sent or later, but not declined. */
export const OPEN_REFERRAL_STATUSES = ['sent', 'accepted', 'in_service', 'closed'] as const;

/**
 * Open referrals as a subquery (person, the provider's agency, the receiving jurisdiction, the shared
 * scope): the persons module joins it to say whom a person is open to, without reading these tables.
 */
export function openReferralReach(q: Queryable) {
  return q
    .select({
      personId: referrals.personId,
      agencyId: serviceProviders.agencyId,
      toJurisdiction: referrals.toJurisdictionCode,
      sharedScope: referrals.sharedScope,
    })
    .from(referrals)
    .leftJoin(serviceProviders, eq(serviceProviders.id, referrals.providerId))
    .where(inArray(referrals.status, [...OPEN_REFERRAL_STATUSES]))
    .as('referral_reach');
}

/** Whether a service provider exists: a consent may name one as its recipient. */
export async function providerExists(q: Queryable, id: string): Promise<boolean> {
  const [row] = await q
    .select({ id: serviceProviders.id })
    .from(serviceProviders)
    .where(eq(serviceProviders.id, id))
    .limit(1);
  return row !== undefined;
}

/** The referrals made in a period by the sending jurisdictions, as statistics count them. */
export async function referralsInPeriod(
  q: Queryable,
  period: { start: Date; end: Date; jurisdictions: readonly string[] | null },
) {
  return q
    .select({
      personId: referrals.personId,
      screeningId: referrals.screeningId,
      at: referrals.createdAt,
      jurisdiction: referrals.fromJurisdictionCode,
      status: referrals.status,
    })
    .from(referrals)
    .where(
      and(
        gte(referrals.createdAt, period.start),
        lt(referrals.createdAt, period.end),
        period.jurisdictions ? inArray(referrals.fromJurisdictionCode, [...period.jurisdictions]) : undefined,
      ),
    );
}
