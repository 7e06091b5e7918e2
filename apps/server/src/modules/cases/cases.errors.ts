import type { CasesErrorCode, FieldProblem } from '@veza/shared';
import { AppError, type ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of cases and their teams; the codes
 * themselves are in packages/shared/src/errors/cases.ts, where the web app finds them.
 */
export const CASES_ERRORS: ModuleErrors<CasesErrorCode> = {
  last_case_owner: { status: 409, title: 'The last owner cannot leave the team' },
  join_request_pending: { status: 409, title: 'A request of yours to join is already waiting' },
  already_decided: { status: 409, title: 'Already decided or corrected' },
};

/**
 * A case the actor may not see is `not_found`, a second decision on one request or a second
 * correction of one statement is `already_decided`, and a body naming what does not exist is
 * `validation_failed` with the field. Statuses: modules/cases/cases.errors.ts and its neighbours.
 */
export function invalidCaseInput(problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', { fieldProblems: problems });
}

export function alreadyDecided(what: string): AppError {
  return new AppError('already_decided', { message: `${what} was already decided or corrected` });
}

/** Why a case may not be passed on, in words an officer at a command line understands. */
export function disclosureRefused(reference: string, handlingCode: string): AppError {
  const why =
    handlingCode === 'H2'
      ? 'H2: it may not be passed on without the permission of the provider'
      : handlingCode === 'H3'
        ? 'H3: the provider restricted its use'
        : 'you may not disclose it';
  return new AppError('disclosure_refused', { message: `Case ${reference} is handled under ${why}` });
}
