export { referralModule } from './referral.module.ts';
export { referralRoutes } from './referral.routes.ts';
export { runReferralReminders } from './referral.reminders.ts';
export { seedDemoProviders } from './referral.seed.ts';
export { startReminderTimer, REMINDER_INTERVAL_MS } from './referral.timer.ts';
export {
  findProvider,
  findReferral,
  OPEN_REFERRAL_STATUSES,
  openReferralReach,
  providerExists,
  referralsInPeriod,
} from './referral.repository.ts';
