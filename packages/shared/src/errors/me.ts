/** Codes of modules/me: the signed-in user's own password and two-factor authentication. */
export const ME_ERROR_CODES = [
  'totp_invalid',
  'password_incorrect',
  'password_too_weak',
  'password_reused',
  'totp_already_on',
  'totp_setup_not_started',
  'administrator_keeps_totp',
] as const;
export type MeErrorCode = (typeof ME_ERROR_CODES)[number];
