import type { Database, Tx } from '@veza/db';
import { actorOf, findAccountByEmail } from './auth/account.repository.ts';
import { systemContext } from './context.ts';
import type { RequestContext } from './context.ts';
import { runUseCase } from './run-use-case.ts';

/**
 * The command line acting as a named user (`--as EMAIL`): the same use cases, policy and audit as
 * that user's HTTP requests, with 'cli' as the address. A disabled account may not act this way either.
 */
export async function runAs<T>(
  database: Database,
  email: string,
  fn: (ctx: RequestContext, tx: Tx) => Promise<T>,
): Promise<T> {
  const account = await findAccountByEmail(database.db, email);
  if (!account || account.status !== 'active') throw new Error(`no active user with the e-mail ${email}`);
  return runUseCase(database.db, systemContext(actorOf(account)), fn);
}
