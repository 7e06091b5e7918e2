import type { Queryable } from '@veza/db';
import type {
  Hit,
  HitDetails,
  HitLists,
  HitStatus,
  JurisdictionCode,
  LinkKind,
  OwnedHit,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decide } from '../../platform/policy/index.ts';
import { notify } from '../notifications/index.ts';
import { unitName } from '../organisation/index.ts';
import {
  authorizedCase,
  caseResource,
  signedIn,
  visibleCaseIds,
  findCase,
  alreadyDecided,
} from '../cases/index.ts';
import { entitiesByIds, statementsOf, PERSON_SCHEMA, presentStatement } from '../entities/index.ts';
import {
  findHit,
  hitsOnCasesOwnedBy,
  hitsRequestedBy,
  moveHit,
  type HitRow,
} from './linkage.hits.repository.ts';
import { linkKindOf } from './linkage.keys.ts';

/**
 * Hit/no-hit, as in the EU's automated cross-border checks: whoever saves an entity that matches one
 * in a case they may not see learns only that a match exists, the owning unit, its jurisdiction and
 * the case reference. The owners of that case are told, and decide on a request for access. A grant
 * discloses that one entity and its statements to that one requester (audited as a disclosure), not
 * the case: joining the team stays a separate request to the owner (case.request_join), because a
 * unit sharing one phone number with another unit rarely means sharing its whole file.
 */

const kindOf = (schema: string): LinkKind => linkKindOf(schema) ?? 'person';

export async function listHits(q: Queryable, ctx: RequestContext): Promise<HitLists> {
  const actor = signedIn(ctx);
  const visible = new Set(await visibleCaseIds(q, actor));
  // A hit found from a case the requester has since left is theirs no more.
  const mine = (await hitsRequestedBy(q, actor.userId)).filter((r) => visible.has(r.caseId));
  const owned = await hitsOnCasesOwnedBy(q, actor.userId);
  const canDecide = new Map<string, boolean>();
  for (const caseId of new Set(owned.map((r) => r.caseId))) {
    const loaded = await findCase(q, caseId);
    canDecide.set(caseId, loaded !== null && decide(actor, 'case.manage_team', caseResource(loaded)).allowed);
  }
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'case.view',
    recordType: 'linkage_hit',
    outcome: 'allowed',
    details: { mine: mine.length, onMyCases: owned.length },
  });
  return {
    mine: mine.map((r): Hit => ({
      id: r.hit.id,
      entityId: r.hit.queryEntityId,
      entityCaption: r.entityCaption,
      caseId: r.caseId,
      caseReference: r.caseReference,
      kind: kindOf(r.hitSchema),
      owningUnit: r.owningUnit,
      owningJurisdiction: r.owningJurisdiction as JurisdictionCode,
      otherCaseReference: r.otherCaseReference,
      status: r.hit.status as HitStatus,
      requestReason: r.hit.requestReason,
      createdAt: r.hit.createdAt.toISOString(),
      decidedAt: r.hit.decidedAt?.toISOString() ?? null,
    })),
    onMyCases: owned.map((r): OwnedHit => ({
      id: r.hit.id,
      caseId: r.caseId,
      caseReference: r.caseReference,
      entityId: r.hit.hitEntityId,
      entityCaption: r.entityCaption,
      kind: kindOf(r.hitSchema),
      requesterName: r.requesterName,
      requesterUnit: r.requesterUnit,
      requesterJurisdiction: r.requesterJurisdiction as JurisdictionCode | null,
      status: r.hit.status as HitStatus,
      requestReason: r.hit.requestReason,
      createdAt: r.hit.createdAt.toISOString(),
      decidedAt: r.hit.decidedAt?.toISOString() ?? null,
      canDecide: r.hit.status === 'access_requested' && (canDecide.get(r.caseId) ?? false),
    })),
  };
}

/** A hit exists for its requester only; to anyone else it answers not found. */
async function ownHit(q: Queryable, ctx: RequestContext, hitId: string): Promise<HitRow> {
  const actor = signedIn(ctx);
  const hit = await findHit(q, hitId);
  if (!hit || hit.requestedBy !== actor.userId) throw new AppError('not_found');
  return hit;
}

async function hitCase(q: Queryable, hit: HitRow) {
  const [entity] = await entitiesByIds(q, [hit.hitEntityId]);
  const loaded = entity ? await findCase(q, entity.caseId) : null;
  if (!entity || !loaded) throw new AppError('not_found');
  return { entity, loaded };
}

export async function requestHitAccess(
  q: Queryable,
  ctx: RequestContext,
  hitId: string,
  reason: string,
): Promise<void> {
  const hit = await ownHit(q, ctx, hitId);
  const moved = await moveHit(q, hit.id, 'notified', { status: 'access_requested', requestReason: reason });
  if (!moved) throw alreadyDecided('The request for access');
  const { loaded } = await hitCase(q, hit);
  for (const owner of loaded.members.filter((m) => m.role === 'owner').map((m) => m.userId)) {
    await notify(q, {
      to: { userId: owner },
      kind: 'hit_access_requested',
      payload: { reference: loaded.row.reference },
      link: '/linkage/hits',
      dedupeKey: `hit_access_requested:${hit.id}:${owner}`,
    });
  }
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'case.request_join',
    recordType: 'linkage_hit',
    recordId: hit.id,
    justification: reason,
    outcome: 'allowed',
    details: { reference: loaded.row.reference },
  });
}

/** The owner's answer; a grant discloses the matched entity to the requester, logged as a disclosure. */
export async function decideHitAccess(
  q: Queryable,
  ctx: RequestContext,
  hitId: string,
  decision: 'granted' | 'refused',
): Promise<void> {
  const actor = signedIn(ctx);
  const hit = await findHit(q, hitId);
  if (!hit) throw new AppError('not_found');
  const { entity, loaded } = await hitCase(q, hit);
  await authorizedCase(q, ctx, loaded.row.id, 'case.manage_team');
  const moved = await moveHit(q, hit.id, 'access_requested', {
    status: decision,
    decidedBy: actor.userId,
    decidedAt: new Date(),
  });
  if (!moved) throw alreadyDecided('The request for access');
  await notify(q, {
    to: { userId: hit.requestedBy },
    kind: 'hit_access_decided',
    payload: { reference: loaded.row.reference, decision },
    link: '/linkage/hits',
    dedupeKey: `hit_access_decided:${hit.id}`,
  });
  await appendAudit(q, ctx, {
    operation: decision === 'granted' ? 'disclosure' : 'alteration',
    action: 'case.disclose',
    recordType: 'entity',
    recordId: entity.id,
    ...(entity.schema === PERSON_SCHEMA && { subjectId: entity.id, subjectLabel: entity.caption }),
    ...(hit.requestReason !== null && { justification: hit.requestReason }),
    ...(decision === 'granted' && { recipients: [hit.requestedBy] }),
    outcome: 'allowed',
    details: { hit: hit.id, decision, caseId: loaded.row.id, reference: loaded.row.reference },
  });
}

/** What a granted hit shows its requester: the one entity and its current statements. */
export async function hitDetails(q: Queryable, ctx: RequestContext, hitId: string): Promise<HitDetails> {
  const hit = await ownHit(q, ctx, hitId);
  if (hit.status !== 'granted') throw new AppError('not_found');
  const { entity, loaded } = await hitCase(q, hit);
  const owningUnit = await unitName(q, loaded.row.owningUnitId);
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'person.identity.view',
    recordType: 'entity',
    recordId: entity.id,
    ...(entity.schema === PERSON_SCHEMA && { subjectId: entity.id, subjectLabel: entity.caption }),
    ...(hit.requestReason !== null && { justification: hit.requestReason }),
    outcome: 'allowed',
    details: { hit: hit.id, caseId: loaded.row.id, granted: true },
  });
  return {
    hitId: hit.id,
    otherCaseReference: loaded.row.reference,
    owningUnit: owningUnit ?? '',
    schema: entity.schema,
    caption: entity.caption,
    handlingCode: loaded.row.handlingCode as HitDetails['handlingCode'],
    statements: (await statementsOf(q, [entity.id])).map(presentStatement),
  };
}
