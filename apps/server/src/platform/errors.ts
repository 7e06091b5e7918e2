import type { ErrorCode, FieldProblem, PlatformErrorCode } from '@veza/shared';
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

/** What a module says about each of its codes: the HTTP status and an English title for API users. */
export type ModuleErrors<Code extends ErrorCode> = Readonly<Record<Code, { status: number; title: string }>>;

/**
 * HTTP status per platform code: exhaustive, so adding a code without a status does not compile.
 * The modules' codes are in `modules/<name>/<name>.errors.ts`; error-statuses.ts joins them all.
 */
export const PLATFORM_STATUS_BY_CODE: Readonly<Record<PlatformErrorCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  totp_enrolment_required: 403,
  password_change_required: 403,
  csrf_failed: 403,
  rate_limited: 429,
  not_found: 404,
  forbidden: 403,
  justification_required: 428,
  name_taken: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
  uri_too_long: 414,
  storage_full: 503,
  not_ready: 503,
};
