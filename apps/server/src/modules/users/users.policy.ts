import type { Action, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole, OVERSIGHT_ROLES, reachScope, withinReach } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourceOf, ResourcePolicy } from '../../platform/policy/types.ts';

/** A staff member's record. */
export interface UserResource {
  type: 'user';
  userId: string;
  jurisdiction: JurisdictionCode | null;
  agencyId: string;
  unitId: string;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    user: UserResource;
  }
}

/** Staff records are personal data: administrators and the DPO of the jurisdiction, a supervisor for their unit. */
export const userPolicy: ResourcePolicy<'user'> = {
  type: 'user',
  actions: ['user.view', 'user.manage'],
  visibility: 'user.view',
  identify: (resource) => ({ recordId: resource.userId, subjectId: resource.userId }),
  decide(actor: Actor, action: Action, resource: ResourceOf<'user'>): Decision {
    if (action === 'user.view') return decideView(actor, resource);
    if (!hasAnyRole(actor, ['sysadmin'])) return deny('role');
    return withinReach(actor, resource.jurisdiction) ? allow('sysadmin') : deny('foreign_jurisdiction');
  },
  scope(actor, action) {
    if (action === 'user.manage')
      return hasAnyRole(actor, ['sysadmin']) ? reachScope(actor) : { kind: 'none' };
    // The broadest grant wins; each broader scope contains the narrower ones (own unit, self).
    if (hasAnyRole(actor, OVERSIGHT_ROLES)) return reachScope(actor);
    if (hasAnyRole(actor, ['supervisor'])) return { kind: 'units', unitIds: [actor.unitId] };
    return { kind: 'self', userId: actor.userId };
  },
  // Everyone may read their own record (the profile page), but that alone is no reason to show them
  // the staff directory: only a wider reach makes "users" a capability.
  isCapability(actor, action) {
    const scope = this.scope(actor, action);
    return scope.kind !== 'none' && scope.kind !== 'self';
  },
};

function decideView(actor: Actor, resource: ResourceOf<'user'>): Decision {
  if (resource.userId === actor.userId) return allow('self');
  const oversees = hasAnyRole(actor, OVERSIGHT_ROLES);
  if (oversees && withinReach(actor, resource.jurisdiction)) return allow('oversight');
  if (hasAnyRole(actor, ['supervisor']) && resource.unitId === actor.unitId)
    return allow('supervisor_of_unit');
  if (oversees) return deny('foreign_jurisdiction');
  return deny(hasAnyRole(actor, ['supervisor']) ? 'not_in_unit' : 'role');
}

/** The rules of the users module, registered with the engine in apps/server/src/policies.ts. */
export const usersPolicies: readonly AnyResourcePolicy[] = [userPolicy];
