import { and, asc, count, eq, ilike, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { agencies, jurisdictions, units } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { AgencyKind, JurisdictionCode, Locale, UnitKind } from '@veza/shared';
import { usersInUnits } from '../users/index.ts';

export interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  jurisdiction: JurisdictionCode | null;
  unitCount: number;
  createdAt: Date;
}

export interface UnitRow {
  id: string;
  agencyId: string;
  agencyName: string;
  jurisdiction: JurisdictionCode | null;
  name: string;
  kind: UnitKind;
  userCount: number;
  createdAt: Date;
}

/** How far a list may reach, already translated from the policy's scope. */
export type JurisdictionFilter =
  { kind: 'all' } | { kind: 'jurisdictions'; codes: JurisdictionCode[] } | { kind: 'none' };

// Correlated counts written out in full: Drizzle prints columns inside sql`` without their table,
// which makes `id` ambiguous (or silently wrong) in a subquery.
const AGENCIES_OF_JURISDICTION =
  'select count(*) from agencies a where a.jurisdiction_code = "jurisdictions"."code"';
// Users are counted by the users module's subquery, over these units.
const UNITS_OF_JURISDICTION = sql.raw(
  'select un.id from units un join agencies a on a.id = un.agency_id where a.jurisdiction_code = "jurisdictions"."code"',
);
const UNITS_OF_AGENCY = 'select count(*) from units un where un.agency_id = "agencies"."id"';

function jurisdictionCondition(filter: JurisdictionFilter): SQL | undefined {
  if (filter.kind === 'all') return undefined;
  if (filter.kind === 'none' || filter.codes.length === 0) return sql`false`;
  return inArray(agencies.jurisdictionCode, filter.codes);
}

export async function listJurisdictionsWithCounts(
  q: Queryable,
): Promise<{ code: JurisdictionCode; defaultLanguage: Locale; agencyCount: number; userCount: number }[]> {
  const rows = await q
    .select({
      code: jurisdictions.code,
      defaultLanguage: jurisdictions.defaultLanguage,
      agencyCount: sql<number>`(${sql.raw(AGENCIES_OF_JURISDICTION)})`.mapWith(Number),
      userCount: usersInUnits(UNITS_OF_JURISDICTION),
    })
    .from(jurisdictions)
    .orderBy(asc(jurisdictions.code));
  return rows.map((r) => ({
    ...r,
    code: r.code as JurisdictionCode,
    defaultLanguage: r.defaultLanguage as Locale,
  }));
}

const agencyColumns = {
  id: agencies.id,
  name: agencies.name,
  kind: agencies.kind,
  jurisdiction: agencies.jurisdictionCode,
  createdAt: agencies.createdAt,
  unitCount: sql<number>`(${sql.raw(UNITS_OF_AGENCY)})`.mapWith(Number),
};

function toAgency(
  row: { kind: string; jurisdiction: string | null } & Omit<AgencyRow, 'kind' | 'jurisdiction'>,
): AgencyRow {
  return { ...row, kind: row.kind as AgencyKind, jurisdiction: row.jurisdiction as JurisdictionCode | null };
}

export async function listAgencies(
  q: Queryable,
  filter: {
    scope: JurisdictionFilter;
    jurisdiction?: JurisdictionCode | undefined;
    text?: string | undefined;
  },
): Promise<AgencyRow[]> {
  const conditions = [
    jurisdictionCondition(filter.scope),
    filter.jurisdiction ? eq(agencies.jurisdictionCode, filter.jurisdiction) : undefined,
    filter.text ? ilike(agencies.name, `%${escapeLike(filter.text)}%`) : undefined,
  ];
  const rows = await q
    .select(agencyColumns)
    .from(agencies)
    .where(and(...conditions))
    .orderBy(asc(agencies.jurisdictionCode), asc(agencies.name));
  return rows.map(toAgency);
}

export async function findAgency(q: Queryable, id: string): Promise<AgencyRow | null> {
  const [row] = await q.select(agencyColumns).from(agencies).where(eq(agencies.id, id)).limit(1);
  return row ? toAgency(row) : null;
}

/** Names are unique among the agencies of one jurisdiction (or among the regional bodies). */
export async function agencyNameTaken(
  q: Queryable,
  name: string,
  jurisdiction: JurisdictionCode | null,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await q
    .select({ n: count() })
    .from(agencies)
    .where(
      and(
        sql`lower(${agencies.name}) = lower(${name})`,
        jurisdiction === null
          ? isNull(agencies.jurisdictionCode)
          : eq(agencies.jurisdictionCode, jurisdiction),
        exceptId ? ne(agencies.id, exceptId) : undefined,
      ),
    );
  return (row?.n ?? 0) > 0;
}

export async function insertAgency(
  q: Queryable,
  row: { id: string; name: string; kind: AgencyKind; jurisdiction: JurisdictionCode | null },
): Promise<void> {
  await q
    .insert(agencies)
    .values({ id: row.id, name: row.name, kind: row.kind, jurisdictionCode: row.jurisdiction });
}

export async function updateAgency(
  q: Queryable,
  id: string,
  changes: { name?: string; kind?: AgencyKind; jurisdiction?: JurisdictionCode | null },
): Promise<void> {
  await q
    .update(agencies)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.jurisdiction !== undefined ? { jurisdictionCode: changes.jurisdiction } : {}),
      updatedAt: new Date(),
    })
    .where(eq(agencies.id, id));
}

// A function, not a constant: the users module's count is built when a query runs, not at load time
// (users and organisation import each other).
const unitColumns = () => ({
  id: units.id,
  agencyId: units.agencyId,
  agencyName: agencies.name,
  jurisdiction: agencies.jurisdictionCode,
  name: units.name,
  kind: units.kind,
  createdAt: units.createdAt,
  userCount: usersInUnits(sql`${units.id}`),
});

function toUnit(
  row: { kind: string; jurisdiction: string | null } & Omit<UnitRow, 'kind' | 'jurisdiction'>,
): UnitRow {
  return { ...row, kind: row.kind as UnitKind, jurisdiction: row.jurisdiction as JurisdictionCode | null };
}

export async function listUnits(
  q: Queryable,
  filter: {
    scope: JurisdictionFilter;
    agencyId?: string | undefined;
    jurisdiction?: JurisdictionCode | undefined;
  },
): Promise<UnitRow[]> {
  const rows = await q
    .select(unitColumns())
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(
      and(
        jurisdictionCondition(filter.scope),
        filter.agencyId ? eq(units.agencyId, filter.agencyId) : undefined,
        filter.jurisdiction ? eq(agencies.jurisdictionCode, filter.jurisdiction) : undefined,
      ),
    )
    .orderBy(asc(agencies.name), asc(units.name));
  return rows.map(toUnit);
}

export async function findUnit(q: Queryable, id: string): Promise<UnitRow | null> {
  const [row] = await q
    .select(unitColumns())
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.id, id))
    .limit(1);
  return row ? toUnit(row) : null;
}

/** Names are unique among the units of one agency. */
export async function unitNameTaken(
  q: Queryable,
  agencyId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await q
    .select({ n: count() })
    .from(units)
    .where(
      and(
        eq(units.agencyId, agencyId),
        sql`lower(${units.name}) = lower(${name})`,
        exceptId ? ne(units.id, exceptId) : undefined,
      ),
    );
  return (row?.n ?? 0) > 0;
}

export async function insertUnit(
  q: Queryable,
  row: { id: string; agencyId: string; name: string; kind: UnitKind },
): Promise<void> {
  await q.insert(units).values(row);
}

export async function updateUnit(
  q: Queryable,
  id: string,
  changes: { name?: string; kind?: UnitKind },
): Promise<void> {
  await q
    .update(units)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      updatedAt: new Date(),
    })
    .where(eq(units.id, id));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A unit's name, for other modules that show who owns a record; undefined when there is no such unit. */
export async function unitName(q: Queryable, unitId: string): Promise<string | undefined> {
  const [row] = await q.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name;
}

/**
 * The single point of contact for international police cooperation of a jurisdiction: its unit of
 * kind 'international_cooperation' (the first by name, should there be several), or null.
 */
export async function cooperationUnitOf(
  q: Queryable,
  jurisdiction: JurisdictionCode,
): Promise<{ id: string; name: string } | null> {
  const [row] = await q
    .select({ id: units.id, name: units.name })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(and(eq(agencies.jurisdictionCode, jurisdiction), eq(units.kind, 'international_cooperation')))
    .orderBy(asc(units.name), asc(units.id))
    .limit(1);
  return row ?? null;
}

/** A unit's name, kind and jurisdiction, or undefined when there is no such unit. */
export async function unitOf(
  q: Queryable,
  unitId: string,
): Promise<{ id: string; name: string; kind: UnitKind; jurisdiction: JurisdictionCode | null } | undefined> {
  const [row] = await q
    .select({ id: units.id, name: units.name, kind: units.kind, jurisdiction: agencies.jurisdictionCode })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.id, unitId));
  return row
    ? { ...row, kind: row.kind as UnitKind, jurisdiction: row.jurisdiction as JurisdictionCode | null }
    : undefined;
}

/**
 * Every unit with its agency and jurisdiction, as a subquery that another module's list query joins
 * (users by their unit, cases by their owning unit): the tables stay this module's, the join stays one
 * query. Columns: unitId, unitName, agencyId, agencyName, jurisdiction.
 */
export function unitPlacements(q: Queryable) {
  return q
    .select({
      unitId: sql<string>`${units.id}`.as('placement_unit_id'),
      unitName: sql<string>`${units.name}`.as('placement_unit_name'),
      agencyId: sql<string>`${agencies.id}`.as('placement_agency_id'),
      agencyName: sql<string>`${agencies.name}`.as('placement_agency_name'),
      jurisdiction: sql<string | null>`${agencies.jurisdictionCode}`.as('placement_jurisdiction'),
    })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .as('unit_placement');
}

/** Where a unit sits (its agency and jurisdiction), or null for an unknown unit. */
export async function findUnitPlace(
  q: Queryable,
  unitId: string,
): Promise<{ unitId: string; agencyId: string; jurisdiction: JurisdictionCode | null } | null> {
  const [row] = await q
    .select({ unitId: units.id, agencyId: agencies.id, jurisdiction: agencies.jurisdictionCode })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.id, unitId))
    .limit(1);
  return row ? { ...row, jurisdiction: row.jurisdiction as JurisdictionCode | null } : null;
}

/** An agency's jurisdiction: null for a regional body, undefined for an unknown agency. */
export async function agencyJurisdiction(q: Queryable, agencyId: string): Promise<string | null | undefined> {
  const [row] = await q
    .select({ jurisdiction: agencies.jurisdictionCode })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return row ? row.jurisdiction : undefined;
}

/** The units of an agency. */
export async function unitsOfAgency(q: Queryable, agencyId: string): Promise<string[]> {
  const rows = await q.select({ id: units.id }).from(units).where(eq(units.agencyId, agencyId));
  return rows.map((r) => r.id);
}
