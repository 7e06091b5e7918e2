import { registerPolicies } from './platform/policy/index.ts';
import { auditPolicies } from './modules/audit/audit.policy.ts';
import { casesPolicies } from './modules/cases/cases.policy.ts';
import { entitiesPolicies } from './modules/entities/entities.policy.ts';
import { indicatorsPolicies } from './modules/indicators/indicators.policy.ts';
import { mePolicies } from './modules/me/me.policy.ts';
import { organisationPolicies } from './modules/organisation/organisation.policy.ts';
import { personsPolicies } from './modules/persons/persons.policy.ts';
import { referralPolicies } from './modules/referral/referral.policy.ts';
import { screeningsPolicies } from './modules/screenings/screenings.policy.ts';
import { statisticsPolicies } from './modules/statistics/statistics.policy.ts';
import { usersPolicies } from './modules/users/users.policy.ts';

/*
 * The one place the modules' rules join the policy engine: one line per module that has a
 * `<name>.policy.ts`. This file registers them when it is first evaluated, and an ES module is
 * evaluated once, so there is no second registration (the engine refuses one). Everything that
 * decides imports it before it serves: the HTTP app (app.ts), the package entry the command line
 * uses (index.ts), the test suites (testing/register-policies.ts, a vitest setup file) and the
 * policy tables (platform/policy/policy-table.testing.ts). Asking about a type nobody registered
 * throws "No policy registered for '<type>'".
 */
registerPolicies(organisationPolicies);
registerPolicies(usersPolicies);
registerPolicies(mePolicies);
registerPolicies(auditPolicies);
registerPolicies(casesPolicies);
registerPolicies(entitiesPolicies);
registerPolicies(indicatorsPolicies);
registerPolicies(screeningsPolicies);
registerPolicies(personsPolicies);
registerPolicies(referralPolicies);
registerPolicies(statisticsPolicies);
