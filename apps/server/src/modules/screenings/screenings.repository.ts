import { and, count, desc, eq, gte, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import { screenings } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { JurisdictionCode } from '@veza/shared';
import type { JurisdictionScope } from '../../platform/policy/index.ts';

export type ScreeningRow = typeof screenings.$inferSelect;

export async function findScreening(q: Queryable, id: string): Promise<ScreeningRow | undefined> {
  const [row] = await q.select().from(screenings).where(eq(screenings.id, id)).limit(1);
  return row;
}

export async function findScreeningByClientId(
  q: Queryable,
  clientId: string,
): Promise<ScreeningRow | undefined> {
  const [row] = await q.select().from(screenings).where(eq(screenings.clientId, clientId)).limit(1);
  return row;
}

/** Inserts unless the clientId is stored already (the same form sent twice): false then. */
export async function insertScreening(q: Queryable, row: typeof screenings.$inferInsert): Promise<boolean> {
  const inserted = await q
    .insert(screenings)
    .values(row)
    .onConflictDoNothing({ target: screenings.clientId })
    .returning({ id: screenings.id });
  return inserted.length === 1;
}

/** Writes a new revision only when nobody wrote one since `revision`; false when somebody did. */
export async function updateScreening(
  q: Queryable,
  id: string,
  revision: number,
  values: Partial<typeof screenings.$inferInsert>,
): Promise<boolean> {
  const updated = await q
    .update(screenings)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(screenings.id, id), eq(screenings.revision, revision)))
    .returning({ id: screenings.id });
  return updated.length === 1;
}

/** Sequential per jurisdiction: `S-RS-000123`. The lock keeps two savers from taking one number. */
export async function nextScreeningReference(q: Queryable, jurisdiction: JurisdictionCode): Promise<string> {
  const prefix = `S-${jurisdiction}-`;
  await q.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [last] = await q
    .select({ reference: screenings.reference })
    .from(screenings)
    .where(like(screenings.reference, `${prefix}%`))
    .orderBy(desc(screenings.reference))
    .limit(1);
  const number = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(number).padStart(6, '0')}`;
}

function screeningScopeFilter(scope: JurisdictionScope): SQL | undefined | false {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'jurisdictions':
      return inArray(screenings.jurisdictionCode, scope.codes);
    case 'units':
      return inArray(screenings.unitId, scope.unitIds);
    default:
      return false;
  }
}

export async function listScreenings(
  q: Queryable,
  scope: JurisdictionScope,
  limit: number,
  offset: number,
): Promise<{ rows: ScreeningRow[]; total: number }> {
  const filter = screeningScopeFilter(scope);
  if (filter === false) return { rows: [], total: 0 };
  const [total] = await q.select({ n: count() }).from(screenings).where(filter);
  const rows = await q
    .select()
    .from(screenings)
    .where(filter)
    .orderBy(desc(screenings.occurredAt), desc(screenings.createdAt))
    .limit(limit)
    .offset(offset);
  return { rows, total: total?.n ?? 0 };
}

// Display names are the users module's; kept here so screenings/index.ts exports them as before.
export { displayNames } from '../users/index.ts';

/** The person a screening is of (null when it names none), or undefined when there is no such screening. */
export async function screeningPersonId(
  q: Queryable,
  screeningId: string,
): Promise<string | null | undefined> {
  const [row] = await q
    .select({ personId: screenings.personId })
    .from(screenings)
    .where(eq(screenings.id, screeningId))
    .limit(1);
  return row ? row.personId : undefined;
}

export async function screeningsOfPerson(q: Queryable, personId: string): Promise<ScreeningRow[]> {
  return q
    .select()
    .from(screenings)
    .where(eq(screenings.personId, personId))
    .orderBy(desc(screenings.occurredAt));
}

export async function screeningReference(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q
    .select({ reference: screenings.reference })
    .from(screenings)
    .where(eq(screenings.id, id));
  return row?.reference ?? null;
}

/** The attributes statistics count of the screenings in a period (no narrative, no names). */
export async function screeningsInPeriod(
  q: Queryable,
  period: { start: Date; end: Date; jurisdictions: readonly string[] | null },
) {
  return q
    .select({
      id: screenings.id,
      personId: screenings.personId,
      at: screenings.occurredAt,
      jurisdiction: screenings.jurisdictionCode,
      outcome: screenings.outcome,
      exploitationTypes: screenings.exploitationTypes,
      age: screenings.age,
      ageInDoubt: screenings.ageInDoubt,
    })
    .from(screenings)
    .where(
      and(
        gte(screenings.occurredAt, period.start),
        lt(screenings.occurredAt, period.end),
        period.jurisdictions ? inArray(screenings.jurisdictionCode, [...period.jurisdictions]) : undefined,
      ),
    );
}

/** The exploitation types recorded by each of these screenings. */
export async function exploitationTypesOf(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const slice of slices([...new Set(ids)])) {
    const rows = await q
      .select({ id: screenings.id, exploitationTypes: screenings.exploitationTypes })
      .from(screenings)
      .where(inArray(screenings.id, slice));
    for (const row of rows) found.set(row.id, row.exploitationTypes);
  }
  return found;
}

/** Ids in slices small enough for one statement's parameters. */
function slices(ids: string[], size = 10_000): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
