import { ERROR_CODES, type ErrorCode, type FieldProblem } from '@veza/shared';

/** A code the browser itself produces when the server could not be reached or answered nonsense. */
export type ClientErrorCode = ErrorCode | 'network_error';

/** A failed API call: the HTTP status, the stable problem code and the per-field problems, if any. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly errors: FieldProblem[];

  constructor(status: number, code: ClientErrorCode, errors: FieldProblem[] = [], message?: string) {
    super(message ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token lives in memory only: it comes with the login answer and GET /api/auth/session.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type SessionListener = (reason: 'ended' | 'state_changed') => void;
let sessionListener: SessionListener | null = null;

/** The session provider hears here when the server says the session ended or changed state. */
export function onSessionProblem(listener: SessionListener | null): void {
  sessionListener = listener;
}

/** Paths whose 401 answers are part of a flow (sign-in, the session probe), not "your session ended". */
const QUIET_401_PATHS = ['/api/auth/login', '/api/auth/session'];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.ok) return parseBody<T>(response);
  const error = await toApiError(response);
  if (error.code === 'csrf_failed' && (await refreshCsrfToken())) {
    const retried = await send(path, options);
    if (retried.ok) return parseBody<T>(retried);
    throw report(path, await toApiError(retried));
  }
  throw report(path, error);
}

function report(path: string, error: ApiError): ApiError {
  if (error.status === 401 && error.code === 'unauthenticated' && !QUIET_401_PATHS.includes(path)) {
    sessionListener?.('ended');
  } else if (error.code === 'password_change_required' || error.code === 'totp_enrolment_required') {
    sessionListener?.('state_changed');
  }
  return error;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error');
  }
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function parseBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'internal_error');
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty answer): fall back on the status below.
  }
  const problem = (body ?? {}) as { code?: unknown; errors?: unknown; detail?: unknown };
  const code = isErrorCode(problem.code) ? problem.code : codeForStatus(response.status);
  const errors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldProblem) : [];
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  return new ApiError(response.status, code, errors, detail);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === 'string' && typeof v.code === 'string';
}

function codeForStatus(status: number): ClientErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation_failed';
  if (status === 502 || status === 503 || status === 504) return 'network_error';
  return 'internal_error';
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/api/auth/session', {});
  if (!response.ok) return false;
  const body = (await parseBody<{ csrfToken?: string }>(response)) ?? {};
  if (typeof body.csrfToken !== 'string') return false;
  csrfToken = body.csrfToken;
  return true;
}
