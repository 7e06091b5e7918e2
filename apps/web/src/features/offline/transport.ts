import { ERROR_CODES, type ErrorCode } from '@veza/shared';
import { ApiError, type ClientErrorCode } from '../../api/client.ts';
import type { FieldConflict, ScreeningChanges, ScreeningDraft, StoredScreening } from './outbox.types.ts';

/**
 * The three calls the outbox makes. Its own small HTTP layer rather than api() from api/client.ts
 * because a 409 `sync_conflict` answer carries `conflicts`, which the outbox must keep and ApiError
 * drops. Everything else (same-origin cookie, CSRF header, problem codes) is done the same way.
 */
export interface ScreeningTransport {
  create(body: ScreeningDraft): Promise<StoredScreening>;
  update(id: string, baseRevision: number, changes: ScreeningChanges): Promise<StoredScreening>;
  get(id: string): Promise<StoredScreening>;
}

/** A 409 whose fields the user must choose between. */
export class SyncConflictError extends ApiError {
  readonly conflicts: FieldConflict[];
  constructor(conflicts: FieldConflict[]) {
    super(409, 'sync_conflict');
    this.conflicts = conflicts;
  }
}

/** Network trouble (no connection, a gateway that cannot reach the server): try again later. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.code === 'network_error');
}

let csrfToken: string | null = null;

async function freshCsrfToken(fetcher: typeof fetch): Promise<string | null> {
  const response = await send(fetcher, 'GET', '/api/auth/session');
  if (!response.ok) return null;
  const body = (await response.json().catch(() => null)) as { csrfToken?: unknown } | null;
  csrfToken = typeof body?.csrfToken === 'string' ? body.csrfToken : null;
  return csrfToken;
}

async function send(
  fetcher: typeof fetch,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetcher(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error');
  }
}

async function call<T>(
  fetcher: typeof fetch,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  if (method !== 'GET' && !csrfToken) await freshCsrfToken(fetcher);
  let response = await send(fetcher, method, path, body);
  let problem = response.ok ? null : await problemOf(response);
  if (problem?.code === 'csrf_failed' && (await freshCsrfToken(fetcher))) {
    response = await send(fetcher, method, path, body);
    problem = response.ok ? null : await problemOf(response);
  }
  if (!problem) return (await response.json()) as T;
  if (problem.code === 'sync_conflict' && Array.isArray(problem.conflicts)) {
    throw new SyncConflictError(problem.conflicts.filter(isFieldConflict));
  }
  throw new ApiError(response.status, problemCode(problem.code, response.status));
}

interface Problem {
  code?: unknown;
  conflicts?: unknown;
}

async function problemOf(response: Response): Promise<Problem> {
  const body = (await response.json().catch(() => null)) as unknown;
  return typeof body === 'object' && body !== null ? (body as Problem) : {};
}

function problemCode(code: unknown, status: number): ClientErrorCode {
  if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) return code as ErrorCode;
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'network_error';
  if (status === 401) return 'unauthenticated';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'validation_failed';
  return 'internal_error';
}

function isFieldConflict(value: unknown): value is FieldConflict {
  return typeof value === 'object' && value !== null && typeof (value as FieldConflict).field === 'string';
}

/** The transport over fetch (the browser's, or a fake one in tests). */
export function httpTransport(fetcher: typeof fetch = (...args) => fetch(...args)): ScreeningTransport {
  return {
    create: (body) => call(fetcher, 'POST', '/api/screenings', body),
    update: (id, baseRevision, changes) =>
      call(fetcher, 'PUT', `/api/screenings/${encodeURIComponent(id)}`, { baseRevision, changes }),
    get: (id) => call(fetcher, 'GET', `/api/screenings/${encodeURIComponent(id)}`),
  };
}

/** Sign-out or another user: the next write fetches the new session's token. */
export function forgetCsrfToken(): void {
  csrfToken = null;
}
