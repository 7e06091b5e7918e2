import type { Action } from '@veza/shared';
import type { Queryable } from '@veza/db';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import type { JurisdictionCode, HandlingCode } from '@veza/shared';
import { findCase, listCasesInScope, type LoadedCase } from './cases.repository.ts';
import type { EntityRow } from '../entities/index.ts';

export function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

/** What the case policy reads of a loaded case: the case, its agency and who is on its team. */
export interface CaseFacts {
  row: Pick<LoadedCase['row'], 'id' | 'jurisdictionCode' | 'owningUnitId' | 'handlingCode'>;
  agencyId: string;
  members: readonly Pick<LoadedCase['members'][number], 'userId' | 'role'>[];
}

export function caseResource(loaded: CaseFacts): Extract<Resource, { type: 'case' }> {
  return {
    type: 'case',
    id: loaded.row.id,
    jurisdiction: loaded.row.jurisdictionCode as JurisdictionCode,
    agencyId: loaded.agencyId,
    unitId: loaded.row.owningUnitId,
    teamUserIds: loaded.members.map((m) => m.userId),
    ownerUserIds: loaded.members.filter((m) => m.role === 'owner').map((m) => m.userId),
    handlingCode: loaded.row.handlingCode as HandlingCode,
  };
}

/** Who a Person entity is: the case team only (person policy), never the unit's supervisor by rank. */
export function personResource(
  loaded: LoadedCase,
  entity: Pick<EntityRow, 'id'>,
): Extract<Resource, { type: 'person' }> {
  return {
    type: 'person',
    id: entity.id,
    jurisdiction: loaded.row.jurisdictionCode as JurisdictionCode,
    unitId: loaded.row.owningUnitId,
    caseTeamUserIds: loaded.members.map((m) => m.userId),
    referredToAgencyIds: [],
  };
}

/** Loads a case and asks the policy; a case that does not exist and one hidden answer alike. */
export async function authorizedCase(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  action: Action,
): Promise<LoadedCase> {
  signedIn(ctx);
  const loaded = await findCase(q, caseId);
  if (!loaded) throw new AppError('not_found');
  authorize(ctx, action, caseResource(loaded));
  return loaded;
}

/** Ids of the cases the actor may see, by the same scope as the case list. */
export async function visibleCaseIds(q: Queryable, actor: Actor): Promise<string[]> {
  const rows = await listCasesInScope(q, listScope(actor, 'case.view', 'case'), actor.userId);
  return rows.map((r) => r.row.id);
}

const JUSTIFICATION_SCOPES = (caseId: string) => [`case:${caseId}`, 'session'];

/** LED art. 25: consulting who a person is needs a reason, given for this case or for the session. */
export function justificationFor(ctx: RequestContext, caseId: string): string {
  const scopes = JUSTIFICATION_SCOPES(caseId);
  for (const scope of scopes) {
    const text = ctx.justifications.get(scope);
    if (text) return text;
  }
  throw new AppError('justification_required', { details: { scopes } });
}
