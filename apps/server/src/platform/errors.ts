import type { ErrorCode, FieldProblem } from '@veza/shared';
import type { AuditedAction } from '@veza/shared';

/** What an audit record of a refused or failed attempt needs; written after the request's rollback. */
export interface DeferredAudit {
  operation: 'denial' | 'sign_in_failed';
  action: AuditedAction;
  recordType?: string;
  recordId?: string;
  subjectId?: string;
  subjectLabel?: string;
  details?: Record<string, unknown>;
}

/**
 * The one error type domain code throws. It names a stable code and never an HTTP status: the HTTP
 * layer maps codes to statuses (see http/problem.ts). `audit` is written in its own transaction after
 * the request's transaction has rolled back, so that denials are logged even though nothing else is.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly fieldProblems: FieldProblem[] | undefined;
  readonly audit: DeferredAudit | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      details?: Record<string, unknown>;
      fieldProblems?: FieldProblem[];
      audit?: DeferredAudit;
    } = {},
  ) {
    super(options.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.fieldProblems = options.fieldProblems;
    this.audit = options.audit;
  }
}

/** HTTP status per error code: exhaustive, so adding a code without a status does not compile. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_enrolment_required: 403,
  totp_invalid: 400,
  password_change_required: 403,
  password_incorrect: 400,
  password_too_weak: 400,
  password_reused: 400,
  csrf_failed: 403,
  rate_limited: 429,
  not_found: 404,
  forbidden: 403,
  justification_required: 428,
  email_taken: 409,
  name_taken: 409,
  conflict: 409,
  last_administrator: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
  sync_conflict: 409,
  consent_missing: 409,
  referral_transition_refused: 409,
  unreadable_file: 400,
  uri_too_long: 414,
  storage_full: 503,
  database_busy: 503,
  not_ready: 503,
};
