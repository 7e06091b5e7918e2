import type { Action, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole, reachScope, withinReach } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourceOf, ResourcePolicy } from '../../platform/policy/types.ts';

/** An agency, a unit, or the organisation of a jurisdiction (null: regional bodies). */
export interface OrganisationResource {
  type: 'organisation';
  jurisdiction: JurisdictionCode | null;
  agencyId?: string;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    organisation: OrganisationResource;
  }
}

/** Agencies and units are not personal data: everyone signed in sees them, administrators change them. */
export const organisationPolicy: ResourcePolicy<'organisation'> = {
  type: 'organisation',
  actions: ['organisation.view', 'organisation.manage'],
  visibility: null,
  identify: (resource) => (resource.agencyId === undefined ? {} : { recordId: resource.agencyId }),
  decide(actor: Actor, action: Action, resource: ResourceOf<'organisation'>): Decision {
    if (action === 'organisation.view') return allow('signed_in');
    if (!hasAnyRole(actor, ['sysadmin'])) return deny('role');
    return withinReach(actor, resource.jurisdiction) ? allow('sysadmin') : deny('foreign_jurisdiction');
  },
  scope(actor, action) {
    if (action === 'organisation.view') return { kind: 'all' };
    return hasAnyRole(actor, ['sysadmin']) ? reachScope(actor) : { kind: 'none' };
  },
};

/** The rules of the organisation module, registered with the engine in apps/server/src/policies.ts. */
export const organisationPolicies: readonly AnyResourcePolicy[] = [organisationPolicy];
