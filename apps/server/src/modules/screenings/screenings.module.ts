import type { ServerModule } from '../../platform/module.ts';
import { screeningRoutes } from './screenings.routes.ts';
import { screeningsPolicies } from './screenings.policy.ts';
import { SCREENINGS_ERRORS } from './screenings.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const screeningsModule: ServerModule = {
  name: 'screenings',
  routes: [screeningRoutes],
  policies: screeningsPolicies,
  errors: SCREENINGS_ERRORS,
};
