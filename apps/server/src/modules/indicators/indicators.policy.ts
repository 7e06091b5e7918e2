import type { Action, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourceOf, ResourcePolicy } from '../../platform/policy/types.ts';

/** A screening instrument (`veza.full` ...); absent id: the library as a whole. */
export interface InstrumentResource {
  type: 'instrument';
  instrumentId?: string;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    instrument: InstrumentResource;
  }
}

/**
 * Who screens people for signs of trafficking: front-line police (officer) and their supervisors,
 * NGO caseworkers doing outreach, and national coordinators, whose offices take part in
 * identification. An assessment stores nothing, but least privilege still leaves out roles that have
 * no screening duty: analysts, prosecutors and judges work on cases, trainers on courses (they get
 * the indicators through the training module), DPOs and administrators on the system.
 */
export const SCREENING_ROLES: readonly Role[] = [
  'officer',
  'supervisor',
  'ngo_caseworker',
  'national_coordinator',
];

/** National coordinators edit the indicator library by publishing a new version. */
export const INSTRUMENT_PUBLISHER_ROLES: readonly Role[] = ['national_coordinator'];

/** Indicator instruments: public-sourced, not personal data, shared by the whole region. */
export const instrumentPolicy: ResourcePolicy<'instrument'> = {
  type: 'instrument',
  actions: ['screening.assess', 'instrument.view', 'instrument.publish'],
  // That an instrument exists is no secret: a refusal answers "forbidden".
  visibility: null,
  identify: (resource) => (resource.instrumentId === undefined ? {} : { recordId: resource.instrumentId }),
  decide(actor: Actor, action: Action, _resource: ResourceOf<'instrument'>): Decision {
    const roles = action === 'instrument.publish' ? INSTRUMENT_PUBLISHER_ROLES : SCREENING_ROLES;
    return hasAnyRole(actor, roles) ? allow('role') : deny('role');
  },
  scope(actor, action) {
    const roles = action === 'instrument.publish' ? INSTRUMENT_PUBLISHER_ROLES : SCREENING_ROLES;
    return hasAnyRole(actor, roles) ? { kind: 'all' } : { kind: 'none' };
  },
};

/** The rules of the indicators module, registered with the engine in apps/server/src/policies.ts. */
export const indicatorsPolicies: readonly AnyResourcePolicy[] = [instrumentPolicy];
