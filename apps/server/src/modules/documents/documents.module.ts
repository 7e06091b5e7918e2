import type { ServerModule } from '../../platform/module.ts';
import { documentRoutes } from './documents.routes.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const documentsModule: ServerModule = {
  name: 'documents',
  routes: [documentRoutes],
};
