import type { Action, JurisdictionCode, ReferralStatus, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole, OPERATIONAL_ROLES, withinReach } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type {
  AnyResourcePolicy,
  Decision,
  JurisdictionScope,
  ResourcePolicy,
  ScopePart,
} from '../../platform/policy/types.ts';

/**
 * A referral of a person: who sent it (unit, jurisdiction) and who receives it (the provider's
 * agency, or another jurisdiction's coordinators). `status` decides what may happen next.
 */
export interface ReferralResource {
  type: 'referral';
  id?: string;
  personId: string;
  kind: 'national' | 'transnational';
  status: string;
  fromJurisdiction: JurisdictionCode;
  fromUnitId: string;
  /** The provider's agency when it works in Veza; null when the provider is outside. */
  providerAgencyId: string | null;
  toJurisdiction: JurisdictionCode | null;
}

/** A service provider of the referral directory (not personal data). */
export interface ProviderResource {
  type: 'provider';
  id?: string;
  jurisdiction: JurisdictionCode;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    referral: ReferralResource;
    provider: ProviderResource;
  }
}

/** Front-line roles that refer the people of their unit. */
export const REFERRING_ROLES: readonly Role[] = ['officer', 'supervisor'];

/** Statuses in which a referral has reached its receiver: before sending, it is the sender's draft. */
export const RECEIVED_STATUSES: readonly ReferralStatus[] = [
  'sent',
  'accepted',
  'declined',
  'in_service',
  'closed',
];
const RECEIVED: ReadonlySet<string> = new Set(RECEIVED_STATUSES);

/**
 * The sides of a referral a list scope reaches it by (`ScopePart.via`):
 * - 'sender': `units` are the unit that made it, `jurisdictions` the jurisdiction it was made in;
 * - 'receiver': once received (RECEIVED_STATUSES), `agencies` are the provider's agency of a national
 *   referral, `jurisdictions` the receiving jurisdiction of a transnational one.
 */
export type ReferralSide = 'sender' | 'receiver';

const part = (via: ReferralSide, scope: ScopePart['scope']): ScopePart => ({ via, scope });

/**
 * The sending side: officers and supervisors of the unit that made the referral, and the national
 * coordinator of its jurisdiction, who oversees every referral made there.
 */
function isSender(actor: Actor, referral: ReferralResource): boolean {
  if (hasAnyRole(actor, REFERRING_ROLES) && actor.unitId === referral.fromUnitId) return true;
  return hasAnyRole(actor, ['national_coordinator']) && actor.jurisdiction === referral.fromJurisdiction;
}

/**
 * The receiving side, once the referral was sent: the caseworkers of the provider's organisation
 * (national), or the national coordinators of the receiving jurisdiction (transnational).
 */
function isReceiver(actor: Actor, referral: ReferralResource): boolean {
  if (!RECEIVED.has(referral.status)) return false;
  if (referral.kind === 'national') {
    return (
      referral.providerAgencyId !== null &&
      hasAnyRole(actor, ['ngo_caseworker']) &&
      actor.agencyId === referral.providerAgencyId
    );
  }
  return hasAnyRole(actor, ['national_coordinator']) && actor.jurisdiction === referral.toJurisdiction;
}

/**
 * A provider outside Veza cannot answer in the app: the sending side records its answer, given by
 * telephone or letter, so that the timeline stays whole.
 */
function answersForProvider(actor: Actor, referral: ReferralResource): boolean {
  return referral.kind === 'national' && referral.providerAgencyId === null && isSender(actor, referral);
}

function decideReferral(actor: Actor, action: Action, referral: ReferralResource): Decision {
  if (!hasAnyRole(actor, OPERATIONAL_ROLES)) return deny('role');
  const sender = isSender(actor, referral);
  const receiver = isReceiver(actor, referral);
  switch (action) {
    case 'referral.view':
      if (sender) return allow('sender');
      if (receiver) return allow('receiver');
      return deny(actor.jurisdiction === referral.fromJurisdiction ? 'not_involved' : 'foreign_jurisdiction');
    case 'referral.create':
    case 'referral.send':
      return sender ? allow('sender') : deny('not_sender');
    case 'referral.respond':
      if (receiver) return allow('receiver');
      return answersForProvider(actor, referral) ? allow('provider_outside') : deny('not_receiver');
    case 'referral.acknowledge':
      return referral.kind === 'transnational' && receiver ? allow('receiver') : deny('not_receiver');
    case 'referral.close':
      return sender || receiver ? allow(sender ? 'sender' : 'receiver') : deny('not_involved');
    default:
      return deny('not_applicable');
  }
}

/**
 * Referrals: need to know. The sending unit and its national coordinator, and once sent, the receiving
 * organisation or jurisdiction. Nobody else learns that a referral exists.
 */
export const referralPolicy: ResourcePolicy<'referral'> = {
  type: 'referral',
  actions: [
    'referral.view',
    'referral.create',
    'referral.send',
    'referral.respond',
    'referral.acknowledge',
    'referral.close',
  ],
  visibility: 'referral.view',
  identify: (resource) => ({
    ...(resource.id !== undefined && { recordId: resource.id }),
    subjectId: resource.personId,
  }),
  decide: decideReferral,
  scope(actor, action): JurisdictionScope {
    if (action === 'referral.view') return viewScope(actor);
    // Acknowledging is the receiving coordinators' duty for transnational referrals (the web app's
    // coordinator view is offered by this capability).
    if (action === 'referral.acknowledge') return acknowledgeScope(actor);
    if (!hasAnyRole(actor, OPERATIONAL_ROLES) || actor.jurisdiction === null) return { kind: 'none' };
    if (action === 'referral.create') {
      if (hasAnyRole(actor, ['national_coordinator']))
        return { kind: 'jurisdictions', codes: [actor.jurisdiction] };
      return hasAnyRole(actor, REFERRING_ROLES)
        ? { kind: 'units', unitIds: [actor.unitId] }
        : { kind: 'none' };
    }
    return { kind: 'none' };
  },
  // Referrals are national work: a regional member's list may hold their unit's referrals, but
  // the referral screens are no task of theirs in the navigation.
  isCapability(actor, action) {
    return actor.jurisdiction !== null && this.scope(actor, action).kind !== 'none';
  },
};

function acknowledgeScope(actor: Actor): JurisdictionScope {
  if (!hasAnyRole(actor, ['national_coordinator']) || actor.jurisdiction === null) return { kind: 'none' };
  return { kind: 'union', parts: [part('receiver', { kind: 'jurisdictions', codes: [actor.jurisdiction] })] };
}

/**
 * The referrals a list shows, by the same sides as `decide`: the sending unit's officers and
 * supervisors and the sending jurisdiction's coordinators; once received, the provider's NGO
 * caseworkers and the receiving jurisdiction's coordinators.
 */
function viewScope(actor: Actor): JurisdictionScope {
  const parts: ScopePart[] = [];
  const coordinator = hasAnyRole(actor, ['national_coordinator']) && actor.jurisdiction !== null;
  const codes = actor.jurisdiction === null ? [] : [actor.jurisdiction];
  if (hasAnyRole(actor, REFERRING_ROLES))
    parts.push(part('sender', { kind: 'units', unitIds: [actor.unitId] }));
  if (coordinator) parts.push(part('sender', { kind: 'jurisdictions', codes }));
  if (hasAnyRole(actor, ['ngo_caseworker']))
    parts.push(part('receiver', { kind: 'agencies', agencyIds: [actor.agencyId] }));
  if (coordinator) parts.push(part('receiver', { kind: 'jurisdictions', codes }));
  return parts.length === 0 ? { kind: 'none' } : { kind: 'union', parts };
}

/** Who edits the directory of a jurisdiction: its national coordinators and administrators. */
const DIRECTORY_EDITORS: readonly Role[] = ['national_coordinator', 'sysadmin'];

/** The directory is not personal data: every operational role reads every jurisdiction's directory. */
export const providerPolicy: ResourcePolicy<'provider'> = {
  type: 'provider',
  actions: ['provider.view', 'provider.manage'],
  visibility: null,
  identify: (resource) => (resource.id === undefined ? {} : { recordId: resource.id }),
  decide(actor, action, provider) {
    if (action === 'provider.view')
      return hasAnyRole(actor, [...OPERATIONAL_ROLES, 'sysadmin']) ? allow('role') : deny('role');
    if (!hasAnyRole(actor, DIRECTORY_EDITORS)) return deny('role');
    if (hasAnyRole(actor, ['national_coordinator']) && actor.jurisdiction === provider.jurisdiction)
      return allow('coordinator');
    if (hasAnyRole(actor, ['sysadmin']) && withinReach(actor, provider.jurisdiction))
      return allow('administrator');
    return deny('foreign_jurisdiction');
  },
  scope(actor, action) {
    if (action === 'provider.view')
      return hasAnyRole(actor, [...OPERATIONAL_ROLES, 'sysadmin']) ? { kind: 'all' } : { kind: 'none' };
    if (!hasAnyRole(actor, DIRECTORY_EDITORS)) return { kind: 'none' };
    if (actor.jurisdiction === null)
      return hasAnyRole(actor, ['sysadmin']) ? { kind: 'all' } : { kind: 'none' };
    return { kind: 'jurisdictions', codes: [actor.jurisdiction] };
  },
  // Administrators keep the directory through the API; it is no task of theirs in the navigation.
  isCapability(actor, action) {
    return action === 'provider.view'
      ? hasAnyRole(actor, OPERATIONAL_ROLES)
      : hasAnyRole(actor, ['national_coordinator']) && actor.jurisdiction !== null;
  },
};

/** The rules of the referral module, registered with the engine in apps/server/src/policies.ts. */
export const referralPolicies: readonly AnyResourcePolicy[] = [referralPolicy, providerPolicy];
