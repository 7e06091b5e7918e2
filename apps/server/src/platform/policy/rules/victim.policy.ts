import type { Action, Role } from '@veza/shared';
import type { Actor } from '../../context.ts';
import { hasAnyRole } from '../roles.ts';
import { allow, deny } from '../types.ts';
import type { Decision, JurisdictionScope, ResourceOf, ResourcePolicy } from '../types.ts';

type ScreeningResource = ResourceOf<'screening'>;
type VictimResource = ResourceOf<'victim'>;

/** Front-line police who store screenings and record persons: in their own unit. */
export const UNIT_ROLES: readonly Role[] = ['officer', 'supervisor'];
/** National coordinators: everything of their jurisdiction, and what other jurisdictions refer to them. */
export const COORDINATOR_ROLES: readonly Role[] = ['national_coordinator'];

function nationalActor(actor: Actor): boolean {
  return actor.jurisdiction !== null;
}

/** The recording side: officers of the unit that recorded it, coordinators of its jurisdiction. */
function homeAccess(actor: Actor, resource: { jurisdiction: string; unitId: string }): Decision {
  if (!nationalActor(actor)) return deny('regional');
  if (hasAnyRole(actor, COORDINATOR_ROLES) && actor.jurisdiction === resource.jurisdiction)
    return allow('coordinator');
  if (hasAnyRole(actor, UNIT_ROLES) && actor.jurisdiction === resource.jurisdiction) {
    return actor.unitId === resource.unitId ? allow('own_unit') : deny('other_unit');
  }
  if (!hasAnyRole(actor, [...UNIT_ROLES, ...COORDINATOR_ROLES])) return deny('role');
  return deny('foreign_jurisdiction');
}

/** Creating a record: only in the actor's own unit and jurisdiction. */
function decideCreate(actor: Actor, resource: { jurisdiction: string; unitId: string }): Decision {
  if (!nationalActor(actor)) return deny('regional');
  if (!hasAnyRole(actor, [...UNIT_ROLES, ...COORDINATOR_ROLES])) return deny('role');
  return actor.unitId === resource.unitId && actor.jurisdiction === resource.jurisdiction
    ? allow('own_unit')
    : deny('not_own_unit');
}

function homeScope(actor: Actor): JurisdictionScope {
  if (!nationalActor(actor) || actor.jurisdiction === null) return { kind: 'none' };
  if (hasAnyRole(actor, COORDINATOR_ROLES)) return { kind: 'jurisdictions', codes: [actor.jurisdiction] };
  if (hasAnyRole(actor, UNIT_ROLES)) return { kind: 'units', unitIds: [actor.unitId] };
  return { kind: 'none' };
}

/**
 * Stored screenings: the unit that screened and the jurisdiction's coordinators. A screening is never
 * referred as such: what a receiver learns of it travels in the referral, within the person's consent.
 */
export const screeningPolicy: ResourcePolicy<'screening'> = {
  type: 'screening',
  actions: ['screening.create', 'screening.view', 'screening.edit'],
  visibility: 'screening.view',
  decide(actor: Actor, action: Action, resource: ScreeningResource): Decision {
    if (action === 'screening.create') return decideCreate(actor, resource);
    return homeAccess(actor, resource);
  },
  scope(actor, action) {
    if (action === 'screening.create') {
      return homeScope(actor).kind === 'none' ? { kind: 'none' } : { kind: 'units', unitIds: [actor.unitId] };
    }
    return homeScope(actor);
  },
};

/** The referrals of the person that reach this actor: to their NGO, or to their jurisdiction. */
function referralsReaching(actor: Actor, resource: VictimResource) {
  return resource.referrals.filter(
    (r) =>
      (hasAnyRole(actor, ['ngo_caseworker']) && r.agencyId !== null && r.agencyId === actor.agencyId) ||
      (hasAnyRole(actor, COORDINATOR_ROLES) &&
        r.toJurisdiction !== null &&
        r.toJurisdiction === actor.jurisdiction &&
        r.toJurisdiction !== resource.jurisdiction),
  );
}

/**
 * Persons met in victim identification. The recording unit and the jurisdiction's coordinators see
 * the record and, with a justification, the identity. A receiver of a referral (the NGO's caseworkers,
 * or another jurisdiction's coordinators) sees the record, and the identity only when the referral's
 * shared scope carries it. Everybody else: not found.
 */
export const victimPolicy: ResourcePolicy<'victim'> = {
  type: 'victim',
  actions: ['victim.create', 'victim.view', 'victim.identity.view', 'victim.consent.record'],
  visibility: 'victim.view',
  decide(actor: Actor, action: Action, resource: VictimResource): Decision {
    if (action === 'victim.create') return decideCreate(actor, resource);
    const home = homeAccess(actor, resource);
    if (home.allowed || action === 'victim.consent.record') return home;
    const reaching = referralsReaching(actor, resource);
    if (reaching.length === 0) {
      return hasAnyRole(actor, ['ngo_caseworker', ...COORDINATOR_ROLES]) && home.reason !== 'other_unit'
        ? deny('not_referred')
        : home;
    }
    if (action === 'victim.view') return allow('referral');
    return reaching.some((r) => r.sharedScope.includes('identity'))
      ? allow('referral')
      : deny('identity_not_shared');
  },
  scope(actor, action) {
    if (action === 'victim.create') {
      return homeScope(actor).kind === 'none' ? { kind: 'none' } : { kind: 'units', unitIds: [actor.unitId] };
    }
    const home = homeScope(actor);
    if (home.kind !== 'none' || action === 'victim.consent.record') return home;
    // The list query adds the persons referred to the actor's agency.
    return hasAnyRole(actor, ['ngo_caseworker']) ? { kind: 'self', userId: actor.userId } : { kind: 'none' };
  },
};
