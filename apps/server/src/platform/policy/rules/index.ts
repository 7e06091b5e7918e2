import { auditPolicy } from './audit.policy.ts';
import { casePolicy } from './case.policy.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { personPolicy } from './person.policy.ts';
import { providerPolicy, referralPolicy } from './referral.policy.ts';
import { instrumentPolicy } from './screening.policy.ts';
import { statisticsPolicy } from './statistics.policy.ts';
import { screeningPolicy, victimPolicy } from './victim.policy.ts';
import { userPolicy } from './user.policy.ts';

/** The foundation's rules; each later module registers its own with `registerPolicy`. */
export const FOUNDATION_POLICIES = [
  organisationPolicy,
  userPolicy,
  auditPolicy,
  casePolicy,
  personPolicy,
  instrumentPolicy,
  screeningPolicy,
  victimPolicy,
  referralPolicy,
  providerPolicy,
  statisticsPolicy,
] as const;
