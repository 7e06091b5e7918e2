import type { ServerModule } from '../../platform/module.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { organisationPolicies } from './organisation.policy.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const organisationModule: ServerModule = {
  name: 'organisation',
  routes: [organisationRoutes],
  policies: organisationPolicies,
};
