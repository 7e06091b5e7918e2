import type { ServerModule } from '../../platform/module.ts';
import { notificationRoutes } from './notifications.routes.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const notificationsModule: ServerModule = {
  name: 'notifications',
  routes: [notificationRoutes],
};
