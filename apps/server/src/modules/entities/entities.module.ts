import type { ServerModule } from '../../platform/module.ts';
import { entityRoutes } from './entities.routes.ts';
import { edgeRoutes } from './entities.edges.routes.ts';
import { entitiesPolicies } from './entities.policy.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const entitiesModule: ServerModule = {
  name: 'entities',
  routes: [entityRoutes, edgeRoutes],
  policies: entitiesPolicies,
};
