import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginRequestSchema, LoginResponseSchema, SessionStateSchema } from '@veza/shared';
import { AppError } from '../../platform/errors.ts';
import { PUBLIC, SIGNED_IN_OR_NOT } from '../../platform/http/docs.ts';
import { handle } from '../../platform/http/handle.ts';
import { clearSessionCookie, requireSession, setSessionCookie } from '../../platform/http/require-session.ts';
import { presentMe } from '../me/index.ts';
import { recordFailedSignIn, signIn, signOut } from './auth.service.ts';

function signInKey(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail, password and, once set up, a two-factor code',
        security: PUBLIC,
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema },
      },
      config: {
        rateLimit: {
          max: app.config.rateLimit.loginPerMinute,
          timeWindow: 60_000,
          // Per (account, address): colleagues behind one office address do not share a budget.
          keyGenerator: (request) => `sign-in:${signInKey(request.body)}|${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const wait = app.signInThrottle.retryAfterSeconds(email, request.ip);
      if (wait !== null) throw new AppError('rate_limited', { details: { retryAfterSeconds: wait } });
      const result = await handle(request, (ctx, tx) => signIn(tx, ctx, request.body, app.config));
      if (!result.ok) {
        if (result.code === 'invalid_credentials') {
          app.signInThrottle.recordFailure(email, request.ip);
          await handle(request, (ctx, tx) => recordFailedSignIn(tx, ctx, result));
        }
        throw new AppError(result.code);
      }
      app.signInThrottle.recordSuccess(email, request.ip);
      setSessionCookie(request, reply, result.session.token, result.session.expiresAt);
      return {
        user: presentMe(result.account),
        csrfToken: result.session.csrfToken,
        failedSignIns: result.failedSignIns,
      };
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current session and its CSRF token',
        response: { 200: SessionStateSchema },
      },
    },
    async (request) => {
      const { session, account } = requireSession(request);
      return { user: presentMe(account), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out of this session', security: SIGNED_IN_OR_NOT } },
    async (request, reply) => {
      await handle(request, (ctx, tx) => signOut(tx, ctx, false));
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-all',
    { schema: { tags: ['auth'], summary: 'Sign out of every session of the user' } },
    async (request, reply) => {
      requireSession(request);
      await handle(request, (ctx, tx) => signOut(tx, ctx, true));
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );
};
