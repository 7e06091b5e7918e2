import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { entities, statements } from '@veza/db';
import type { Queryable } from '@veza/db';

export type EntityRow = typeof entities.$inferSelect;
export type StatementRow = typeof statements.$inferSelect;

export async function insertEntities(q: Queryable, rows: (typeof entities.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await q.insert(entities).values(rows);
}

export async function insertStatements(
  q: Queryable,
  rows: (typeof statements.$inferInsert)[],
): Promise<void> {
  // Large imports go in slices: PostgreSQL takes at most 65535 parameters per statement.
  for (let i = 0; i < rows.length; i += 1000) await q.insert(statements).values(rows.slice(i, i + 1000));
}

export async function findEntity(
  q: Queryable,
  caseId: string,
  entityId: string,
): Promise<EntityRow | undefined> {
  const [row] = await q
    .select()
    .from(entities)
    .where(and(eq(entities.caseId, caseId), eq(entities.id, entityId)));
  return row;
}

export async function listEntities(
  q: Queryable,
  caseIds: readonly string[],
  schema?: string,
): Promise<EntityRow[]> {
  if (caseIds.length === 0) return [];
  return q
    .select()
    .from(entities)
    .where(and(inArray(entities.caseId, [...caseIds]), schema ? eq(entities.schema, schema) : undefined))
    .orderBy(asc(entities.createdAt), asc(entities.id));
}

/** Statements of entities; only the current ones (not superseded) unless `history`. */
export async function statementsOf(
  q: Queryable,
  entityIds: readonly string[],
  options: { history?: boolean } = {},
): Promise<StatementRow[]> {
  if (entityIds.length === 0) return [];
  return q
    .select()
    .from(statements)
    .where(
      and(
        inArray(statements.entityId, [...entityIds]),
        options.history ? undefined : isNull(statements.supersededBy),
      ),
    )
    .orderBy(asc(statements.recordedAt), asc(statements.id));
}

export async function findStatement(
  q: Queryable,
  entityId: string,
  statementId: string,
): Promise<StatementRow | undefined> {
  const [row] = await q
    .select()
    .from(statements)
    .where(and(eq(statements.entityId, entityId), eq(statements.id, statementId)));
  return row;
}

/** Marks a statement superseded, once: false when another correction came first. */
export async function markSuperseded(q: Queryable, statementId: string, by: string): Promise<boolean> {
  const rows = await q
    .update(statements)
    .set({ supersededBy: by })
    .where(and(eq(statements.id, statementId), isNull(statements.supersededBy)))
    .returning({ id: statements.id });
  return rows.length > 0;
}

// Match suggestions are linkage's table; these stay exported here for entities/index.ts.
export { insertSuggestions, suggestionsFor } from '../linkage/index.ts';
export type { SuggestionRow } from '../linkage/index.ts';

export async function entitiesByIds(q: Queryable, ids: readonly string[]): Promise<EntityRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(entities)
    .where(inArray(entities.id, [...ids]));
}
