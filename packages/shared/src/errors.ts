/**
 * Stable error codes. The server answers problem+json with one of these in `code`; the web app shows
 * the translated message `errors.<code>` for it. Each module adds its own codes here.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'totp_required',
  'totp_enrolment_required',
  'totp_invalid',
  'password_change_required',
  'password_incorrect',
  'password_too_weak',
  'password_reused',
  'csrf_failed',
  'rate_limited',
  'not_found',
  'forbidden',
  'justification_required',
  'email_taken',
  'name_taken',
  'conflict',
  'last_administrator',
  'payload_too_large',
  'unsupported_media_type',
  'internal_error',
  // Screenings synchronised late: a field changed by someone else meanwhile.
  'sync_conflict',
  // Referral
  'consent_missing',
  'referral_transition_refused',
  // Import: a file that is neither CSV, XLSX nor FollowTheMoney JSON lines, or is damaged.
  'unreadable_file',
  // Platform: the request line or a path parameter is longer than the server accepts.
  'uri_too_long',
  // Platform: the database's disk is full; nothing was written. Answers again once space returns.
  'storage_full',
  // Platform: the embedded database is busy; the request did not start within the queue's wait.
  'database_busy',
  // Platform: readiness; the database is unreachable, migrations are behind or disk space is low.
  'not_ready',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Field-problem codes the server reports beside zod's issue codes; the UI translates each as
 * `validation.<code>`.
 */
export const FIELD_PROBLEM_CODES = [
  // A text holds the NUL character (U+0000), which no database text column can store.
  'nul_character',
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
