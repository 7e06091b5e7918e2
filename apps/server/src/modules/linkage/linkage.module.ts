import type { ServerModule } from '../../platform/module.ts';
import { linkageRoutes } from './linkage.suggestions.routes.ts';
import { LINKAGE_ERRORS } from './linkage.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const linkageModule: ServerModule = {
  name: 'linkage',
  routes: [linkageRoutes],
  errors: LINKAGE_ERRORS,
};
