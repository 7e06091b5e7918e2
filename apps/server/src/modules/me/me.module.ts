import type { ServerModule } from '../../platform/module.ts';
import { meRoutes } from './me.routes.ts';
import { mePolicies } from './me.policy.ts';
import { ME_ERRORS } from './me.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const meModule: ServerModule = {
  name: 'me',
  routes: [meRoutes],
  policies: mePolicies,
  errors: ME_ERRORS,
};
