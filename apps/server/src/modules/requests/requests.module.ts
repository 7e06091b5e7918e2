import type { ServerModule } from '../../platform/module.ts';
import { requestsRoutes } from './requests.routes.ts';
import { requestsPolicies } from './requests.policy.ts';
import { REQUESTS_ERRORS } from './requests.errors.ts';
import { requestsInbound } from './requests.inbound.ts';
import { startRequestClock } from './requests.timer.ts';
import { requestDeadlines } from './requests.calendar.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const requestsModule: ServerModule = {
  name: 'requests',
  routes: [requestsRoutes],
  policies: requestsPolicies,
  errors: REQUESTS_ERRORS,
  inbound: requestsInbound,
  // The deadlines' notices (50 %, 80 %, breach): every minute.
  timers: [(db, report) => startRequestClock(db, report)],
  // Answer deadlines in the calendar feeds of the SPOC's cooperation officers (modules/calendar).
  calendarEvents: requestDeadlines,
};
