import type { Action, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourcePolicy } from '../../platform/policy/types.ts';
// The home rules of victim identification are one for screenings and persons.
import { COORDINATOR_ROLES, createScope, decideCreate, homeAccess, homeScope } from '../screenings/index.ts';

/**
 * A person of victim identification and referral (the persons table): the recording unit, the
 * jurisdiction's coordinators, and whoever the person was referred to, for the parts shared. The
 * jurisdiction is null only for a person a regional member asks to record (regional bodies record none).
 */
export interface VictimResource {
  type: 'victim';
  id: string;
  jurisdiction: JurisdictionCode | null;
  unitId: string;
  /** Referrals with status sent or later: to an NGO's provider (agencyId) or another jurisdiction. */
  referrals: readonly VictimReferralAccess[];
}

/** What one referral opens to its receiver: the person, and the parts of the record in `sharedScope`. */
export interface VictimReferralAccess {
  agencyId: string | null;
  toJurisdiction: JurisdictionCode | null;
  sharedScope: readonly string[];
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    victim: VictimResource;
  }
}

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
  identify: (resource) => ({ recordId: resource.id, subjectId: resource.id }),
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
    if (action === 'victim.create') return createScope(actor);
    const home = homeScope(actor);
    if (home.kind !== 'none' || action === 'victim.consent.record') return home;
    // The list query adds the persons referred to the actor's agency.
    return hasAnyRole(actor, ['ngo_caseworker']) ? { kind: 'self', userId: actor.userId } : { kind: 'none' };
  },
};

/** The rules of the persons module, registered with the engine in apps/server/src/policies.ts. */
export const personsPolicies: readonly AnyResourcePolicy[] = [victimPolicy];
