import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldProblem } from '@veza/shared';
import { AppError } from '../errors.ts';
import { problemOf, sendProblem } from './problem.ts';

/**
 * One place turns every failure into problem+json with a stable code: zod validation, AppError,
 * Fastify's own errors (body too large, wrong content type, malformed JSON, rate limit), and the
 * unexpected, which is logged with its stack but answered without it.
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
  const status = statusOf(error);
  if (status === 413) return sendProblem(reply, problemOf('payload_too_large'));
  if (status === 415) return sendProblem(reply, problemOf('unsupported_media_type'));
  if (status === 429) return sendProblem(reply, problemOf('rate_limited'));
  if (status === 404) return sendProblem(reply, problemOf('not_found'));
  if (status === 400) {
    // Malformed JSON and similar: the body never reached the schema.
    const message = error instanceof Error ? error.message : 'Bad request';
    return sendProblem(reply, problemOf('validation_failed', { detail: message, errors: [] }));
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, problemOf('internal_error'));
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}
