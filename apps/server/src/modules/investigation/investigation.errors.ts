import type { FieldProblem } from '@veza/shared';
import { AppError } from '../../platform/errors.ts';

/**
 * A case the actor may not see is `not_found`, a second decision on one request or a second
 * correction of one statement is `already_decided`, and a body naming what does not exist is
 * `validation_failed` with the field. Statuses: modules/cases/cases.errors.ts and its neighbours.
 */
export function invalidInvestigationInput(problems: FieldProblem[]): AppError {
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
