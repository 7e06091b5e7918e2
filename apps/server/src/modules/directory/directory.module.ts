import type { ServerModule } from '../../platform/module.ts';
import { DIRECTORY_ERRORS } from './directory.errors.ts';
import { directoryPolicies } from './directory.policy.ts';
import { directoryRoutes } from './directory.routes.ts';
import { startDirectoryReminderTimer } from './directory.timer.ts';

/** What the directory of contact points brings to the server; listed in src/modules.ts. */
export const directoryModule: ServerModule = {
  name: 'directory',
  routes: [directoryRoutes],
  policies: directoryPolicies,
  errors: DIRECTORY_ERRORS,
  // Entries not confirmed for six months: their keepers are reminded hourly (once per period).
  timers: [(db, report) => startDirectoryReminderTimer(db, report)],
};
