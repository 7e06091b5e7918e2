import type { Database } from '@veza/db';
import type { Config } from '../config.ts';
import type { RequestContext } from '../context.ts';
import type { ActiveSession } from '../auth/session.service.ts';
import type { SignInThrottle } from '../auth/sign-in-throttle.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** Failed sign-ins per (account, address) pair, with growing delays (no lock-outs). */
    signInThrottle: SignInThrottle;
  }
  interface FastifyRequest {
    /** Set by the session hook on every request: anonymous until a valid session cookie is seen. */
    context: RequestContext;
    /** The signed-in session and its account, or null. */
    session: ActiveSession | null;
  }
}
