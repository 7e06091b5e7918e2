import type { ServerModule } from '../../platform/module.ts';
import { caseRoutes } from './cases.routes.ts';
import { casesPolicies } from './cases.policy.ts';
import { CASES_ERRORS } from './cases.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const casesModule: ServerModule = {
  name: 'cases',
  routes: [caseRoutes],
  policies: casesPolicies,
  errors: CASES_ERRORS,
};
