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
  unitMembersWithRole,
  updateLanguage,
  updatePassword,
  userExists,
  unitsWithRole,
  userPlacements,
  usersInUnits,
} from './users.account.repository.ts';
