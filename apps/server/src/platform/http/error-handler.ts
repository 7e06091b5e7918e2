import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldProblem } from '@veza/shared';
import { AppError } from '../errors.ts';
import { problemOf, sendProblem } from './problem.ts';

/** Seconds a client is asked to wait before it tries again after a 503. */
const RETRY_AFTER_UNAVAILABLE_SECONDS = 2;

/**
 * One place turns every failure into problem+json with a stable code: zod validation, AppError,
 * Fastify's own errors (body too large, wrong content type, malformed JSON or URL, a parameter too
 * long, rate limit), a full disk, and the unexpected, which is logged by class, code and route only
 * (see logging.ts) and answered without details.
 */
export function installErrorHandling(app: FastifyInstance): void {
  // The not-found handler lives with the web app (http/web.ts): outside /api it serves index.html.
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) =>
    answerError(error, request, reply),
  );
}

export function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    const problem = problemOf(error.code, {
      ...(error.message !== error.code ? { detail: error.message } : {}),
      ...(error.fieldProblems ? { errors: error.fieldProblems } : {}),
    });
    const retryAfter = error.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
    else if (problem.status === 503) reply.header('retry-after', String(RETRY_AFTER_UNAVAILABLE_SECONDS));
    return sendProblem(reply, problem);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldProblem[] = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      code: issue.keyword,
      message: issue.message ?? issue.keyword,
    }));
    return sendProblem(reply, problemOf('validation_failed', { errors }));
  }
  if (isStorageFull(error)) {
    request.log.error({ err: error }, 'database storage full');
    reply.header('retry-after', String(RETRY_AFTER_UNAVAILABLE_SECONDS * 30));
    return sendProblem(reply, problemOf('storage_full'));
  }
  const status = statusOf(error);
  if (status === 413) return sendProblem(reply, problemOf('payload_too_large'));
  if (status === 414) return sendProblem(reply, problemOf('uri_too_long'));
  if (status === 415) return sendProblem(reply, problemOf('unsupported_media_type'));
  if (status === 429) return sendProblem(reply, problemOf('rate_limited'));
  if (status === 404) return sendProblem(reply, problemOf('not_found'));
  if (status === 400) {
    // Malformed JSON, a malformed URL and similar: the request never reached the schema.
    const message = error instanceof Error ? error.message : 'Bad request';
    return sendProblem(reply, problemOf('validation_failed', { detail: message, errors: [] }));
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, problemOf('internal_error'));
}

/**
 * A disk with no space left, as PostgreSQL reports it (SQLSTATE 53100 disk_full), as PGlite's file
 * system does (ENOSPC, "No space left on device"), anywhere in the chain of causes.
 */
export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (code === '53100' || code === 'ENOSPC') return true;
    if (typeof message === 'string' && /no space left on device/i.test(message)) return true;
    current = cause;
  }
  return false;
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them: a problem+json answer written to the
 * socket. Node counts the request line in its header limit, so a header overflow is nearly always
 * an address that is too long.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problemOf('uri_too_long')
      : problemOf('validation_failed', { detail: 'The request is malformed', errors: [] });
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}
