import { v7 as uuidv7 } from 'uuid';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { entityMerges, matchSuggestions } from '@veza/db';
import type { Queryable } from '@veza/db';

export type SuggestionRow = typeof matchSuggestions.$inferSelect;

export type MergeRow = typeof entityMerges.$inferSelect;

export async function findSuggestion(q: Queryable, id: string): Promise<SuggestionRow | undefined> {
  const [row] = await q.select().from(matchSuggestions).where(eq(matchSuggestions.id, id));
  return row;
}

/** Decides a pending suggestion, once: undefined when someone decided it first. */
export async function decidePending(
  q: Queryable,
  id: string,
  decision: { status: 'confirmed' | 'rejected'; decidedBy: string; decisionNote: string | null },
): Promise<SuggestionRow | undefined> {
  const [row] = await q
    .update(matchSuggestions)
    .set({ ...decision, decidedAt: new Date() })
    .where(and(eq(matchSuggestions.id, id), eq(matchSuggestions.status, 'pending')))
    .returning();
  return row;
}

export async function recordMerges(
  q: Queryable,
  rows: readonly { canonicalId: string; entityId: string; suggestionId: string | null; mergedBy: string }[],
): Promise<void> {
  if (rows.length > 0) await q.insert(entityMerges).values(rows.map((r) => ({ id: uuidv7(), ...r })));
}

/** Closes the open merge records of entities: they were split from their canonical entity. */
export async function recordSplits(
  q: Queryable,
  entityIds: readonly string[],
  splitBy: string,
): Promise<void> {
  if (entityIds.length === 0) return;
  await q
    .update(entityMerges)
    .set({ splitBy, splitAt: new Date() })
    .where(and(inArray(entityMerges.entityId, [...entityIds]), isNull(entityMerges.splitAt)));
}

export async function openMerges(q: Queryable, canonicalId: string): Promise<MergeRow[]> {
  return q
    .select()
    .from(entityMerges)
    .where(and(eq(entityMerges.canonicalId, canonicalId), isNull(entityMerges.splitAt)));
}

export async function insertSuggestions(
  q: Queryable,
  rows: (typeof matchSuggestions.$inferInsert)[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await q
    .insert(matchSuggestions)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: matchSuggestions.id });
  return inserted.length;
}

export async function suggestionsFor(q: Queryable, entityId: string): Promise<SuggestionRow[]> {
  return q
    .select()
    .from(matchSuggestions)
    .where(or(eq(matchSuggestions.entityA, entityId), eq(matchSuggestions.entityB, entityId)))
    .orderBy(asc(matchSuggestions.createdAt), asc(matchSuggestions.id));
}
