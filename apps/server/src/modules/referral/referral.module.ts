import type { ServerModule } from '../../platform/module.ts';
import { referralRoutes } from './referral.routes.ts';
import { referralPolicies } from './referral.policy.ts';
import { REFERRAL_ERRORS } from './referral.errors.ts';
import { startReminderTimer } from './referral.timer.ts';

/** What this module brings to the server; listed in src/modules.ts. */
export const referralModule: ServerModule = {
  name: 'referral',
  routes: [referralRoutes],
  policies: referralPolicies,
  errors: REFERRAL_ERRORS,
  // Reflection periods ending, acknowledgements overdue: hourly.
  timers: [(db, report) => startReminderTimer(db, report)],
};
