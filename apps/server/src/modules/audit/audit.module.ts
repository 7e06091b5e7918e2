import type { ServerModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { auditPolicies } from './audit.policy.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const auditModule: ServerModule = {
  name: 'audit',
  routes: [auditRoutes],
  policies: auditPolicies,
};
