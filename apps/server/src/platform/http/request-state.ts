import type { Database } from '@veza/db';
import type { Config } from '../config.ts';
import type { RequestContext } from '../context.ts';
import type { ActiveSession } from '../auth/session.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
  interface FastifyRequest {
    /** Set by the session hook on every request: anonymous until a valid session cookie is seen. */
    context: RequestContext;
    /** The signed-in session and its account, or null. */
    session: ActiveSession | null;
  }
}
