import type { Action } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { ADMIN_ROLES, hasAnyRole } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourcePolicy } from '../../platform/policy/types.ts';

/** A user's own account as its owner changes it (the profile page): password, two-factor. */
export interface AccountResource {
  type: 'account';
  userId: string;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    account: AccountResource;
  }
}

/** Everyone keeps their own account; administrators must keep two-factor authentication on. */
export const accountPolicy: ResourcePolicy<'account'> = {
  type: 'account',
  actions: ['account.totp.disable'],
  // Whose account it is is no secret to its owner, and nobody else asks: a refusal is "forbidden".
  visibility: null,
  identify: (resource) => ({ recordId: resource.userId, subjectId: resource.userId }),
  decide(actor: Actor, _action: Action, resource: AccountResource): Decision {
    if (resource.userId !== actor.userId) return deny('not_own_account');
    // An administrator resets two-factor for someone who lost the device, so theirs must stay on.
    return hasAnyRole(actor, ADMIN_ROLES) ? deny('two_factor_required') : allow('own_account');
  },
  scope(actor) {
    return hasAnyRole(actor, ADMIN_ROLES) ? { kind: 'none' } : { kind: 'self', userId: actor.userId };
  },
  // One's own account is no place in the navigation.
  isCapability: () => false,
};

/** The rules of the me module, registered with the engine in apps/server/src/policies.ts. */
export const mePolicies: readonly AnyResourcePolicy[] = [accountPolicy];
