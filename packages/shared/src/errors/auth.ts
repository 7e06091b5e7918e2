/** Codes of modules/auth: signing in. */
export const AUTH_ERROR_CODES = ['invalid_credentials', 'totp_required'] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];
