import type { ServerModule } from '../../platform/module.ts';
import { calendarPolicies } from './calendar.policy.ts';
import { calendarRoutes } from './calendar.routes.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const calendarModule: ServerModule = {
  name: 'calendar',
  routes: [calendarRoutes],
  policies: calendarPolicies,
};
