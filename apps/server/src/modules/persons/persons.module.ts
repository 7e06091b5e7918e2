import type { ServerModule } from '../../platform/module.ts';
import { personRoutes } from './persons.routes.ts';
import { personsPolicies } from './persons.policy.ts';
import { PERSONS_ERRORS } from './persons.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const personsModule: ServerModule = {
  name: 'persons',
  routes: [personRoutes],
  policies: personsPolicies,
  errors: PERSONS_ERRORS,
};
