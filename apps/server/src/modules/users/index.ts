export { userRoutes } from './users.routes.ts';
export {
  clearTotp,
  displayNames,
  enableTotp,
  recordFailedAttempt,
  recordSuccessfulSignIn,
  savePendingTotpSecret,
  updateLanguage,
  updatePassword,
} from './users.account.repository.ts';
