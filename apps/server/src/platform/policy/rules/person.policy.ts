import type { Action } from '@veza/shared';
import type { Actor } from '../../context.ts';
import { CASE_TEAM_ROLES, hasAnyRole, OPERATIONAL_ROLES } from '../roles.ts';
import { allow, deny } from '../types.ts';
import type { Decision, ResourceOf, ResourcePolicy } from '../types.ts';

type PersonResource = ResourceOf<'person'>;

/**
 * Who a victim or suspect is: the teams of the cases they appear in, the NGO they were referred to,
 * and the national coordinator only when their own office received the referral. Nobody else.
 */
export const personPolicy: ResourcePolicy<'person'> = {
  type: 'person',
  actions: ['person.identity.view'],
  visibility: 'person.identity.view',
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
