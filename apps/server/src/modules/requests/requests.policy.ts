import type { Action, JurisdictionCode, RequestSide, RequestStatus, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole, isRegional } from '../../platform/policy/roles.ts';
import { REGIONAL_STATISTICS_ROLES } from '../statistics/index.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type {
  AnyResourcePolicy,
  Decision,
  JurisdictionScope,
  ResourcePolicy,
  ScopePart,
} from '../../platform/policy/types.ts';

/**
 * One side's record of an information request. `holderUnitId` is the unit of this installation that
 * holds it: the requesting unit on the requesting side, the single point of contact (or the unit the
 * request named) on the requested side.
 */
export interface InformationRequestResource {
  type: 'information_request';
  id?: string;
  side: RequestSide;
  status: RequestStatus;
  /** The jurisdiction whose record this is (from on the requesting side, to on the requested side). */
  holderJurisdiction: JurisdictionCode;
  holderUnitId: string;
  /** Requesting side: whether its SPOC keeps a copy (false when an art. 4(2) exception is recorded). */
  spocCopy: boolean;
}

/** Counts of requests per pair of jurisdictions: of one jurisdiction's pairs, or of all (null). */
export interface RequestStatisticsResource {
  type: 'request_statistics';
  jurisdiction: JurisdictionCode | null;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    information_request: InformationRequestResource;
    request_statistics: RequestStatisticsResource;
  }
}

/** Who asks another jurisdiction for information: investigators, their supervisors, prosecutors, the SPOC. */
export const REQUESTER_ROLES: readonly Role[] = [
  'officer',
  'analyst',
  'supervisor',
  'prosecutor',
  'cooperation_officer',
];

/** Who answers for a jurisdiction: the international police cooperation officers of its SPOC. */
export const HANDLER_ROLES: readonly Role[] = ['cooperation_officer'];

/** Statuses in which the requested side still owes an answer. */
const OPEN: ReadonlySet<RequestStatus> = new Set(['sent', 'received', 'in_progress']);
const HANDLING: ReadonlySet<RequestStatus> = new Set(['received', 'in_progress']);
/** A partial answer may be followed by another answer, partial or full. */
const ANSWERABLE: ReadonlySet<RequestStatus> = new Set([...HANDLING, 'answered_partly']);

/**
 * The sides a list scope reaches a record by (`ScopePart.via`): 'requesting' and 'requested' records,
 * by their holding unit (`units`) or holding jurisdiction (`jurisdictions`), and 'requesting_copy':
 * requesting records whose SPOC keeps a copy (no art. 4(2) exception).
 */
const part = (via: RequestSide | 'requesting_copy', scope: ScopePart['scope']): ScopePart => ({ via, scope });

/** Of the record's holding unit, in the role's own jurisdiction. */
function ofHolderUnit(actor: Actor, request: InformationRequestResource, roles: readonly Role[]): boolean {
  return (
    actor.jurisdiction === request.holderJurisdiction &&
    actor.unitId === request.holderUnitId &&
    hasAnyRole(actor, roles)
  );
}

/**
 * The SPOC of the requesting jurisdiction keeps a copy of every request its units send (art. 4(1)),
 * unless the sender recorded one of the exceptions of art. 4(2).
 */
function requestersSpoc(actor: Actor, request: InformationRequestResource): boolean {
  return (
    request.side === 'requesting' &&
    request.spocCopy &&
    actor.jurisdiction === request.holderJurisdiction &&
    hasAnyRole(actor, HANDLER_ROLES)
  );
}

function decideRequest(actor: Actor, action: Action, request: InformationRequestResource): Decision {
  if (actor.jurisdiction === null) return deny('regional');
  if (actor.jurisdiction !== request.holderJurisdiction) return deny('foreign_jurisdiction');
  const requesting = request.side === 'requesting';
  const author = requesting && ofHolderUnit(actor, request, REQUESTER_ROLES);
  // A supervisor of the SPOC sees what the unit handles (the breach notices go to them), and acts not.
  const handler = !requesting && ofHolderUnit(actor, request, HANDLER_ROLES);
  const overseer = !requesting && ofHolderUnit(actor, request, ['supervisor']);
  switch (action) {
    case 'request.view':
      if (author) return allow('requesting_unit');
      if (requestersSpoc(actor, request)) return allow('requesting_spoc');
      if (handler || overseer) return allow('requested_spoc');
      return deny('not_involved');
    case 'request.create':
    case 'request.send':
      if (!author) return deny('not_requesting_unit');
      return request.status === 'drafted' ? allow('requesting_unit') : deny('status');
    case 'request.withdraw':
      if (!author && !requestersSpoc(actor, request)) return deny('not_requesting_side');
      return request.status === 'drafted' || OPEN.has(request.status)
        ? allow('requesting_side')
        : deny('status');
    case 'request.start':
      if (!handler) return deny('not_requested_spoc');
      return request.status === 'received' ? allow('requested_spoc') : deny('status');
    case 'request.delay':
    case 'request.refuse':
      if (!handler) return deny('not_requested_spoc');
      return HANDLING.has(request.status) ? allow('requested_spoc') : deny('status');
    case 'request.answer':
      if (!handler) return deny('not_requested_spoc');
      return ANSWERABLE.has(request.status) ? allow('requested_spoc') : deny('status');
    default:
      return deny('not_applicable');
  }
}

/**
 * Information requests: need to know by side. The requesting unit and its jurisdiction's SPOC see the
 * requesting side's record; the requested SPOC unit (its cooperation officers, and supervisors who
 * read only) sees the requested side's. Nobody else learns that a request exists, and no record is
 * readable from the other jurisdiction: each side has its own.
 */
export const informationRequestPolicy: ResourcePolicy<'information_request'> = {
  type: 'information_request',
  actions: [
    'request.view',
    'request.create',
    'request.send',
    'request.withdraw',
    'request.start',
    'request.delay',
    'request.answer',
    'request.refuse',
  ],
  visibility: 'request.view',
  identify: (resource) => (resource.id === undefined ? {} : { recordId: resource.id }),
  decide: decideRequest,
  scope(actor, action): JurisdictionScope {
    if (actor.jurisdiction === null) return { kind: 'none' };
    const units = { kind: 'units' as const, unitIds: [actor.unitId] };
    if (action === 'request.view') {
      const parts: ScopePart[] = [];
      if (hasAnyRole(actor, REQUESTER_ROLES)) parts.push(part('requesting', units));
      if (hasAnyRole(actor, HANDLER_ROLES))
        parts.push(part('requesting_copy', { kind: 'jurisdictions', codes: [actor.jurisdiction] }));
      if (hasAnyRole(actor, [...HANDLER_ROLES, 'supervisor'])) parts.push(part('requested', units));
      return parts.length === 0 ? { kind: 'none' } : { kind: 'union', parts };
    }
    if (action === 'request.create') return hasAnyRole(actor, REQUESTER_ROLES) ? units : { kind: 'none' };
    if (action === 'request.answer') return hasAnyRole(actor, HANDLER_ROLES) ? units : { kind: 'none' };
    return { kind: 'none' };
  },
};

/** The SPOC's officers and the national coordinators report on their jurisdiction's exchanges. */
const NATIONAL_REQUEST_STATISTICS_ROLES: readonly Role[] = ['cooperation_officer', 'national_coordinator'];

/**
 * Request statistics: counts only, each figure about fewer than 11 requests withheld. A jurisdiction's
 * SPOC officers and national coordinators see the pairs their jurisdiction is part of; the regional
 * roles the statistics module allows (REGIONAL_STATISTICS_ROLES) see every pair.
 */
export const requestStatisticsPolicy: ResourcePolicy<'request_statistics'> = {
  type: 'request_statistics',
  actions: ['request.statistics'],
  // That such counts exist is no secret: a refusal answers "forbidden".
  visibility: null,
  identify: (resource) => (resource.jurisdiction === null ? {} : { recordId: resource.jurisdiction }),
  decide(actor, _action, resource): Decision {
    if (isRegional(actor))
      return hasAnyRole(actor, REGIONAL_STATISTICS_ROLES) ? allow('regional_reporting') : deny('role');
    if (!hasAnyRole(actor, NATIONAL_REQUEST_STATISTICS_ROLES)) return deny('role');
    return resource.jurisdiction === actor.jurisdiction
      ? allow('national_reporting')
      : deny('foreign_jurisdiction');
  },
  scope(actor): JurisdictionScope {
    if (isRegional(actor))
      return hasAnyRole(actor, REGIONAL_STATISTICS_ROLES) ? { kind: 'all' } : { kind: 'none' };
    if (actor.jurisdiction === null || !hasAnyRole(actor, NATIONAL_REQUEST_STATISTICS_ROLES))
      return { kind: 'none' };
    return { kind: 'jurisdictions', codes: [actor.jurisdiction] };
  },
};

export const requestsPolicies: readonly AnyResourcePolicy[] = [
  informationRequestPolicy,
  requestStatisticsPolicy,
];
