import type { Queryable } from '@veza/db';
import type { JurisdictionCode } from '@veza/shared';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Resource } from '../../platform/policy/index.ts';
import { findPerson, openReferralsOf, type PersonRow } from './persons.repository.ts';

export type VictimResource = Extract<Resource, { type: 'victim' }>;

export function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

export async function victimResource(q: Queryable, row: PersonRow): Promise<VictimResource> {
  const open = await openReferralsOf(q, row.id);
  return {
    type: 'victim',
    id: row.id,
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
    unitId: row.unitId,
    referrals: open.map((r) => ({
      agencyId: r.agencyId,
      toJurisdiction: (r.toJurisdiction as JurisdictionCode | null) ?? null,
      sharedScope: r.sharedScope,
    })),
  };
}

/**
 * The policy resource of a person, for other modules (referral, documents): null when there is no
 * such person. Referrals with status sent or later open the person to their receivers.
 */
export async function loadPersonResource(q: Queryable, personId: string): Promise<VictimResource | null> {
  const row = await findPerson(q, personId);
  return row ? victimResource(q, row) : null;
}

const JUSTIFICATION_SCOPES = (personId: string) => [`person:${personId}`, 'session'];

/** LED art. 25: consulting who a person is needs a reason, given for this person or for the session. */
export function justificationFor(ctx: RequestContext, personId: string): string {
  const scopes = JUSTIFICATION_SCOPES(personId);
  for (const scope of scopes) {
    const text = ctx.justifications.get(scope);
    if (text) return text;
  }
  throw new AppError('justification_required', { details: { scopes } });
}
