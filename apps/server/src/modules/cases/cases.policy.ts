import type { Action, HandlingCode, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { CASE_TEAM_ROLES, CASE_WORKER_ROLES, COURT_ROLES, hasAnyRole } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourcePolicy } from '../../platform/policy/types.ts';

/** A case file: who owns it, who is on its team, and its handling code. */
export interface CaseResource {
  type: 'case';
  id: string;
  /** The case's jurisdiction; null only for a case a regional body asks to open (they hold none). */
  jurisdiction: JurisdictionCode | null;
  agencyId: string;
  unitId: string;
  teamUserIds: readonly string[];
  /** The team members who manage the team; absent where only reading matters. */
  ownerUserIds?: readonly string[];
  handlingCode: HandlingCode;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    case: CaseResource;
  }
}

/** Need to know: the case team, and the supervisor of the unit that owns the case. */
export const casePolicy: ResourcePolicy<'case'> = {
  type: 'case',
  actions: [
    'case.view',
    'case.edit',
    'case.disclose',
    'case.use_in_court',
    'case.create',
    'case.manage_team',
    'case.request_join',
  ],
  visibility: 'case.view',
  identify: (resource) => ({ recordId: resource.id }),
  decide(actor: Actor, action: Action, resource: CaseResource): Decision {
    if (action === 'case.create') return decideCreate(actor, resource);
    if (action === 'case.request_join') return decideRequestJoin(actor, resource);
    const view = decideView(actor, resource);
    if (action === 'case.view' || !view.allowed) return view;
    const inTeam = resource.teamUserIds.includes(actor.userId);
    switch (action) {
      case 'case.edit':
        return inTeam && hasAnyRole(actor, CASE_WORKER_ROLES) ? allow('case_team') : denyMember(inTeam);
      case 'case.disclose':
        if (!inTeam || !hasAnyRole(actor, CASE_WORKER_ROLES)) return denyMember(inTeam);
        // The provider's permission for H2/H3 is recorded per disclosure, not granted by a role.
        if (resource.handlingCode === 'H2') return deny('handling_code_h2');
        if (resource.handlingCode === 'H3') return deny('handling_code_h3');
        return allow('case_team');
      case 'case.manage_team':
        if (!inTeam || !hasAnyRole(actor, CASE_WORKER_ROLES)) return denyMember(inTeam);
        return resource.ownerUserIds?.includes(actor.userId) ? allow('case_owner') : deny('not_case_owner');
      case 'case.use_in_court':
        if (!inTeam || !hasAnyRole(actor, COURT_ROLES)) return denyMember(inTeam);
        return resource.handlingCode === 'H1' ? deny('handling_code_h1') : allow('case_team');
      default:
        return deny('not_applicable');
    }
  },
  scope(actor, action) {
    if (!hasAnyRole(actor, CASE_TEAM_ROLES)) return { kind: 'none' };
    if (action === 'case.create') {
      return canOpenCases(actor) ? { kind: 'units', unitIds: [actor.unitId] } : { kind: 'none' };
    }
    if (action === 'case.request_join') {
      return actor.jurisdiction === null
        ? { kind: 'none' }
        : { kind: 'jurisdictions', codes: [actor.jurisdiction] };
    }
    if (action === 'case.view' && hasAnyRole(actor, ['supervisor'])) {
      // Owning unit plus, by the list query's own join, the cases whose team the actor is on.
      return { kind: 'units', unitIds: [actor.unitId] };
    }
    const roles =
      action === 'case.use_in_court'
        ? COURT_ROLES
        : action === 'case.view'
          ? CASE_TEAM_ROLES
          : CASE_WORKER_ROLES;
    return hasAnyRole(actor, roles) ? { kind: 'self', userId: actor.userId } : { kind: 'none' };
  },
};

/** A case is opened in the creator's own unit and jurisdiction; regional bodies hold no national cases. */
function canOpenCases(actor: Actor): boolean {
  return hasAnyRole(actor, CASE_WORKER_ROLES) && actor.jurisdiction !== null;
}

function decideCreate(actor: Actor, resource: CaseResource): Decision {
  // Regional bodies hold no national case, whatever their role; they join national teams instead.
  if (actor.jurisdiction === null || resource.jurisdiction === null) return deny('regional_body');
  if (!canOpenCases(actor)) return deny('role');
  return resource.unitId === actor.unitId && resource.jurisdiction === actor.jurisdiction
    ? allow('own_unit')
    : deny('not_own_unit');
}

/**
 * Anyone who may sit on a case team in the case's jurisdiction may ask to join a team whose case they learnt of
 * (a colleague, a linkage hit); the owner decides. Asking reveals nothing of the case itself.
 */
function decideRequestJoin(actor: Actor, resource: CaseResource): Decision {
  if (!hasAnyRole(actor, CASE_TEAM_ROLES)) return deny('role');
  if (resource.teamUserIds.includes(actor.userId)) return deny('already_in_case_team');
  return actor.jurisdiction !== null && actor.jurisdiction === resource.jurisdiction
    ? allow('same_jurisdiction')
    : deny('foreign_jurisdiction');
}

function decideView(actor: Actor, resource: CaseResource): Decision {
  if (!hasAnyRole(actor, CASE_TEAM_ROLES)) return deny('role');
  if (resource.teamUserIds.includes(actor.userId)) return allow('case_team');
  if (hasAnyRole(actor, ['supervisor']) && actor.unitId === resource.unitId)
    return allow('supervisor_of_unit');
  return deny(actor.jurisdiction === resource.jurisdiction ? 'not_in_case_team' : 'foreign_jurisdiction');
}

/** A supervisor who sees the case through the unit but is not on the team may not act on it. */
function denyMember(inTeam: boolean): Decision {
  return deny(inTeam ? 'role' : 'not_in_case_team');
}

/** The rules of the cases module, registered with the engine in apps/server/src/policies.ts. */
export const casesPolicies: readonly AnyResourcePolicy[] = [casePolicy];
