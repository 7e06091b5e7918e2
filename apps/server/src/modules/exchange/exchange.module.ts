import type { ServerModule } from '../../platform/module.ts';
import { exchangeRoutes } from './exchange.routes.ts';
import { EXCHANGE_ERRORS } from './exchange.errors.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const exchangeModule: ServerModule = {
  name: 'exchange',
  routes: [exchangeRoutes],
  errors: EXCHANGE_ERRORS,
};
