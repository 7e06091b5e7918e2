import type { ServerModule } from '../../platform/module.ts';
import { chartRoutes } from './chart.routes.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const chartModule: ServerModule = {
  name: 'chart',
  routes: [chartRoutes],
};
