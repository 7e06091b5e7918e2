import type { UsersErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of accounts; the codes
 * themselves are in packages/shared/src/errors/users.ts, where the web app finds them.
 */
export const USERS_ERRORS: ModuleErrors<UsersErrorCode> = {
  email_taken: { status: 409, title: 'The e-mail address is already in use' },
  last_administrator: { status: 409, title: 'The last active administrator cannot be removed or disabled' },
};
