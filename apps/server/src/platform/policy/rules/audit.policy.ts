import type { Action } from '@veza/shared';
import type { Actor } from '../../context.ts';
import { hasAnyRole, OVERSIGHT_ROLES, reachScope, withinReach } from '../roles.ts';
import { allow, deny } from '../types.ts';
import type { Decision, ResourceOf, ResourcePolicy } from '../types.ts';

/** The DPO and administrators search the trail of their jurisdiction; regional ones search all. */
export const auditPolicy: ResourcePolicy<'audit'> = {
  type: 'audit',
  actions: ['audit.search', 'audit.verify'],
  // That an audit trail exists is no secret: a refusal answers "forbidden".
  visibility: null,
  decide(actor: Actor, action: Action, resource: ResourceOf<'audit'>): Decision {
    if (!hasAnyRole(actor, OVERSIGHT_ROLES)) return deny('role');
    // Verifying reveals only whether the chain is intact, never an entry: any DPO or administrator may.
    if (action === 'audit.verify') return allow('oversight');
    return withinReach(actor, resource.jurisdiction) ? allow('oversight') : deny('foreign_jurisdiction');
  },
  scope(actor, action) {
    if (!hasAnyRole(actor, OVERSIGHT_ROLES)) return { kind: 'none' };
    return action === 'audit.verify' ? { kind: 'all' } : reachScope(actor);
  },
};
