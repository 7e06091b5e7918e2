import type { AuthErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of signing in; the codes
 * themselves are in packages/shared/src/errors/auth.ts, where the web app finds them.
 */
export const AUTH_ERRORS: ModuleErrors<AuthErrorCode> = {
  invalid_credentials: { status: 401, title: 'E-mail, password or code not accepted' },
  totp_required: { status: 401, title: 'Two-factor code required' },
};
