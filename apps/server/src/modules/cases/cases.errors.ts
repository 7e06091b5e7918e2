import type { FieldProblem } from '@veza/shared';
import { AppError } from '../../platform/errors.ts';

/**
 * The module reuses the shared codes: a case the actor may not see is `not_found`, a second
 * decision on one request or a second correction of one statement is `conflict`, and a body naming
 * what does not exist is `validation_failed` with the field.
 */
export function invalidCaseInput(problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', { fieldProblems: problems });
}

export function alreadyDecided(what: string): AppError {
  return new AppError('conflict', { message: `${what} was already decided or corrected` });
}

/** Why a case may not be passed on, in words an officer at a command line understands. */
export function disclosureRefused(reference: string, handlingCode: string): AppError {
  const why =
    handlingCode === 'H2'
      ? 'H2: it may not be passed on without the permission of the provider'
      : handlingCode === 'H3'
        ? 'H3: the provider restricted its use'
        : 'you may not disclose it';
  return new AppError('forbidden', { message: `Case ${reference} is handled under ${why}` });
}
