/** Codes of modules/users: accounts managed by administrators. */
export const USERS_ERROR_CODES = ['email_taken', 'last_administrator'] as const;
export type UsersErrorCode = (typeof USERS_ERROR_CODES)[number];
