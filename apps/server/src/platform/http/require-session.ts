import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActiveSession } from '../auth/session.service.ts';
import { SESSION_COOKIE } from '../auth/session.service.ts';
import { AppError } from '../errors.ts';

/** The signed-in session, or 401 `unauthenticated`. */
export function requireSession(request: FastifyRequest): ActiveSession {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
  });
}
