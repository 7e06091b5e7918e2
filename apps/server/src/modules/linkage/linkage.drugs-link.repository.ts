import { and, eq, inArray, sql } from 'drizzle-orm';
import { linkageHits } from '@veza/db';
import type { Queryable } from '@veza/db';
import { casesWithTeams } from '../cases/index.ts';
import { entityBriefs } from '../entities/index.ts';
import { unitPlacements } from '../organisation/index.ts';

/** Two entities of different cases that share a key (or that the matcher found the same). */
export interface PairRow {
  key: string;
  e1: string;
  c1: string;
  e2: string;
  c2: string;
}

/**
 * Pairs of entities sharing a key, one in one of the cases. Persons meet on an identifier, on the exact
 * name with the birth year, or as the matcher found them when one of them was saved (a suggestion not
 * rejected with at least `sameScore`, or a hit), reported under the key `matchedPerson`; never on a
 * loose name block alone. Match keys, suggestions and hits are this module's; the entities' cases come
 * from the entities module's subquery.
 */
export async function sharedKeys(
  q: Queryable,
  caseIds: readonly string[],
  sameScore: number,
  matchedPerson: string,
): Promise<PairRow[]> {
  if (caseIds.length === 0) return [];
  const ids = sql.join(
    caseIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const a = entityBriefs(q, 'a');
  const b = entityBriefs(q, 'b');
  const result: unknown = await q.execute(sql`
    SELECT k1.key, k1.entity_id AS e1, k1.case_id AS c1, k2.entity_id AS e2, k2.case_id AS c2
      FROM match_keys k1
      JOIN match_keys k2 ON k2.key = k1.key AND k2.case_id <> k1.case_id
     WHERE k1.case_id IN (${ids})
       AND k1.key NOT LIKE 'person|d|%' AND k1.key NOT LIKE 'person|o|%'
       AND k1.key NOT LIKE 'organisation|%' AND k1.key NOT LIKE 'document|%'
    UNION ALL
    SELECT ${matchedPerson}, a.id, a.case_id, b.id, b.case_id
      FROM match_suggestions s
      JOIN ${a} ON a.id = s.entity_a
      JOIN ${b} ON b.id = s.entity_b
     WHERE s.status <> 'rejected' AND s.score >= ${sameScore} AND a.schema = 'Person'
       AND (a.case_id IN (${ids}) OR b.case_id IN (${ids}))
    UNION ALL
    SELECT ${matchedPerson}, a.id, a.case_id, b.id, b.case_id
      FROM linkage_hits h
      JOIN ${a} ON a.id = h.query_entity_id
      JOIN ${b} ON b.id = h.hit_entity_id
     WHERE a.schema = 'Person' AND (a.case_id IN (${ids}) OR b.case_id IN (${ids}))
     LIMIT 5000`);
  return (result as { rows: PairRow[] }).rows ?? [];
}

/** The linked cases: reference, type, jurisdiction and owning unit's name. */
export async function linkedCases(q: Queryable, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const kase = casesWithTeams(q, 'linked_case');
  const placement = unitPlacements(q);
  return q
    .select({
      id: kase.id,
      reference: kase.reference,
      type: kase.type,
      jurisdiction: kase.jurisdictionCode,
      unit: placement.unitName,
    })
    .from(kase)
    .innerJoin(placement, eq(placement.unitId, kase.owningUnitId))
    .where(inArray(kase.id, [...caseIds]));
}

/** The ids of a user's hits on these entities, by `queryEntity|hitEntity`. */
export async function hitIdsOf(
  q: Queryable,
  userId: string,
  hitEntityIds: readonly string[],
): Promise<Map<string, string>> {
  if (hitEntityIds.length === 0) return new Map();
  const rows = await q
    .select({ id: linkageHits.id, a: linkageHits.queryEntityId, b: linkageHits.hitEntityId })
    .from(linkageHits)
    .where(and(eq(linkageHits.requestedBy, userId), inArray(linkageHits.hitEntityId, [...hitEntityIds])));
  return new Map(rows.map((h) => [`${h.a}|${h.b}`, h.id]));
}
