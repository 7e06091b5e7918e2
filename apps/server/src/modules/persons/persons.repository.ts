import { and, count, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { personConsents, persons } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { JurisdictionScope } from '../../platform/policy/index.ts';

export type PersonRow = typeof persons.$inferSelect;
export type ConsentRow = typeof personConsents.$inferSelect;

/**
 * Referral statuses that open the person to the receiver: once sent, until closed. A proposed
 * referral has not left the sender; a declined one was turned down and gives the receiver nothing.
 */
import { openReferralReach } from '../referral/index.ts';
export { OPEN_REFERRAL_STATUSES, providerExists } from '../referral/index.ts';

// ---------------------------------------------------------------- persons

export async function findPerson(q: Queryable, id: string): Promise<PersonRow | undefined> {
  const [row] = await q.select().from(persons).where(eq(persons.id, id)).limit(1);
  return row;
}

/**
 * What a referral shows of its person: the reference and the facts in clear, and where the record
 * belongs (for the referral policy). Never the sealed identity or the category.
 */
export type ReferredPersonRow = Pick<
  PersonRow,
  'id' | 'reference' | 'jurisdictionCode' | 'unitId' | 'ageGroup' | 'sex' | 'nationality'
>;

const REFERRED_PERSON_COLUMNS = {
  id: persons.id,
  reference: persons.reference,
  jurisdictionCode: persons.jurisdictionCode,
  unitId: persons.unitId,
  ageGroup: persons.ageGroup,
  sex: persons.sex,
  nationality: persons.nationality,
};

export async function referredPersonRows(q: Queryable, ids: readonly string[]): Promise<ReferredPersonRow[]> {
  if (ids.length === 0) return [];
  return q
    .select(REFERRED_PERSON_COLUMNS)
    .from(persons)
    .where(inArray(persons.id, [...new Set(ids)]));
}

/** The sealed identity alone: opened by the service that authorised and logs the reading. */
export async function sealedIdentityOf(q: Queryable, id: string): Promise<string | undefined> {
  const [row] = await q
    .select({ identity: persons.identity })
    .from(persons)
    .where(eq(persons.id, id))
    .limit(1);
  return row?.identity;
}

export async function personReferences(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: persons.id, reference: persons.reference })
    .from(persons)
    .where(inArray(persons.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.reference]));
}

export async function personReferenceTaken(q: Queryable, reference: string): Promise<boolean> {
  const [row] = await q
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.reference, reference))
    .limit(1);
  return row !== undefined;
}

export async function insertPerson(q: Queryable, row: typeof persons.$inferInsert): Promise<void> {
  await q.insert(persons).values(row);
}

export interface ReferralAccessRow {
  agencyId: string | null;
  toJurisdiction: string | null;
  sharedScope: string[];
}

/** The referrals of a person that have reached their receiver (sent or later). */
export async function openReferralsOf(q: Queryable, personId: string): Promise<ReferralAccessRow[]> {
  const reach = openReferralReach(q);
  return q
    .select({
      agencyId: reach.agencyId,
      toJurisdiction: reach.toJurisdiction,
      sharedScope: reach.sharedScope,
    })
    .from(reach)
    .where(eq(reach.personId, personId));
}

type Reach = ReturnType<typeof openReferralReach>;

/** A person with an open referral whose receiving side meets `condition`. */
function referredTo(q: Queryable, condition: (reach: Reach) => SQL): SQL {
  const reach = openReferralReach(q);
  return exists(
    q
      .select({ one: sql`1` })
      .from(reach)
      .where(and(eq(reach.personId, persons.id), condition(reach))),
  );
}

/**
 * Persons in reach: the unit's, the jurisdiction's plus those referred to it from abroad (a
 * coordinator), or those referred to the actor's agency (an NGO caseworker, scope 'self').
 */
export async function listPersons(
  q: Queryable,
  scope: JurisdictionScope,
  agencyId: string,
  limit: number,
  offset: number,
): Promise<{ rows: PersonRow[]; total: number }> {
  let filter: SQL | undefined;
  switch (scope.kind) {
    case 'all':
      filter = undefined;
      break;
    case 'jurisdictions':
      filter = or(
        inArray(persons.jurisdictionCode, scope.codes),
        referredTo(q, (reach) => inArray(reach.toJurisdiction, scope.codes)),
      );
      break;
    case 'units':
      filter = inArray(persons.unitId, scope.unitIds);
      break;
    case 'self':
      filter = referredTo(q, (reach) => eq(reach.agencyId, agencyId));
      break;
    default:
      return { rows: [], total: 0 };
  }
  const [total] = await q.select({ n: count() }).from(persons).where(filter);
  const rows = await q
    .select()
    .from(persons)
    .where(filter)
    .orderBy(desc(persons.createdAt))
    .limit(limit)
    .offset(offset);
  return { rows, total: total?.n ?? 0 };
}

// ---------------------------------------------------------------- consent

export async function consentsOf(q: Queryable, personId: string): Promise<ConsentRow[]> {
  return q
    .select()
    .from(personConsents)
    .where(eq(personConsents.personId, personId))
    .orderBy(personConsents.purpose, personConsents.recipient, desc(personConsents.version));
}

/** The newest version of a person's consent for one purpose and recipient. */
export async function newestConsent(
  q: Queryable,
  personId: string,
  purpose: string,
  recipient: string,
): Promise<ConsentRow | undefined> {
  const [row] = await q
    .select()
    .from(personConsents)
    .where(
      and(
        eq(personConsents.personId, personId),
        eq(personConsents.purpose, purpose),
        eq(personConsents.recipient, recipient),
      ),
    )
    .orderBy(desc(personConsents.version))
    .limit(1);
  return row;
}

/** Inserts the next version; false when that number was taken meanwhile (two recorders at once). */
export async function insertConsent(q: Queryable, row: typeof personConsents.$inferInsert): Promise<boolean> {
  const inserted = await q
    .insert(personConsents)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: personConsents.id });
  return inserted.length === 1;
}

/** The attributes statistics count of each of these persons (sex, age group, nationality; never a name). */
export async function personAttributes(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, { sex: string; ageGroup: string; nationality: string | null }>> {
  const found = new Map<string, { sex: string; ageGroup: string; nationality: string | null }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 10_000) {
    const rows = await q
      .select({
        id: persons.id,
        sex: persons.sex,
        ageGroup: persons.ageGroup,
        nationality: persons.nationality,
      })
      .from(persons)
      .where(inArray(persons.id, unique.slice(i, i + 10_000)));
    for (const { id, ...attributes } of rows) found.set(id, attributes);
  }
  return found;
}
