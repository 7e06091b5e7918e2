export { usersModule } from './users.module.ts';
export { userRoutes } from './users.routes.ts';
export {
  clearTotp,
  displayNames,
  enableTotp,
  lastSignInOf,
  namesWithUnits,
  recordFailedAttempt,
  recordSuccessfulSignIn,
  savePendingTotpSecret,
  updateLanguage,
  updatePassword,
  userExists,
} from './users.account.repository.ts';
