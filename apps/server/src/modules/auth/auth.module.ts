import type { ServerModule } from '../../platform/module.ts';
import { authRoutes } from './auth.routes.ts';
import { AUTH_ERRORS } from './auth.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const authModule: ServerModule = {
  name: 'auth',
  routes: [authRoutes],
  errors: AUTH_ERRORS,
};
