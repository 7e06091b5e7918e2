import type { CasesErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of cases and their teams; the codes
 * themselves are in packages/shared/src/errors/cases.ts, where the web app finds them.
 */
export const CASES_ERRORS: ModuleErrors<CasesErrorCode> = {
  last_case_owner: { status: 409, title: 'The last owner cannot leave the team' },
  join_request_pending: { status: 409, title: 'A request of yours to join is already waiting' },
  already_decided: { status: 409, title: 'Already decided or corrected' },
};
