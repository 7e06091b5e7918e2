import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agencies, caseMembers, cases, entities, linkageHits, units, users } from '@veza/db';
import type { Queryable } from '@veza/db';

export type HitRow = typeof linkageHits.$inferSelect;

const ownEntity = alias(entities, 'own_entity');
const ownCase = alias(cases, 'own_case');
const hitEntity = alias(entities, 'hit_entity');
const hitCase = alias(cases, 'hit_case');
const hitUnit = alias(units, 'hit_unit');

/**
 * The requester's hits: their own entity and case, and of the other side only what a hit says (the
 * owning unit, its jurisdiction, the case reference and the kind of thing). The other entity's
 * caption is not even selected.
 */
export async function hitsRequestedBy(q: Queryable, userId: string) {
  return q
    .select({
      hit: linkageHits,
      entityCaption: ownEntity.caption,
      caseId: ownEntity.caseId,
      caseReference: ownCase.reference,
      hitSchema: hitEntity.schema,
      owningUnit: hitUnit.name,
      owningJurisdiction: hitCase.jurisdictionCode,
      otherCaseReference: hitCase.reference,
    })
    .from(linkageHits)
    .innerJoin(ownEntity, eq(ownEntity.id, linkageHits.queryEntityId))
    .innerJoin(ownCase, eq(ownCase.id, ownEntity.caseId))
    .innerJoin(hitEntity, eq(hitEntity.id, linkageHits.hitEntityId))
    .innerJoin(hitCase, eq(hitCase.id, hitEntity.caseId))
    .innerJoin(hitUnit, eq(hitUnit.id, hitCase.owningUnitId))
    .where(eq(linkageHits.requestedBy, userId))
    .orderBy(desc(linkageHits.createdAt), desc(linkageHits.id));
}

/** Hits on the cases a user owns, with who found them and from which unit. */
export async function hitsOnCasesOwnedBy(q: Queryable, userId: string) {
  const owned = q
    .select({ caseId: caseMembers.caseId })
    .from(caseMembers)
    .where(and(eq(caseMembers.userId, userId), eq(caseMembers.role, 'owner')));
  return q
    .select({
      hit: linkageHits,
      caseId: hitEntity.caseId,
      caseReference: hitCase.reference,
      entityCaption: hitEntity.caption,
      hitSchema: hitEntity.schema,
      requesterName: users.displayName,
      requesterUnit: units.name,
      requesterJurisdiction: agencies.jurisdictionCode,
    })
    .from(linkageHits)
    .innerJoin(hitEntity, eq(hitEntity.id, linkageHits.hitEntityId))
    .innerJoin(hitCase, eq(hitCase.id, hitEntity.caseId))
    .innerJoin(users, eq(users.id, linkageHits.requestedBy))
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(inArray(hitEntity.caseId, owned))
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

export async function caseOwners(q: Queryable, caseId: string): Promise<string[]> {
  const rows = await q
    .select({ userId: caseMembers.userId })
    .from(caseMembers)
    .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.role, 'owner')));
  return rows.map((r) => r.userId);
}
