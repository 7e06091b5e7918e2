import type { Queryable } from '@veza/db';
import { personAttributes } from '../persons/index.ts';
import { referralsInPeriod } from '../referral/index.ts';
import { exploitationTypesOf, screeningsInPeriod } from '../screenings/index.ts';
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
  const rows = await screeningsInPeriod(q, selection);
  const people = await personAttributes(
    q,
    rows.flatMap((row) => (row.personId ? [row.personId] : [])),
  );
  return rows.map((row) => {
    const person = row.personId ? people.get(row.personId) : undefined;
    return {
      personKey: row.personId ?? row.id,
      at: row.at,
      jurisdiction: row.jurisdiction,
      sex: person?.sex ?? 'unknown',
      ageGroup: person?.ageGroup ?? ageGroupOf(row.age, row.ageInDoubt),
      nationality: person?.nationality ?? 'unknown',
      outcome: row.outcome,
      exploitationTypes: row.exploitationTypes,
    };
  });
}

/** Referrals made in the period, by the sending jurisdiction; the outcome is the referral's status. */
export async function referralRecords(
  q: Queryable,
  selection: StatisticsSelection,
): Promise<StatisticsRecord[]> {
  const made = await referralsInPeriod(q, selection);
  const people = await personAttributes(
    q,
    made.map((row) => row.personId),
  );
  const exploitation = await exploitationTypesOf(
    q,
    made.flatMap((row) => (row.screeningId ? [row.screeningId] : [])),
  );
  // Every referral has its person (a foreign key); one whose person is gone is not counted, as before.
  const rows = made.flatMap((row) => {
    const person = people.get(row.personId);
    return person
      ? [
          {
            ...row,
            ...person,
            exploitationTypes: row.screeningId ? exploitation.get(row.screeningId) : undefined,
          },
        ]
      : [];
  });
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
