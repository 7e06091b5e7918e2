import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, totpEnrolmentRequired } from '../auth/account.repository.ts';
import { loadJustifications } from '../auth/session.repository.ts';
import { csrfTokenMatches, resumeSession, SESSION_COOKIE } from '../auth/session.service.ts';
import { anonymousContext } from '../context.ts';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into the request's context, then applies the checks every request
 * shares: CSRF for state-changing requests, and the session states in which a user may only finish
 * setting up two-factor authentication or changing a password.
 */
export function installSessionHook(app: FastifyInstance): void {
  app.decorateRequest('context', null as never);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    const ip = request.ip ?? null;
    const userAgent = request.headers['user-agent'] ?? null;
    request.context = anonymousContext(ip, userAgent);
    request.session = null;

    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const { db } = app.database;
    const active = await resumeSession(db, token, new Date(), app.config.session);
    if (!active) return;

    const path = pathOf(request);
    if (!SAFE_METHODS.has(request.method) && path !== '/api/auth/login') {
      const header = request.headers['x-csrf-token'];
      if (!csrfTokenMatches(active.session.csrfToken, typeof header === 'string' ? header : undefined)) {
        throw new AppError('csrf_failed');
      }
    }

    request.session = active;
    request.context = {
      actor: actorOf(active.account),
      sessionId: active.session.id,
      ip,
      userAgent,
      justifications: await loadJustifications(db, active.session.id),
    };

    if (path.startsWith('/api/') && !isAllowedInRestrictedState(request.method, path)) {
      if (active.account.mustChangePassword) throw new AppError('password_change_required');
      if (totpEnrolmentRequired(active.account)) throw new AppError('totp_enrolment_required');
    }
  });
}

function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}

/** What a user who must first change the password or set up two-factor may still reach. */
function isAllowedInRestrictedState(method: string, path: string): boolean {
  if (path.startsWith('/api/auth/') || path.startsWith('/api/me/totp/')) return true;
  if (path === '/api/me/password' || path === '/api/me/language') return true;
  if (path === '/api/me') return method === 'GET';
  return path.startsWith('/api/health') || path === '/api/openapi.json' || path.startsWith('/api/docs');
}
