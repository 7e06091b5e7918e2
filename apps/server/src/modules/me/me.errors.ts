import type { MeErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of the signed-in user's own account; the codes
 * themselves are in packages/shared/src/errors/me.ts, where the web app finds them.
 */
export const ME_ERRORS: ModuleErrors<MeErrorCode> = {
  totp_invalid: { status: 400, title: 'The two-factor code is not valid' },
  password_incorrect: { status: 400, title: 'The current password is not correct' },
  password_too_weak: { status: 400, title: 'The new password is too weak' },
  password_reused: { status: 400, title: 'The new password must differ from the current one' },
  totp_already_on: { status: 409, title: 'Two-factor authentication is already on' },
  totp_setup_not_started: { status: 409, title: 'Start the two-factor set-up first' },
  administrator_keeps_totp: { status: 403, title: 'Administrators must keep two-factor authentication' },
};
