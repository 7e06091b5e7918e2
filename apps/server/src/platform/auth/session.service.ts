import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '@veza/db';
import type { Config } from '../config.ts';
import { findAccountById, type Account } from './account.repository.ts';
import {
  deleteSession,
  findSession,
  insertSession,
  touchSession,
  type SessionRow,
} from './session.repository.ts';

export const SESSION_COOKIE = 'veza_session';

/** last_seen is written at most this often: idle expiry needs minutes, not every request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface NewSession {
  /** Goes into the cookie; never stored. */
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  q: Queryable,
  input: { userId: string; ip: string | null; userAgent: string | null; now: Date },
  timeouts: Config['session'],
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + timeouts.absoluteTimeoutMs);
  await insertSession(q, {
    id,
    handle: randomBytes(16).toString('base64url'),
    userId: input.userId,
    csrfToken,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, id, csrfToken, expiresAt };
}

export interface ActiveSession {
  session: SessionRow;
  account: Account;
}

/**
 * The session behind a cookie token, when it is still valid: not past its absolute expiry, not idle
 * for longer than the idle timeout, and its user still active. An expired session is removed.
 */
export async function resumeSession(
  q: Queryable,
  token: string,
  now: Date,
  timeouts: Config['session'],
): Promise<ActiveSession | null> {
  const session = await findSession(q, sessionIdOf(token));
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt.getTime() <= now.getTime() || idleSince > timeouts.idleTimeoutMs) {
    await deleteSession(q, session.id);
    return null;
  }
  const account = await findAccountById(q, session.userId);
  if (!account || account.status !== 'active') {
    await deleteSession(q, session.id);
    return null;
  }
  if (idleSince >= LAST_SEEN_RESOLUTION_MS) {
    await touchSession(q, session.id, now);
    session.lastSeenAt = now;
  }
  return { session, account };
}

/** Constant-time comparison, so the answer time does not leak how much of the token was right. */
export function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
