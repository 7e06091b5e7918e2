import type { Db, Tx } from '@veza/db';
import { appendAudit } from './audit/index.ts';
import type { RequestContext } from './context.ts';
import { AppError } from './errors.ts';

/**
 * Runs one use case in one transaction: either everything it wrote stays, or nothing does. When it
 * fails with an AppError that carries an audit record (a denial, a failed sign-in), that record is
 * written after the rollback in a transaction of its own, so refusals are logged even though the
 * rest is not. HTTP requests and the command line both come through here.
 */
export async function runUseCase<T>(
  db: Db,
  ctx: RequestContext,
  fn: (ctx: RequestContext, tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction((tx) => fn(ctx, tx));
  } catch (error) {
    if (error instanceof AppError && error.audit) {
      const { operation, ...rest } = error.audit;
      await db.transaction((tx) =>
        appendAudit(tx, ctx, {
          operation,
          ...rest,
          outcome: operation === 'denial' ? 'denied' : 'failed',
        }),
      );
    }
    throw error;
  }
}
