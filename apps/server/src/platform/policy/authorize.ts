import type { Action } from '@veza/shared';
import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { decide, policyFor } from './engine.ts';
import type { Resource } from './types.ts';

/**
 * Refuses the action unless the policy allows it. A refusal about a record the actor may not know
 * exists answers "not found", never "forbidden", so that probing ids reveals nothing; the deferred
 * audit record is written by the HTTP layer after the rollback, so every denial is logged.
 */
export function authorize(
  ctx: RequestContext,
  action: Action,
  resource: Resource,
  options: { hidden?: boolean } = {},
): void {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated');
  const decision = decide(actor, action, resource);
  if (decision.allowed) return;
  const visibility = policyFor(resource.type).visibility;
  const hidden = options.hidden ?? (visibility !== null && !decide(actor, visibility, resource).allowed);
  const { recordId, subjectId } = identify(resource);
  throw new AppError(hidden ? 'not_found' : 'forbidden', {
    audit: {
      operation: 'denial',
      action,
      recordType: resource.type,
      ...(recordId !== undefined && { recordId }),
      ...(subjectId !== undefined && { subjectId }),
      details: { reason: decision.reason },
    },
  });
}

function identify(resource: Resource): { recordId?: string; subjectId?: string } {
  switch (resource.type) {
    case 'user':
      return { recordId: resource.userId, subjectId: resource.userId };
    case 'case':
      return { recordId: resource.id };
    case 'person':
      return { recordId: resource.id, subjectId: resource.id };
    case 'organisation':
      return resource.agencyId === undefined ? {} : { recordId: resource.agencyId };
    case 'audit':
      return resource.jurisdiction === null ? {} : { recordId: resource.jurisdiction };
    case 'instrument':
      return resource.instrumentId === undefined ? {} : { recordId: resource.instrumentId };
    case 'screening':
      return { recordId: resource.id };
    case 'victim':
      return { recordId: resource.id, subjectId: resource.id };
    case 'provider':
      return resource.id === undefined ? {} : { recordId: resource.id };
    case 'referral':
      return { ...(resource.id !== undefined && { recordId: resource.id }), subjectId: resource.personId };
    case 'statistics':
      return resource.jurisdiction === null ? {} : { recordId: resource.jurisdiction };
  }
}
