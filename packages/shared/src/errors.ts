import { AUTH_ERROR_CODES } from './errors/auth.ts';
import { CASES_ERROR_CODES } from './errors/cases.ts';
import { DIRECTORY_ERROR_CODES } from './errors/directory.ts';
import { EXCHANGE_ERROR_CODES } from './errors/exchange.ts';
import { INDICATORS_ERROR_CODES } from './errors/indicators.ts';
import { LINKAGE_ERROR_CODES } from './errors/linkage.ts';
import { ME_ERROR_CODES } from './errors/me.ts';
import { MESSAGES_ERROR_CODES } from './errors/messages.ts';
import { PERSONS_ERROR_CODES } from './errors/persons.ts';
import { REFERRAL_ERROR_CODES } from './errors/referral.ts';
import { REQUESTS_ERROR_CODES } from './errors/requests.ts';
import { SCREENINGS_ERROR_CODES } from './errors/screenings.ts';
import { USERS_ERROR_CODES } from './errors/users.ts';

export * from './errors/auth.ts';
export * from './errors/cases.ts';
export * from './errors/directory.ts';
export * from './errors/exchange.ts';
export * from './errors/indicators.ts';
export * from './errors/linkage.ts';
export * from './errors/me.ts';
export * from './errors/messages.ts';
export * from './errors/persons.ts';
export * from './errors/referral.ts';
export * from './errors/requests.ts';
export * from './errors/screenings.ts';
export * from './errors/users.ts';

/**
 * Stable error codes. The server answers problem+json with one of these in `code`; the web app shows
 * the translated message `errors.<code>` for it. The platform's generic codes are here; each module
 * declares its own in `errors/<module>.ts`, and the server's `modules/<module>/<module>.errors.ts`
 * gives each its HTTP status.
 */
export const PLATFORM_ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'totp_enrolment_required',
  'password_change_required',
  'csrf_failed',
  'rate_limited',
  'not_found',
  'forbidden',
  'justification_required',
  'name_taken',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'internal_error',
  // The request line or a path parameter is longer than the server accepts.
  'uri_too_long',
  // The database's disk is full; nothing was written. Answers again once space returns.
  'storage_full',
  // Readiness: the database is unreachable, migrations are behind or disk space is low.
  'not_ready',
] as const;
export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

/** Every code the server can send: the platform's and every module's (a code belongs to one of them). */
export const ERROR_CODES = [
  ...PLATFORM_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...ME_ERROR_CODES,
  ...USERS_ERROR_CODES,
  ...CASES_ERROR_CODES,
  ...LINKAGE_ERROR_CODES,
  ...EXCHANGE_ERROR_CODES,
  ...INDICATORS_ERROR_CODES,
  ...SCREENINGS_ERROR_CODES,
  ...PERSONS_ERROR_CODES,
  ...REFERRAL_ERROR_CODES,
  ...REQUESTS_ERROR_CODES,
  ...DIRECTORY_ERROR_CODES,
  ...MESSAGES_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Field-problem codes the server reports beside zod's issue codes; the UI translates each as
 * `validation.<code>`.
 */
export const FIELD_PROBLEM_CODES = [
  // A text holds the NUL character (U+0000), which no database text column can store.
  'nul_character',
  // Required in this case (an urgent request's reasons, a refusal's explanation).
  'required',
  // Information requests: a request to one's own jurisdiction, a date that must lie ahead, an answer
  // in neither the request's language nor English.
  'same_jurisdiction',
  'not_in_future',
  'answer_language',
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

/** Per-field problem inside a `validation_failed` answer; `code` is a zod issue code translated by the UI. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details as Veza answers them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: FieldProblem[];
}
