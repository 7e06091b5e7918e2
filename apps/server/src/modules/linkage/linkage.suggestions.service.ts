import type { Queryable } from '@veza/db';
import type {
  CanonicalEntity,
  CanonicalMember,
  SplitResult,
  SuggestionDecision,
  SuggestionOutcome,
} from '@veza/shared';
import { appendAudit, appendAudits, type AuditInput } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, decide } from '../../platform/policy/index.ts';
import {
  authorizedCase,
  caseResource,
  justificationFor,
  personResource,
  signedIn,
  findCase,
  type LoadedCase,
  alreadyDecided,
} from '../cases/index.ts';
import {
  entitiesByIds,
  findEntity,
  membersOfCanonical,
  otherMembersCount,
  setCanonical,
  statementsOf,
  type EntityRow,
  PERSON_SCHEMA,
  presentStatement,
} from '../entities/index.ts';
import { groupStatements } from './linkage.keys.ts';
import {
  decidePending,
  findSuggestion,
  openMerges,
  recordMerges,
  recordSplits,
} from './linkage.suggestions.repository.ts';

interface Side {
  entity: EntityRow;
  loaded: LoadedCase;
}

/**
 * Both ends of a suggestion, as the actor may know them: a suggestion into a case the actor may not
 * see does not exist for them. Deciding changes the entity of at least one case the actor works on.
 */
async function decidableSides(
  q: Queryable,
  ctx: RequestContext,
  entityIds: [string, string],
): Promise<[Side, Side]> {
  const actor = signedIn(ctx);
  const rows = await entitiesByIds(q, entityIds);
  const sides: Side[] = [];
  for (const id of entityIds) {
    const entity = rows.find((r) => r.id === id);
    const loaded = entity ? await findCase(q, entity.caseId) : null;
    if (!entity || !loaded || !decide(actor, 'case.view', caseResource(loaded)).allowed)
      throw new AppError('not_found');
    sides.push({ entity, loaded });
  }
  const [a, b] = sides as [Side, Side];
  const editable = [a, b].find((s) => decide(actor, 'case.edit', caseResource(s.loaded)).allowed);
  // Refused through the engine so the denial is logged like any other.
  authorize(ctx, 'case.edit', caseResource((editable ?? a).loaded));
  return [a, b];
}

/**
 * An analyst's answer to a suggestion. Confirmed: both entities point to one canonical entity (an
 * existing one, or else the older entity), each keeping its own statements in its own case, and the
 * join is recorded so it can be undone. Rejected: recorded with the note, and never suggested again.
 */
export async function decideSuggestion(
  q: Queryable,
  ctx: RequestContext,
  suggestionId: string,
  input: SuggestionDecision,
): Promise<SuggestionOutcome> {
  const actor = signedIn(ctx);
  const suggestion = await findSuggestion(q, suggestionId);
  if (!suggestion) throw new AppError('not_found');
  const [a, b] = await decidableSides(q, ctx, [suggestion.entityA, suggestion.entityB]);
  const decided = await decidePending(q, suggestionId, {
    status: input.decision,
    decidedBy: actor.userId,
    decisionNote: input.note ?? null,
  });
  if (!decided) throw alreadyDecided('The suggestion');
  const canonicalId =
    input.decision === 'confirmed' ? await join(q, actor.userId, a.entity, b.entity, suggestionId) : null;
  await appendAudit(q, ctx, {
    operation: input.decision === 'confirmed' ? 'combination' : 'alteration',
    action: 'case.edit',
    recordType: 'match_suggestion',
    recordId: suggestionId,
    outcome: 'allowed',
    details: {
      decision: input.decision,
      entities: [a.entity.id, b.entity.id],
      cases: [a.loaded.row.reference, b.loaded.row.reference],
      canonicalId,
      ...(input.note ? { note: input.note } : {}),
    },
  });
  return {
    id: decided.id,
    status: decided.status as SuggestionOutcome['status'],
    canonicalId,
    decidedAt: decided.decidedAt?.toISOString() ?? null,
  };
}

/** Joins two entities, and the groups they already belong to, under one canonical entity. */
async function join(
  q: Queryable,
  by: string,
  a: EntityRow,
  b: EntityRow,
  suggestionId: string,
): Promise<string> {
  if (a.canonicalId !== null && a.canonicalId === b.canonicalId) return a.canonicalId;
  const older =
    a.createdAt < b.createdAt || (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id) ? a : b;
  const canonicalId = a.canonicalId ?? b.canonicalId ?? older.id;
  // Entities that must move: the other side alone, or the whole group it already belongs to.
  const moving: EntityRow[] = [];
  for (const side of [a, b]) {
    if (side.canonicalId === canonicalId) continue;
    if (side.canonicalId === null) moving.push(side);
    else moving.push(...(await membersOfCanonical(q, side.canonicalId)));
  }
  const ids = moving.map((e) => e.id).filter((id) => id !== canonicalId);
  await recordSplits(q, ids, by);
  await setCanonical(q, [canonicalId, ...ids], canonicalId);
  await recordMerges(
    q,
    ids.map((entityId) => ({ canonicalId, entityId, suggestionId, mergedBy: by })),
  );
  return canonicalId;
}

/**
 * The canonical entity an entity belongs to: every member the actor may see, with its case and all
 * its statements. Reading persons needs a justification and each is logged as a consultation.
 */
export async function canonicalEntity(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
): Promise<CanonicalEntity> {
  const actor = signedIn(ctx);
  await authorizedCase(q, ctx, caseId, 'case.view');
  const entity = await findEntity(q, caseId, entityId);
  if (!entity?.canonicalId) throw new AppError('not_found');
  const canonicalId = entity.canonicalId;
  const members = await membersOfCanonical(q, canonicalId);
  const merges = new Map((await openMerges(q, canonicalId)).map((m) => [m.entityId, m]));
  const readable: { member: EntityRow; loaded: LoadedCase }[] = [];
  const consulted: AuditInput[] = [];
  for (const member of members) {
    const loaded = await findCase(q, member.caseId);
    if (!loaded || !decide(actor, 'case.view', caseResource(loaded)).allowed) continue;
    if (member.schema === PERSON_SCHEMA) {
      if (!decide(actor, 'person.identity.view', personResource(loaded, member)).allowed) continue;
      consulted.push({
        operation: 'consultation',
        action: 'person.identity.view',
        recordType: 'entity',
        recordId: member.id,
        subjectId: member.id,
        subjectLabel: member.caption,
        justification: justificationFor(ctx, caseId),
        outcome: 'allowed',
        details: { caseId: member.caseId, read: 'canonical', canonicalId },
      });
    }
    readable.push({ member, loaded });
  }
  await appendAudits(q, ctx, consulted);
  const statements = groupStatements(
    await statementsOf(
      q,
      readable.map((r) => r.member.id),
    ),
  );
  return {
    canonicalId,
    members: readable.map(({ member, loaded }): CanonicalMember => ({
      entityId: member.id,
      caseId: member.caseId,
      caseReference: loaded.row.reference,
      schema: member.schema,
      caption: member.caption,
      canonical: member.id === canonicalId,
      mergedAt: merges.get(member.id)?.mergedAt.toISOString() ?? null,
      statements: (statements.get(member.id) ?? []).map(presentStatement),
      canSplit: decide(actor, 'case.edit', caseResource(loaded)).allowed,
    })),
  };
}

/**
 * Takes an entity out of its canonical entity; splitting the canonical entity itself undoes the whole
 * join. The merge records stay, closed with who split and when.
 */
export async function splitEntity(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
): Promise<SplitResult> {
  const actor = signedIn(ctx);
  await authorizedCase(q, ctx, caseId, 'case.edit');
  const entity = await findEntity(q, caseId, entityId);
  if (!entity) throw new AppError('not_found');
  const canonicalId = entity.canonicalId;
  if (canonicalId === null)
    throw new AppError('entity_not_merged', { message: 'The entity is not joined to another' });
  let released: string[];
  if (entity.id === canonicalId) {
    released = (await membersOfCanonical(q, canonicalId)).map((m) => m.id);
  } else {
    released = [entity.id];
    if ((await otherMembersCount(q, canonicalId)) <= 1) released.push(canonicalId);
  }
  await recordSplits(q, released, actor.userId);
  await setCanonical(q, released, null);
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'case.edit',
    recordType: 'entity',
    recordId: entity.id,
    outcome: 'allowed',
    details: { caseId, split: true, canonicalId, released },
  });
  return { entityId: entity.id, canonicalId: released.includes(canonicalId) ? null : canonicalId };
}
