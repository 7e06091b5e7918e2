import { and, eq, sql } from 'drizzle-orm';
import { caseMembers, cases } from '@veza/db';
import type { Queryable } from '@veza/db';

/*
 * What matching (modules/linkage) joins of cases: subqueries, so that its reads on every save stay
 * one statement while the tables stay this module's.
 */

/**
 * Cases with their team (`[userId, role]` pairs), as a subquery named `alias`. Columns: id, reference,
 * type, jurisdictionCode, owningUnitId, handlingCode, team.
 */
export function casesWithTeams(q: Queryable, alias: string) {
  return q
    .select({
      id: cases.id,
      reference: cases.reference,
      type: cases.type,
      jurisdictionCode: cases.jurisdictionCode,
      owningUnitId: cases.owningUnitId,
      handlingCode: cases.handlingCode,
      team: sql<[string, string][] | null>`(
        SELECT json_agg(json_build_array(cm.user_id, cm.role)) FROM case_members cm WHERE cm.case_id = "cases"."id")`.as(
        `${alias}_team`,
      ),
    })
    .from(cases)
    .as(alias);
}

/** The ids of the cases a user owns, as a query to use in `inArray`. */
export function casesOwnedBy(q: Queryable, userId: string) {
  return q
    .select({ caseId: caseMembers.caseId })
    .from(caseMembers)
    .where(and(eq(caseMembers.userId, userId), eq(caseMembers.role, 'owner')));
}
