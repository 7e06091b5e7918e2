import type { ServerModule } from '../../platform/module.ts';
import { statisticsRoutes } from './statistics.routes.ts';
import { statisticsPolicies } from './statistics.policy.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const statisticsModule: ServerModule = {
  name: 'statistics',
  routes: [statisticsRoutes],
  policies: statisticsPolicies,
};
