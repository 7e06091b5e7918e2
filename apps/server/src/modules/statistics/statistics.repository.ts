import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { persons, referrals, screenings } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { JurisdictionCode } from '@veza/shared';
import type { StatisticsRecord } from './statistics.tabulate.ts';

export interface StatisticsSelection {
  start: Date;
  /** Exclusive. */
  end: Date;
  /** null: every jurisdiction. */
  jurisdictions: readonly JurisdictionCode[] | null;
}

/**
 * Screenings in the period as statistics see them: attributes only. A screening not linked to a
 * person counts as a person of its own; its age group comes from the age given, and any doubt about
 * age makes it unknown.
 */
export async function screeningRecords(
  q: Queryable,
  selection: StatisticsSelection,
): Promise<StatisticsRecord[]> {
  const rows = await q
    .select({
      id: screenings.id,
      personId: screenings.personId,
      at: screenings.occurredAt,
      jurisdiction: screenings.jurisdictionCode,
      outcome: screenings.outcome,
      exploitationTypes: screenings.exploitationTypes,
      age: screenings.age,
      ageInDoubt: screenings.ageInDoubt,
      sex: persons.sex,
      ageGroup: persons.ageGroup,
      nationality: persons.nationality,
    })
    .from(screenings)
    .leftJoin(persons, eq(persons.id, screenings.personId))
    .where(
      and(
        gte(screenings.occurredAt, selection.start),
        lt(screenings.occurredAt, selection.end),
        selection.jurisdictions
          ? inArray(screenings.jurisdictionCode, [...selection.jurisdictions])
          : undefined,
      ),
    );
  return rows.map((row) => ({
    personKey: row.personId ?? row.id,
    at: row.at,
    jurisdiction: row.jurisdiction,
    sex: row.sex ?? 'unknown',
    ageGroup: row.ageGroup ?? ageGroupOf(row.age, row.ageInDoubt),
    nationality: row.nationality ?? 'unknown',
    outcome: row.outcome,
    exploitationTypes: row.exploitationTypes,
  }));
}

/** Referrals made in the period, by the sending jurisdiction; the outcome is the referral's status. */
export async function referralRecords(
  q: Queryable,
  selection: StatisticsSelection,
): Promise<StatisticsRecord[]> {
  const rows = await q
    .select({
      personId: referrals.personId,
      at: referrals.createdAt,
      jurisdiction: referrals.fromJurisdictionCode,
      status: referrals.status,
      sex: persons.sex,
      ageGroup: persons.ageGroup,
      nationality: persons.nationality,
      exploitationTypes: screenings.exploitationTypes,
    })
    .from(referrals)
    .innerJoin(persons, eq(persons.id, referrals.personId))
    .leftJoin(screenings, eq(screenings.id, referrals.screeningId))
    .where(
      and(
        gte(referrals.createdAt, selection.start),
        lt(referrals.createdAt, selection.end),
        selection.jurisdictions
          ? inArray(referrals.fromJurisdictionCode, [...selection.jurisdictions])
          : undefined,
      ),
    );
  return rows.map((row) => ({
    personKey: row.personId,
    at: row.at,
    jurisdiction: row.jurisdiction,
    sex: row.sex,
    ageGroup: row.ageGroup,
    nationality: row.nationality ?? 'unknown',
    outcome: row.status,
    exploitationTypes: row.exploitationTypes ?? [],
  }));
}

function ageGroupOf(age: number | null, ageInDoubt: boolean): string {
  if (age === null || ageInDoubt) return 'unknown';
  return age < 18 ? 'child' : 'adult';
}
