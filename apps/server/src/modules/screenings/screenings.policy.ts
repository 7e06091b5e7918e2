import type { Action, JurisdictionCode, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type {
  AnyResourcePolicy,
  Decision,
  JurisdictionScope,
  ResourcePolicy,
} from '../../platform/policy/types.ts';

/**
 * A stored screening: its unit's officers and its jurisdiction's coordinators. The jurisdiction is
 * null only for a screening a regional member asks to store (regional bodies store none).
 */
export interface ScreeningResource {
  type: 'screening';
  id: string;
  jurisdiction: JurisdictionCode | null;
  unitId: string;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    screening: ScreeningResource;
  }
}

/** Front-line police who store screenings and record persons: in their own unit. */
export const UNIT_ROLES: readonly Role[] = ['officer', 'supervisor'];
/** National coordinators: everything of their jurisdiction, and what other jurisdictions refer to them. */
export const COORDINATOR_ROLES: readonly Role[] = ['national_coordinator'];

/** What the home rules read of a record of victim identification (a screening, a person). */
export interface UnitRecord {
  jurisdiction: JurisdictionCode | null;
  unitId: string;
}

function nationalActor(actor: Actor): boolean {
  return actor.jurisdiction !== null;
}

/** The recording side: officers of the unit that recorded it, coordinators of its jurisdiction. */
export function homeAccess(actor: Actor, resource: UnitRecord): Decision {
  if (!nationalActor(actor)) return deny('regional');
  if (hasAnyRole(actor, COORDINATOR_ROLES) && actor.jurisdiction === resource.jurisdiction)
    return allow('coordinator');
  if (hasAnyRole(actor, UNIT_ROLES) && actor.jurisdiction === resource.jurisdiction) {
    return actor.unitId === resource.unitId ? allow('own_unit') : deny('other_unit');
  }
  if (!hasAnyRole(actor, [...UNIT_ROLES, ...COORDINATOR_ROLES])) return deny('role');
  return deny('foreign_jurisdiction');
}

/**
 * Creating a record: only in the actor's own unit and jurisdiction. Regional members (no
 * jurisdiction) record nothing, whatever their role: 'regional' comes before any other reason.
 */
export function decideCreate(actor: Actor, resource: UnitRecord): Decision {
  if (!nationalActor(actor) || resource.jurisdiction === null) return deny('regional');
  if (!hasAnyRole(actor, [...UNIT_ROLES, ...COORDINATOR_ROLES])) return deny('role');
  return actor.unitId === resource.unitId && actor.jurisdiction === resource.jurisdiction
    ? allow('own_unit')
    : deny('not_own_unit');
}

export function homeScope(actor: Actor): JurisdictionScope {
  if (!nationalActor(actor) || actor.jurisdiction === null) return { kind: 'none' };
  if (hasAnyRole(actor, COORDINATOR_ROLES)) return { kind: 'jurisdictions', codes: [actor.jurisdiction] };
  if (hasAnyRole(actor, UNIT_ROLES)) return { kind: 'units', unitIds: [actor.unitId] };
  return { kind: 'none' };
}

/** Where the actor may create records: their own unit, when the home rules give them any reach. */
export function createScope(actor: Actor): JurisdictionScope {
  return homeScope(actor).kind === 'none' ? { kind: 'none' } : { kind: 'units', unitIds: [actor.unitId] };
}

/**
 * Stored screenings: the unit that screened and the jurisdiction's coordinators. A screening is never
 * referred as such: what a receiver learns of it travels in the referral, within the person's consent.
 */
export const screeningPolicy: ResourcePolicy<'screening'> = {
  type: 'screening',
  actions: ['screening.create', 'screening.view', 'screening.edit'],
  visibility: 'screening.view',
  identify: (resource) => ({ recordId: resource.id }),
  decide(actor: Actor, action: Action, resource: ScreeningResource): Decision {
    if (action === 'screening.create') return decideCreate(actor, resource);
    return homeAccess(actor, resource);
  },
  scope(actor, action) {
    return action === 'screening.create' ? createScope(actor) : homeScope(actor);
  },
};

/** The rules of the screenings module, registered with the engine in apps/server/src/policies.ts. */
export const screeningsPolicies: readonly AnyResourcePolicy[] = [screeningPolicy];
