import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { entities } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { EntityRow } from './entities.repository.ts';

/*
 * What matching (modules/linkage) reads and writes of entities. Matching on save reads many entities
 * in one statement while the analyst waits, so this module hands it subqueries to join rather than
 * rows: the tables stay this module's, the join stays one query.
 */

/**
 * Entities with what they say now (their current statements as `[property, value]` pairs, oldest
 * first), as a subquery named `alias` (two can be joined in one query). Columns: id, caseId, schema,
 * caption, canonicalId, createdAt, said.
 */
export function entitiesSaying(q: Queryable, alias: string) {
  return q
    .select({
      id: entities.id,
      caseId: entities.caseId,
      schema: entities.schema,
      caption: entities.caption,
      canonicalId: entities.canonicalId,
      createdAt: entities.createdAt,
      said: sql<[string, string][] | null>`(
        SELECT json_agg(json_build_array(s.property, s.value) ORDER BY s.recorded_at, s.id)
          FROM statements s
         WHERE s.entity_id = "entities"."id" AND s.superseded_by IS NULL)`.as(`${alias}_said`),
    })
    .from(entities)
    .as(alias);
}

/** Entities without what they say, as a subquery named `alias`. Columns: id, caseId, schema, caption. */
export function entityBriefs(q: Queryable, alias: string) {
  return q
    .select({ id: entities.id, caseId: entities.caseId, schema: entities.schema, caption: entities.caption })
    .from(entities)
    .as(alias);
}

/** The entities merged into one canonical entity (the canonical one included), oldest first. */
export async function membersOfCanonical(q: Queryable, canonicalId: string): Promise<EntityRow[]> {
  return q
    .select()
    .from(entities)
    .where(eq(entities.canonicalId, canonicalId))
    .orderBy(asc(entities.createdAt), asc(entities.id));
}

/** How many entities other than the canonical one itself point at it. */
export async function otherMembersCount(q: Queryable, canonicalId: string): Promise<number> {
  const rows = await q
    .select({ id: entities.id })
    .from(entities)
    .where(and(eq(entities.canonicalId, canonicalId), ne(entities.id, canonicalId)));
  return rows.length;
}

/** Marks entities as the same as `canonicalId` (a merge), or as themselves again (null: a split). */
export async function setCanonical(
  q: Queryable,
  ids: readonly string[],
  canonicalId: string | null,
): Promise<void> {
  if (ids.length > 0)
    await q
      .update(entities)
      .set({ canonicalId })
      .where(inArray(entities.id, [...ids]));
}
