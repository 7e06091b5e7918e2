import type { ServerModule } from '../../platform/module.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { indicatorsPolicies } from './indicators.policy.ts';
import { INDICATORS_ERRORS } from './indicators.errors.ts';
import { ensureDefaultInstruments } from './indicators.seed.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const indicatorsModule: ServerModule = {
  name: 'indicators',
  routes: [indicatorRoutes],
  policies: indicatorsPolicies,
  errors: INDICATORS_ERRORS,
  // Every database holds the shipped indicator library.
  prepare: ensureDefaultInstruments,
};
