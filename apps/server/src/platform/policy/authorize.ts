import type { Action } from '@veza/shared';
import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { decide, identify, policyFor } from './engine.ts';
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
