import type { FastifyReply } from 'fastify';
import type { ErrorCode, FieldProblem, PlatformErrorCode, Problem } from '@veza/shared';
import { moduleTitles, statusByCode } from '../error-statuses.ts';

/**
 * English titles of the platform's codes (the modules' are beside their statuses); the web app shows
 * its own translation of `code`, so these are for API users.
 */
const PLATFORM_TITLES: Readonly<Record<PlatformErrorCode, string>> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  totp_enrolment_required: 'Two-factor authentication must be set up first',
  password_change_required: 'The password must be changed first',
  csrf_failed: 'Missing or wrong CSRF token',
  rate_limited: 'Too many requests',
  not_found: 'Not found',
  forbidden: 'Not allowed',
  justification_required: 'A justification is required',
  name_taken: 'The name is already in use',
  conflict: 'Conflict with the current state',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  internal_error: 'Internal error',
  uri_too_long: 'The address or one of its parameters is too long',
  storage_full: 'The database has no disk space left; nothing was saved',
  not_ready: 'The server is not ready to serve requests',
};

export function problemOf(
  code: ErrorCode,
  options: { detail?: string; errors?: FieldProblem[] } = {},
): Problem {
  const problem: Problem = {
    // A URN, not a web address: Veza owns no domain, and a problem type must not point at someone else's.
    type: `urn:veza:problem:${code.replaceAll('_', '-')}`,
    title: (PLATFORM_TITLES as Partial<Record<ErrorCode, string>>)[code] ?? moduleTitles()[code] ?? '',
    status: statusByCode()[code],
    code,
  };
  if (options.detail !== undefined) problem.detail = options.detail;
  if (options.errors !== undefined) problem.errors = options.errors;
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
