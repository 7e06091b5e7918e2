import type { FastifyInstance } from 'fastify';
import type { FieldProblem, FieldProblemCode } from '@veza/shared';
import { AppError } from '../errors.ts';

const NUL_CODE: FieldProblemCode = 'nul_character';

/**
 * PostgreSQL (and PGlite) cannot store U+0000 in text: a NUL that reached a query failed it with a
 * 500. Every request's path parameters, query and body are searched for it before validation, so
 * that each module gets the refusal for free, with a 400 that names the field.
 */
export function installNulCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems = [
      ...nulProblems(request.params, []),
      ...nulProblems(request.query, []),
      ...nulProblems(request.body, []),
    ];
    if (problems.length > 0) throw new AppError('validation_failed', { fieldProblems: problems });
  });
}

/** One problem per string (or object key) holding a NUL, named by its dotted path. */
export function nulProblems(value: unknown, path: readonly string[]): FieldProblem[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [problemAt(path)] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => nulProblems(item, [...path, String(index)]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const at = [...path, key.replaceAll('\u0000', '')];
    return key.includes('\u0000') ? [problemAt(at)] : nulProblems(item, at);
  });
}

function problemAt(path: readonly string[]): FieldProblem {
  return { path: path.join('.'), code: NUL_CODE, message: 'must not contain the NUL character (U+0000)' };
}
