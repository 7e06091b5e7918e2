import { and, desc, eq, inArray } from 'drizzle-orm';
import { linkageHits } from '@veza/db';
import type { Queryable } from '@veza/db';
import { casesOwnedBy, casesWithTeams } from '../cases/index.ts';
import { entityBriefs } from '../entities/index.ts';
import { unitPlacements } from '../organisation/index.ts';
import { userPlacements } from '../users/index.ts';

export type HitRow = typeof linkageHits.$inferSelect;

/**
 * The requester's hits: their own entity and case, and of the other side only what a hit says (the
 * owning unit, its jurisdiction, the case reference and the kind of thing). The other entity's
 * caption is not even selected.
 */
export async function hitsRequestedBy(q: Queryable, userId: string) {
  const ownEntity = entityBriefs(q, 'own_entity');
  const ownCase = casesWithTeams(q, 'own_case');
  const hitEntity = entityBriefs(q, 'hit_entity');
  const hitCase = casesWithTeams(q, 'hit_case');
  const hitUnit = unitPlacements(q);
  return q
    .select({
      hit: linkageHits,
      entityCaption: ownEntity.caption,
      caseId: ownEntity.caseId,
      caseReference: ownCase.reference,
      hitSchema: hitEntity.schema,
      owningUnit: hitUnit.unitName,
      owningJurisdiction: hitCase.jurisdictionCode,
      otherCaseReference: hitCase.reference,
    })
    .from(linkageHits)
    .innerJoin(ownEntity, eq(ownEntity.id, linkageHits.queryEntityId))
    .innerJoin(ownCase, eq(ownCase.id, ownEntity.caseId))
    .innerJoin(hitEntity, eq(hitEntity.id, linkageHits.hitEntityId))
    .innerJoin(hitCase, eq(hitCase.id, hitEntity.caseId))
    .innerJoin(hitUnit, eq(hitUnit.unitId, hitCase.owningUnitId))
    .where(eq(linkageHits.requestedBy, userId))
    .orderBy(desc(linkageHits.createdAt), desc(linkageHits.id));
}

/** Hits on the cases a user owns, with who found them and from which unit. */
export async function hitsOnCasesOwnedBy(q: Queryable, userId: string) {
  const hitEntity = entityBriefs(q, 'hit_entity');
  const hitCase = casesWithTeams(q, 'hit_case');
  const requester = userPlacements(q, 'requester');
  return q
    .select({
      hit: linkageHits,
      caseId: hitEntity.caseId,
      caseReference: hitCase.reference,
      entityCaption: hitEntity.caption,
      hitSchema: hitEntity.schema,
      requesterName: requester.displayName,
      requesterUnit: requester.unitName,
      requesterJurisdiction: requester.jurisdiction,
    })
    .from(linkageHits)
    .innerJoin(hitEntity, eq(hitEntity.id, linkageHits.hitEntityId))
    .innerJoin(hitCase, eq(hitCase.id, hitEntity.caseId))
    .innerJoin(requester, eq(requester.userId, linkageHits.requestedBy))
    .where(inArray(hitEntity.caseId, casesOwnedBy(q, userId)))
    .orderBy(desc(linkageHits.createdAt), desc(linkageHits.id));
}

export async function findHit(q: Queryable, id: string): Promise<HitRow | undefined> {
  const [row] = await q.select().from(linkageHits).where(eq(linkageHits.id, id));
  return row;
}

/** Moves a hit on from one status, once: undefined when it was not in that status any more. */
export async function moveHit(
  q: Queryable,
  id: string,
  from: string,
  set: Partial<Pick<HitRow, 'status' | 'requestReason' | 'decidedBy' | 'decidedAt'>>,
): Promise<HitRow | undefined> {
  const [row] = await q
    .update(linkageHits)
    .set(set)
    .where(and(eq(linkageHits.id, id), eq(linkageHits.status, from)))
    .returning();
  return row;
}
