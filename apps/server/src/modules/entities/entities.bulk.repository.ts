import { and, eq, inArray, sql } from 'drizzle-orm';
import { entities, statements } from '@veza/db';
import type { Queryable } from '@veza/db';

// What imports (the exchange module) write and check of a case's entities in bulk. The caller keeps
// entity_edges in step with `syncEdges` and runs linkage afterwards, as after any save.

export type EntityInsert = typeof entities.$inferInsert;
export type StatementInsert = typeof statements.$inferInsert;

/** Entities and statements in slices: PostgreSQL takes at most 65535 parameters per statement. */
export async function insertEntityRows(
  q: Queryable,
  rows: EntityInsert[],
  statementRows: StatementInsert[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) await q.insert(entities).values(rows.slice(i, i + 5000));
  for (let i = 0; i < statementRows.length; i += 5000)
    await q.insert(statements).values(statementRows.slice(i, i + 5000));
}

/** How many of these ids are entities of this very case (in slices of 5,000 ids). */
export async function countEntitiesOfCase(
  q: Queryable,
  caseId: string,
  ids: readonly string[],
): Promise<number> {
  let found = 0;
  for (let i = 0; i < ids.length; i += 5000) {
    const [row] = await q
      .select({ n: sql<number>`count(*)::int` })
      .from(entities)
      .where(and(eq(entities.caseId, caseId), inArray(entities.id, ids.slice(i, i + 5000))));
    found += Number(row?.n ?? 0);
  }
  return found;
}

/** Current `number` statements of the case's Phone entities: the numbers already in the case. */
export async function phoneNumbersOf(
  q: Queryable,
  caseId: string,
): Promise<{ entityId: string; value: string }[]> {
  return q
    .select({ entityId: entities.id, value: statements.value })
    .from(entities)
    .innerJoin(statements, eq(statements.entityId, entities.id))
    .where(
      and(
        eq(entities.caseId, caseId),
        eq(entities.schema, 'Phone'),
        eq(statements.property, 'number'),
        sql`${statements.supersededBy} IS NULL`,
      ),
    );
}
