import type { FastifyReply } from 'fastify';
import type { ErrorCode, FieldProblem, Problem } from '@veza/shared';
import { STATUS_BY_CODE } from '../errors.ts';

/** English titles; the web app shows its own translation of `code`, so these are for API users. */
const TITLES: Readonly<Record<ErrorCode, string>> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'E-mail, password or code not accepted',
  totp_required: 'Two-factor code required',
  totp_enrolment_required: 'Two-factor authentication must be set up first',
  totp_invalid: 'The two-factor code is not valid',
  password_change_required: 'The password must be changed first',
  password_incorrect: 'The current password is not correct',
  password_too_weak: 'The new password is too weak',
  password_reused: 'The new password must differ from the current one',
  csrf_failed: 'Missing or wrong CSRF token',
  rate_limited: 'Too many requests',
  not_found: 'Not found',
  forbidden: 'Not allowed',
  justification_required: 'A justification is required',
  email_taken: 'The e-mail address is already in use',
  name_taken: 'The name is already in use',
  conflict: 'Conflict with the current state',
  last_administrator: 'The last active administrator cannot be removed or disabled',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  internal_error: 'Internal error',
  consent_missing: 'No consent of the person in force for this recipient',
  referral_transition_refused: 'The referral cannot move to that status from its current one',
  sync_conflict: 'Changed by someone else since the revision you started from',
  unreadable_file: 'The file cannot be read as CSV, XLSX or FollowTheMoney JSON lines',
  uri_too_long: 'The address or one of its parameters is too long',
  storage_full: 'The database has no disk space left; nothing was saved',
  database_busy: 'The database is busy; try again shortly',
  not_ready: 'The server is not ready to serve requests',
};

export function problemOf(
  code: ErrorCode,
  options: { detail?: string; errors?: FieldProblem[] } = {},
): Problem {
  const problem: Problem = {
    // A URN, not a web address: Veza owns no domain, and a problem type must not point at someone else's.
    type: `urn:veza:problem:${code.replaceAll('_', '-')}`,
    title: TITLES[code],
    status: STATUS_BY_CODE[code],
    code,
  };
  if (options.detail !== undefined) problem.detail = options.detail;
  if (options.errors !== undefined) problem.errors = options.errors;
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
