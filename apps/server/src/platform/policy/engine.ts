import { ACTIONS } from '@veza/shared';
import type { Action } from '@veza/shared';
import type { Actor } from '../context.ts';
import { FOUNDATION_POLICIES } from './rules/index.ts';
import { deny } from './types.ts';
import type {
  Decision,
  JurisdictionScope,
  Resource,
  ResourceOf,
  ResourcePolicy,
  ResourceType,
} from './types.ts';

type PolicyRegistry = { [T in ResourceType]?: ResourcePolicy<T> };

const registry: PolicyRegistry = {};

/** Adds the rules of one resource type; a type has exactly one set of rules. */
export function registerPolicy<T extends ResourceType>(policy: ResourcePolicy<T>): void {
  if (registry[policy.type]) throw new Error(`A policy for '${policy.type}' is already registered`);
  (registry as Record<T, ResourcePolicy<T>>)[policy.type] = policy;
}

for (const policy of FOUNDATION_POLICIES)
  registerPolicy<ResourceType>(policy as ResourcePolicy<ResourceType>);

export function policyFor<T extends ResourceType>(type: T): ResourcePolicy<T> {
  const policy = registry[type] as ResourcePolicy<T> | undefined;
  if (!policy) throw new Error(`No policy registered for '${type}'`);
  return policy;
}

/** The one answer to "may this actor do this to that"; pure, so it is cheap to ask for every object listed. */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  const policy = policyFor(resource.type);
  if (!policy.actions.includes(action)) return deny('not_applicable');
  return policy.decide(actor, action, resource as ResourceOf<typeof resource.type>);
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
  const types = Object.keys(registry) as ResourceType[];
  return ACTIONS.filter((action) =>
    types.some((type) => {
      const policy = policyFor(type);
      if (!policy.actions.includes(action)) return false;
      return policy.isCapability
        ? policy.isCapability(actor, action)
        : policy.scope(actor, action).kind !== 'none';
    }),
  );
}
