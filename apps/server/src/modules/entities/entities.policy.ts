import type { Action, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { CASE_TEAM_ROLES, hasAnyRole, OPERATIONAL_ROLES } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourcePolicy } from '../../platform/policy/types.ts';

/** A Person entity of a case: who may learn who they are. */
export interface PersonResource {
  type: 'person';
  id: string;
  jurisdiction: JurisdictionCode;
  unitId: string;
  caseTeamUserIds: readonly string[];
  referredToAgencyIds: readonly string[];
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    person: PersonResource;
  }
}

/**
 * Who a victim or suspect is: the teams of the cases they appear in, the NGO they were referred to,
 * and the national coordinator only when their own office received the referral. Nobody else.
 */
export const personPolicy: ResourcePolicy<'person'> = {
  type: 'person',
  actions: ['person.identity.view'],
  visibility: 'person.identity.view',
  identify: (resource) => ({ recordId: resource.id, subjectId: resource.id }),
  decide(actor: Actor, action: Action, resource: PersonResource): Decision {
    if (action !== 'person.identity.view') return deny('not_applicable');
    if (!hasAnyRole(actor, OPERATIONAL_ROLES)) return deny('role');
    if (resource.caseTeamUserIds.includes(actor.userId) && hasAnyRole(actor, CASE_TEAM_ROLES))
      return allow('case_team');
    const referredHere = resource.referredToAgencyIds.includes(actor.agencyId);
    if (referredHere && hasAnyRole(actor, ['ngo_caseworker'])) return allow('referral');
    if (referredHere && hasAnyRole(actor, ['national_coordinator'])) {
      return actor.jurisdiction === resource.jurisdiction ? allow('referral') : deny('foreign_jurisdiction');
    }
    if (actor.jurisdiction !== resource.jurisdiction) return deny('foreign_jurisdiction');
    return deny(
      hasAnyRole(actor, ['ngo_caseworker', 'national_coordinator']) ? 'not_referred' : 'not_in_case_team',
    );
  },
  scope(actor) {
    return hasAnyRole(actor, OPERATIONAL_ROLES) ? { kind: 'self', userId: actor.userId } : { kind: 'none' };
  },
};

/** The rules of the entities module, registered with the engine in apps/server/src/policies.ts. */
export const entitiesPolicies: readonly AnyResourcePolicy[] = [personPolicy];
