import type { FastifyRequest } from 'fastify';
import type { Tx } from '@veza/db';
import type { RequestContext } from '../context.ts';
import { runUseCase } from '../run-use-case.ts';

/** Runs the request's use case in one transaction, with refusals logged after the rollback. */
export async function handle<T>(
  request: FastifyRequest,
  fn: (ctx: RequestContext, tx: Tx) => Promise<T>,
): Promise<T> {
  return runUseCase(request.server.database.db, request.context, fn);
}
