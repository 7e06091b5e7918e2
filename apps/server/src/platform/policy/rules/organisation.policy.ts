import type { Actor } from '../../context.ts';
import { hasAnyRole, reachScope, withinReach } from '../roles.ts';
import { allow, deny } from '../types.ts';
import type { Decision, ResourceOf, ResourcePolicy } from '../types.ts';
import type { Action } from '@veza/shared';

/** Agencies and units are not personal data: everyone signed in sees them, administrators change them. */
export const organisationPolicy: ResourcePolicy<'organisation'> = {
  type: 'organisation',
  actions: ['organisation.view', 'organisation.manage'],
  visibility: null,
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
