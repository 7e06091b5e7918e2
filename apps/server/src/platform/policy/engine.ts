import { ACTIONS } from '@veza/shared';
import type { Action } from '@veza/shared';
import type { Actor } from '../context.ts';
import { deny } from './types.ts';
import type {
  AnyResourcePolicy,
  AuditIdentity,
  Decision,
  JurisdictionScope,
  Resource,
  ResourcePolicy,
  ResourceType,
} from './types.ts';

/** The rules of every resource type, filled by the modules (apps/server/src/policies.ts) at start. */
const registry = new Map<string, AnyResourcePolicy>();

/** Adds the rules of one resource type; a type has exactly one set of rules. */
export function registerPolicy(policy: AnyResourcePolicy): void {
  if (registry.has(policy.type)) throw new Error(`A policy for '${policy.type}' is already registered`);
  registry.set(policy.type, policy);
}

/** Adds the rules a module exports (`<name>.policy.ts`), in order. */
export function registerPolicies(policies: readonly AnyResourcePolicy[]): void {
  for (const policy of policies) registerPolicy(policy);
}

/**
 * Where the modules' rules come from (src/policies.ts gives the module list). Read on the first
 * decision, not when the source is given: the module list and the modules that decide import each
 * other, so at import time the list may not be complete yet (in the bundled command line it is not).
 */
const sources: (() => readonly AnyResourcePolicy[])[] = [];
export function registerPolicySource(source: () => readonly AnyResourcePolicy[]): void {
  sources.push(source);
}
function loadSources(): void {
  for (let source = sources.shift(); source; source = sources.shift()) registerPolicies(source());
}

export function policyFor<T extends ResourceType>(type: T): ResourcePolicy<T> {
  loadSources();
  const policy = registry.get(type);
  if (!policy)
    throw new Error(
      `No policy registered for '${type}': the module that owns it registers it in apps/server/src/policies.ts`,
    );
  // The registry is keyed by `type`, so the policy found is the one of T.
  return policy as unknown as ResourcePolicy<T>;
}

/** The one answer to "may this actor do this to that"; pure, so it is cheap to ask for every object listed. */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  const policy = policyFor(resource.type);
  if (!policy.actions.includes(action)) return deny('not_applicable');
  return policy.decide(actor, action, resource);
}

/** The record and person a denial is logged against, as the resource's policy names them. */
export function identify(resource: Resource): AuditIdentity {
  return policyFor(resource.type).identify(resource);
}

/** The `allowed` field of API objects: what the UI may offer on this record. */
export function allowedActions(actor: Actor, resource: Resource): Action[] {
  return policyFor(resource.type).actions.filter((action) => decide(actor, action, resource).allowed);
}

/** How far a list query may reach, so lists never show what a single read would refuse. */
export function listScope(actor: Actor, action: Action, resourceType: ResourceType): JurisdictionScope {
  const policy = policyFor(resourceType);
  return policy.actions.includes(action) ? policy.scope(actor, action) : { kind: 'none' };
}

/** Actions the actor may take on something somewhere: navigation and the home page. */
export function capabilities(actor: Actor): Action[] {
  loadSources();
  const policies = [...registry.values()];
  return ACTIONS.filter((action) =>
    policies.some((policy) => {
      if (!policy.actions.includes(action)) return false;
      return policy.isCapability
        ? policy.isCapability(actor, action)
        : policy.scope(actor, action).kind !== 'none';
    }),
  );
}
