import type { Action, JurisdictionCode, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { hasAnyRole, isRegional } from '../../platform/policy/roles.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourceOf, ResourcePolicy } from '../../platform/policy/types.ts';

/** Statistics of one jurisdiction, or of all (null: the regional view). Counts only, never records. */
export interface StatisticsResource {
  type: 'statistics';
  jurisdiction: JurisdictionCode | null;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    statistics: StatisticsResource;
  }
}

/** National coordinators report their jurisdiction's figures (the national referral mechanism). */
const NATIONAL_STATISTICS_ROLES: readonly Role[] = ['national_coordinator'];
/** Regional and international analysts and coordinators (IOM, UNODC ...) compare all seven. */
export const REGIONAL_STATISTICS_ROLES: readonly Role[] = ['national_coordinator', 'analyst'];

/**
 * Who sees statistics. Figures are protected (k = 11, rounded) whoever asks, but even protected
 * counts of victims by nationality and age are not for every officer: least privilege keeps them to
 * the people whose job is reporting. A national analyst works on cases and gets no statistics; an
 * NGO, a trainer, a DPO or an administrator neither. Viewing and exporting follow the same rule; the
 * export is audited as a disclosure.
 */
export const statisticsPolicy: ResourcePolicy<'statistics'> = {
  type: 'statistics',
  actions: ['statistics.view', 'statistics.export'],
  // That statistics exist is no secret: a refusal answers "forbidden".
  visibility: null,
  identify: (resource) => (resource.jurisdiction === null ? {} : { recordId: resource.jurisdiction }),
  decide(actor: Actor, _action: Action, resource: ResourceOf<'statistics'>): Decision {
    if (isRegional(actor)) {
      return hasAnyRole(actor, REGIONAL_STATISTICS_ROLES) ? allow('regional_reporting') : deny('role');
    }
    if (!hasAnyRole(actor, NATIONAL_STATISTICS_ROLES)) return deny('role');
    return resource.jurisdiction === actor.jurisdiction
      ? allow('national_reporting')
      : deny('foreign_jurisdiction');
  },
  scope(actor) {
    if (isRegional(actor)) {
      return hasAnyRole(actor, REGIONAL_STATISTICS_ROLES) ? { kind: 'all' } : { kind: 'none' };
    }
    if (!hasAnyRole(actor, NATIONAL_STATISTICS_ROLES) || actor.jurisdiction === null) return { kind: 'none' };
    return { kind: 'jurisdictions', codes: [actor.jurisdiction] };
  },
};

/** The rules of the statistics module, registered with the engine in apps/server/src/policies.ts. */
export const statisticsPolicies: readonly AnyResourcePolicy[] = [statisticsPolicy];
