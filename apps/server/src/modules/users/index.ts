export { usersModule } from './users.module.ts';
export { userRoutes } from './users.routes.ts';
export {
  clearTotp,
  displayNames,
  enableTotp,
  lastSignInOf,
  recordFailedAttempt,
  recordSuccessfulSignIn,
  savePendingTotpSecret,
  unitMembersWithRole,
  updateLanguage,
  updatePassword,
} from './users.account.repository.ts';
