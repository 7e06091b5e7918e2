import type { Action, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole, OVERSIGHT_ROLES, reachScope, withinReach } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourceOf, ResourcePolicy } from '../../platform/policy/types.ts';

/** The audit trail of a jurisdiction (null: the regional trail). */
export interface AuditResource {
  type: 'audit';
  jurisdiction: JurisdictionCode | null;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    audit: AuditResource;
  }
}

/** The DPO and administrators search the trail of their jurisdiction; regional ones search all. */
export const auditPolicy: ResourcePolicy<'audit'> = {
  type: 'audit',
  actions: ['audit.search', 'audit.verify'],
  // That an audit trail exists is no secret: a refusal answers "forbidden".
  visibility: null,
  identify: (resource) => (resource.jurisdiction === null ? {} : { recordId: resource.jurisdiction }),
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

/** The rules of the audit module, registered with the engine in apps/server/src/policies.ts. */
export const auditPolicies: readonly AnyResourcePolicy[] = [auditPolicy];
