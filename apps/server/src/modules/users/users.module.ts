import type { ServerModule } from '../../platform/module.ts';
import { userRoutes } from './users.routes.ts';
import { usersPolicies } from './users.policy.ts';
import { USERS_ERRORS } from './users.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const usersModule: ServerModule = {
  name: 'users',
  routes: [userRoutes],
  policies: usersPolicies,
  errors: USERS_ERRORS,
};
