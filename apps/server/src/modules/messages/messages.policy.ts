import type { Action, HandlingCode, JurisdictionCode, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type {
  AnyResourcePolicy,
  Decision,
  JurisdictionScope,
  ResourcePolicy,
} from '../../platform/policy/types.ts';

/**
 * One jurisdiction's record of a message. The parties are the sending and the receiving unit; a
 * party counts on this record only when its unit is of the record's own jurisdiction (the other
 * side's units are reached through their own record, never this one).
 */
export interface MessageResource {
  type: 'message';
  id?: string;
  holderJurisdiction: JurisdictionCode;
  fromJurisdiction: JurisdictionCode;
  fromUnitId: string;
  toJurisdiction: JurisdictionCode;
  toUnitId: string;
  providerUnitId: string;
  handlingCode: HandlingCode;
  /** A thread tied to a case of this side: whether the actor may see the case (null: no case here). */
  caseVisible: boolean | null;
  /** Whether the provider granted passing it on / using it in court. */
  forwardGranted: boolean;
  courtGranted: boolean;
  /** Forwarding: whether the new recipient is outside the message's own parties. */
  toOutsider?: boolean;
}

/** A recipient's request for the provider's permission, as one side keeps it. */
export interface MessagePermissionResource {
  type: 'message_permission';
  id?: string;
  holderJurisdiction: JurisdictionCode;
  /** asking | providing | local */
  side: string;
  /** The unit that answers: the provider of the message. */
  providerUnitId: string;
  status: string;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    message: MessageResource;
    message_permission: MessagePermissionResource;
  }
}

/** Who exchanges handling-coded messages: police investigators, their supervisors, prosecutors, the SPOC. */
export const MESSAGE_ROLES: readonly Role[] = [
  'officer',
  'analyst',
  'supervisor',
  'prosecutor',
  'cooperation_officer',
];

function isSender(actor: Actor, m: MessageResource): boolean {
  return m.fromJurisdiction === m.holderJurisdiction && actor.unitId === m.fromUnitId;
}
function isRecipient(actor: Actor, m: MessageResource): boolean {
  return m.toJurisdiction === m.holderJurisdiction && actor.unitId === m.toUnitId;
}
function isProvider(actor: Actor, m: MessageResource): boolean {
  return isSender(actor, m) && actor.unitId === m.providerUnitId;
}

function decideMessage(actor: Actor, action: Action, m: MessageResource): Decision {
  if (actor.jurisdiction === null) return deny('regional');
  if (actor.jurisdiction !== m.holderJurisdiction) return deny('foreign_jurisdiction');
  if (!hasAnyRole(actor, MESSAGE_ROLES)) return deny('role');
  const sender = isSender(actor, m);
  const recipient = isRecipient(actor, m);
  if (action === 'message.send') return sender ? allow('sending_unit') : deny('not_sending_unit');
  if (!sender && !recipient) return deny('not_a_party');
  // Least privilege: a thread about a case of this side is for those who may see the case.
  if (m.caseVisible === false) return deny('case_not_visible');
  switch (action) {
    case 'message.view':
      return allow(sender ? 'sending_unit' : 'receiving_unit');
    case 'message.acknowledge':
      return recipient && !sender ? allow('receiving_unit') : deny('not_receiving_unit');
    case 'message.forward':
      // H2: no onward sharing beyond the message's own parties without the provider's permission.
      if (m.handlingCode === 'H2' && m.toOutsider !== false && !m.forwardGranted && !isProvider(actor, m))
        return deny('handling_code');
      return allow(sender ? 'sending_unit' : 'receiving_unit');
    case 'message.permission.ask':
      return recipient && !isProvider(actor, m) ? allow('receiving_unit') : deny('not_receiving_unit');
    case 'message.use_in_court':
      // H1: not for court without the provider's permission; the provider uses its own freely.
      if (m.handlingCode === 'H1' && !m.courtGranted && !isProvider(actor, m)) return deny('handling_code');
      return allow(sender ? 'sending_unit' : 'receiving_unit');
    default:
      return deny('not_applicable');
  }
}

/**
 * Messages: need to know by party. Members of the sending and the receiving unit (and of a unit a
 * message was forwarded to, which holds a copy of its own) read it, in their own jurisdiction's
 * record; nobody else learns it exists (404), a third jurisdiction least of all.
 */
export const messagePolicy: ResourcePolicy<'message'> = {
  type: 'message',
  actions: [
    'message.view',
    'message.send',
    'message.acknowledge',
    'message.forward',
    'message.permission.ask',
    'message.use_in_court',
  ],
  visibility: 'message.view',
  identify: (resource) => (resource.id === undefined ? {} : { recordId: resource.id }),
  decide: decideMessage,
  scope(actor, action): JurisdictionScope {
    if (actor.jurisdiction === null || !hasAnyRole(actor, MESSAGE_ROLES)) return { kind: 'none' };
    if (action === 'message.view' || action === 'message.send')
      return { kind: 'units', unitIds: [actor.unitId] };
    return { kind: 'none' };
  },
};

/** The provider's unit answers a permission request of its side, once. */
export const messagePermissionPolicy: ResourcePolicy<'message_permission'> = {
  type: 'message_permission',
  actions: ['message.permission.answer'],
  visibility: 'message.permission.answer',
  identify: (resource) => (resource.id === undefined ? {} : { recordId: resource.id }),
  decide(actor, _action, p): Decision {
    if (actor.jurisdiction === null) return deny('regional');
    if (actor.jurisdiction !== p.holderJurisdiction) return deny('foreign_jurisdiction');
    if (!hasAnyRole(actor, MESSAGE_ROLES)) return deny('role');
    if (p.side === 'asking' || actor.unitId !== p.providerUnitId) return deny('not_provider');
    return p.status === 'pending' ? allow('provider') : deny('status');
  },
  scope(actor): JurisdictionScope {
    if (actor.jurisdiction === null || !hasAnyRole(actor, MESSAGE_ROLES)) return { kind: 'none' };
    return { kind: 'units', unitIds: [actor.unitId] };
  },
};

export const messagesPolicies: readonly AnyResourcePolicy[] = [messagePolicy, messagePermissionPolicy];
