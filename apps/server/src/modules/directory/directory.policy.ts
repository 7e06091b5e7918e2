import type { JurisdictionCode, Role } from '@veza/shared';
import { ROLES } from '@veza/shared';
import { hasAnyRole, withinReach } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, ResourcePolicy } from '../../platform/policy/types.ts';

/** An entry of the directory of contact points, known by its jurisdiction. */
export interface DirectoryEntryResource {
  type: 'directory_entry';
  id?: string;
  jurisdiction: JurisdictionCode;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    directory_entry: DirectoryEntryResource;
  }
}

/**
 * Who keeps a jurisdiction's entries: its national coordinators, and its administrators (a national
 * administrator for their own jurisdiction, a regional one, without a jurisdiction, for all seven).
 */
export const DIRECTORY_KEEPERS: readonly Role[] = ['national_coordinator', 'sysadmin'];

/**
 * The directory is there so that anyone who works a case across a border finds whom to call: every
 * signed-in user reads every jurisdiction's entries (the contact names in it are staff names, and
 * each answer that shows one is audited). Editing and confirming belong to the entry's jurisdiction.
 */
export const directoryEntryPolicy: ResourcePolicy<'directory_entry'> = {
  type: 'directory_entry',
  actions: ['directory.view', 'directory.manage'],
  visibility: null,
  identify: (resource) => (resource.id === undefined ? {} : { recordId: resource.id }),
  decide(actor, action, entry) {
    if (action === 'directory.view') return hasAnyRole(actor, ROLES) ? allow('signed_in') : deny('role');
    if (hasAnyRole(actor, ['national_coordinator']) && actor.jurisdiction === entry.jurisdiction)
      return allow('coordinator');
    if (hasAnyRole(actor, ['sysadmin']) && withinReach(actor, entry.jurisdiction))
      return allow('administrator');
    return hasAnyRole(actor, DIRECTORY_KEEPERS) ? deny('foreign_jurisdiction') : deny('role');
  },
  scope(actor, action) {
    if (action === 'directory.view') return hasAnyRole(actor, ROLES) ? { kind: 'all' } : { kind: 'none' };
    const codes = new Set<JurisdictionCode>();
    if (hasAnyRole(actor, ['sysadmin']) && actor.jurisdiction === null) return { kind: 'all' };
    if (hasAnyRole(actor, DIRECTORY_KEEPERS) && actor.jurisdiction !== null) codes.add(actor.jurisdiction);
    return codes.size === 0 ? { kind: 'none' } : { kind: 'jurisdictions', codes: [...codes] };
  },
};

/** The rules of the directory module, registered with the engine in apps/server/src/policies.ts. */
export const directoryPolicies: readonly AnyResourcePolicy[] = [directoryEntryPolicy];
